package io.pgjet.internal.engine;

/** Parses PostgreSQL's server_version strings ("18.1", "13.23 (Debian...)", "17beta1"). */
final class ServerVersions {
    private ServerVersions() {}

    /** Returns the integer form major*10000+minor (10+) or major*10000+minor*100+patch (older). */
    static int parse(String version) {
        if (version == null) {
            return 0;
        }
        int[] parts = new int[3];
        int part = 0;
        int i = 0;
        boolean any = false;
        while (i < version.length() && part < 3) {
            char c = version.charAt(i);
            if (c >= '0' && c <= '9') {
                parts[part] = parts[part] * 10 + (c - '0');
                any = true;
            } else if (c == '.') {
                part++;
            } else {
                break;
            }
            i++;
        }
        if (!any) {
            return 0;
        }
        if (parts[0] >= 10) {
            return parts[0] * 10000 + parts[1];
        }
        return parts[0] * 10000 + parts[1] * 100 + parts[2];
    }
}
