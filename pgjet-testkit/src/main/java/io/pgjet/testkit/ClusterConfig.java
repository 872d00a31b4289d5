package io.pgjet.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code postgresql.conf} settings and {@code pg_hba.conf} for a cluster, and quotes
 * SQL. Stateless and thread-safe.
 */
final class ClusterConfig {
    private ClusterConfig() {
    }

    /** {@return the settings every test cluster gets unless the builder overrides them} */
    static Map<String, String> fastTestDefaults() {
        Map<String, String> s = new LinkedHashMap<>();
        // Durability buys nothing for a throwaway cluster and costs seconds per test run.
        s.put("fsync", "off");
        s.put("synchronous_commit", "off");
        s.put("full_page_writes", "off");
        s.put("shared_buffers", "32MB");
        s.put("max_wal_size", "256MB");
        s.put("log_line_prefix", "%m [%p] ");
        return s;
    }

    /**
     * Appends {@code settings} to {@code postgresql.conf}; later lines win over earlier ones,
     * which is how a standby overrides what it copied from its primary.
     */
    static void appendSettings(Path dataDir, String heading, Map<String, String> settings) throws IOException {
        StringBuilder sb = new StringBuilder("\n# ").append(heading).append('\n');
        settings.forEach((k, v) -> sb.append(k).append(" = ").append(literal(v)).append('\n'));
        Files.writeString(dataDir.resolve("postgresql.conf"), sb, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /**
     * Builds the {@code pg_hba.conf} lines for a cluster: custom lines first (first match
     * wins in pg_hba.conf), then unix-socket replication for the superuser (how standbys made
     * by {@link PgCluster#startStandby()} connect), then {@code method}'s lines.
     */
    static List<String> hbaLines(AuthMethod method, String superuser, List<String> custom) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by pgjet-testkit. First match wins.");
        lines.addAll(custom);
        lines.add("local   replication  " + ident(superuser) + "  trust");
        String m = method.hbaMethod();
        String type = method == AuthMethod.CERT ? "hostssl" : "host";
        lines.add("local   all          all  " + (method == AuthMethod.CERT ? "scram-sha-256" : m));
        for (String db : List.of("all", "replication")) {
            lines.add(type + "  " + db + "  all  127.0.0.1/32  " + m);
            lines.add(type + "  " + db + "  all  ::1/128  " + m);
        }
        return lines;
    }

    /** Replaces {@code pg_hba.conf} with {@code lines}. */
    static void writeHba(Path dataDir, List<String> lines) throws IOException {
        Files.write(dataDir.resolve("pg_hba.conf"), lines, StandardCharsets.UTF_8);
    }

    /** Quotes {@code s} as a SQL (and postgresql.conf) string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Quotes {@code s} as a SQL identifier. */
    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
