package io.pgjet.internal.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lists every connection option libpq 18 knows, with its environment variable and what PgJet does
 * with it, plus PgJet's own options (which no libpq keyword covers; they have no environment
 * variable).
 *
 * <p>Every libpq option is recognized so that settings written for libpq either work unchanged or
 * fail with a clear message; PgJet never silently drops an option that changes security or
 * semantics. Options are case-sensitive, as in libpq.
 */
enum ConnectionKeyword {
    HOST("host", "PGHOST", Support.SUPPORTED),
    HOSTADDR("hostaddr", "PGHOSTADDR", Support.SUPPORTED),
    PORT("port", "PGPORT", Support.SUPPORTED),
    DBNAME("dbname", "PGDATABASE", Support.SUPPORTED),
    USER("user", "PGUSER", Support.SUPPORTED),
    PASSWORD("password", "PGPASSWORD", Support.SUPPORTED, true),
    PASSFILE("passfile", "PGPASSFILE", Support.SUPPORTED),
    CHANNEL_BINDING("channel_binding", "PGCHANNELBINDING", Support.SUPPORTED),
    CONNECT_TIMEOUT("connect_timeout", "PGCONNECT_TIMEOUT", Support.SUPPORTED),
    CLIENT_ENCODING("client_encoding", "PGCLIENTENCODING", Support.SUPPORTED),
    OPTIONS("options", "PGOPTIONS", Support.SUPPORTED),
    APPLICATION_NAME("application_name", "PGAPPNAME", Support.SUPPORTED),
    FALLBACK_APPLICATION_NAME("fallback_application_name", null, Support.SUPPORTED),
    KEEPALIVES("keepalives", null, Support.SUPPORTED),
    SSLMODE("sslmode", "PGSSLMODE", Support.SUPPORTED),
    SSLNEGOTIATION("sslnegotiation", "PGSSLNEGOTIATION", Support.SUPPORTED),
    SSLCERT("sslcert", "PGSSLCERT", Support.SUPPORTED),
    SSLKEY("sslkey", "PGSSLKEY", Support.SUPPORTED),
    SSLPASSWORD("sslpassword", null, Support.SUPPORTED, true),
    SSLROOTCERT("sslrootcert", "PGSSLROOTCERT", Support.SUPPORTED),
    SSLSNI("sslsni", "PGSSLSNI", Support.SUPPORTED),
    TARGET_SESSION_ATTRS("target_session_attrs", "PGTARGETSESSIONATTRS", Support.SUPPORTED),
    REQUIRE_AUTH("require_auth", "PGREQUIREAUTH", Support.SUPPORTED),
    LOAD_BALANCE_HOSTS("load_balance_hosts", "PGLOADBALANCEHOSTS", Support.SUPPORTED),
    // Accepted when the value asks for nothing PgJet lacks (checked by ConfigResolver).
    GSSENCMODE("gssencmode", "PGGSSENCMODE", Support.VALUE_CHECKED),
    MIN_PROTOCOL_VERSION("min_protocol_version", "PGMINPROTOCOLVERSION", Support.VALUE_CHECKED),
    MAX_PROTOCOL_VERSION("max_protocol_version", "PGMAXPROTOCOLVERSION", Support.VALUE_CHECKED),
    REPLICATION("replication", null, Support.VALUE_CHECKED),
    SSLCERTMODE("sslcertmode", "PGSSLCERTMODE", Support.VALUE_CHECKED),
    // Tuning and GSSAPI/Kerberos details that cannot change what PgJet does.
    KEEPALIVES_IDLE("keepalives_idle", null, Support.IGNORED),
    KEEPALIVES_INTERVAL("keepalives_interval", null, Support.IGNORED),
    KEEPALIVES_COUNT("keepalives_count", null, Support.IGNORED),
    TCP_USER_TIMEOUT("tcp_user_timeout", null, Support.IGNORED),
    SSLCOMPRESSION("sslcompression", "PGSSLCOMPRESSION", Support.IGNORED),
    SSLKEYLOGFILE("sslkeylogfile", null, Support.IGNORED),
    KRBSRVNAME("krbsrvname", "PGKRBSRVNAME", Support.IGNORED),
    GSSLIB("gsslib", "PGGSSLIB", Support.IGNORED),
    GSSDELEGATION("gssdelegation", "PGGSSDELEGATION", Support.IGNORED),
    // Not implemented; rejected because ignoring them would weaken security or change behaviour.
    SERVICE("service", "PGSERVICE", Support.UNSUPPORTED),
    SSLCRL("sslcrl", "PGSSLCRL", Support.UNSUPPORTED),
    SSLCRLDIR("sslcrldir", "PGSSLCRLDIR", Support.UNSUPPORTED),
    REQUIREPEER("requirepeer", "PGREQUIREPEER", Support.UNSUPPORTED),
    SSL_MIN_PROTOCOL_VERSION("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION", Support.UNSUPPORTED),
    SSL_MAX_PROTOCOL_VERSION("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION", Support.UNSUPPORTED),
    SCRAM_CLIENT_KEY("scram_client_key", null, Support.UNSUPPORTED, true),
    SCRAM_SERVER_KEY("scram_server_key", null, Support.UNSUPPORTED, true),
    OAUTH_ISSUER("oauth_issuer", null, Support.UNSUPPORTED),
    OAUTH_CLIENT_ID("oauth_client_id", null, Support.UNSUPPORTED),
    OAUTH_CLIENT_SECRET("oauth_client_secret", null, Support.UNSUPPORTED, true),
    OAUTH_SCOPE("oauth_scope", null, Support.UNSUPPORTED),
    // PgJet's own: executeMany of a single-row INSERT ... VALUES as multi-row inserts. Also
    // accepted under pgjdbc's name (see ALIASES), so a JDBC URL's setting carries over.
    REWRITE_BATCHED_INSERTS("rewrite_batched_inserts", null, Support.SUPPORTED),
    // PgJet's own: how often a pool re-checks a free connection's server role (pgjdbc's hostRecheckSeconds).
    HOST_RECHECK_SECONDS("host_recheck_seconds", null, Support.SUPPORTED),
    // PgJet's own: behind pgbouncer's transaction/statement mode (no named statements, no LISTEN).
    TRANSACTION_POOLER("transaction_pooler", null, Support.SUPPORTED),
    // pgjdbc's prepareThreshold: 0 (never use named statements) turns transaction_pooler on.
    PREPARE_THRESHOLD("prepare_threshold", null, Support.SUPPORTED),
    // PgJet's own: the largest SCRAM iteration count accepted from a server (a hostile server's
    // 10^9 would cost the client minutes of CPU before anything is proven).
    SCRAM_MAX_ITERATIONS("scram_max_iterations", null, Support.SUPPORTED);

    /** What PgJet does with an option. */
    public enum Support {
        /** The option takes effect. */
        SUPPORTED,
        /** Accepted for some values (which need nothing PgJet lacks) and rejected for others. */
        VALUE_CHECKED,
        /** Accepted and validated only loosely; it has no effect in PgJet. */
        IGNORED,
        /** Rejected in a connection string; ignored with a warning in the environment. */
        UNSUPPORTED
    }

    private static final Map<String, ConnectionKeyword> BY_NAME = new HashMap<>();

    static {
        for (ConnectionKeyword keyword : values()) {
            BY_NAME.put(keyword.libpqName, keyword);
        }
        // Other drivers' spellings of PgJet's own options.
        BY_NAME.put("reWriteBatchedInserts", REWRITE_BATCHED_INSERTS);
        BY_NAME.put("hostRecheckSeconds", HOST_RECHECK_SECONDS);
        BY_NAME.put("prepareThreshold", PREPARE_THRESHOLD);
    }

    private final String libpqName;
    private final String environmentVariable;
    private final Support support;
    private final boolean secret;

    ConnectionKeyword(String libpqName, String environmentVariable, Support support) {
        this(libpqName, environmentVariable, support, false);
    }

    ConnectionKeyword(String libpqName, String environmentVariable, Support support, boolean secret) {
        this.libpqName = libpqName;
        this.environmentVariable = environmentVariable;
        this.support = support;
        this.secret = secret;
    }

    /**
     * Returns the option for a libpq keyword.
     *
     * @param name the keyword, case-sensitive
     * @return the option, or {@code null} if libpq has no such keyword
     */
    public static ConnectionKeyword byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * Returns the known keyword closest to a misspelt one, for "did you mean" hints.
     *
     * @param name an unknown keyword
     * @return a keyword at most two edits away, or {@code null}
     */
    public static String suggestionFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (BY_NAME.containsKey(lower)) {
            return lower;
        }
        String best = null;
        int bestDistance = 3;
        for (String candidate : BY_NAME.keySet()) {
            int distance = editDistance(lower, candidate);
            if (distance < bestDistance || distance == bestDistance && best != null && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 ? best : null;
    }

    /** Returns the optimal string alignment distance (edits, counting a swap of neighbours as one). */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Returns the keyword as written in connection strings.
     *
     * @return the libpq keyword
     */
    public String libpqName() {
        return libpqName;
    }

    /**
     * Returns the environment variable that supplies a default for this option.
     *
     * @return the variable name, or {@code null} if libpq reads none
     */
    public String environmentVariable() {
        return environmentVariable;
    }

    /**
     * Returns what PgJet does with this option.
     *
     * @return the support level
     */
    public Support support() {
        return support;
    }

    /**
     * Tells whether values of this option are secrets that must never appear in messages.
     *
     * @return {@code true} for passwords and keys
     */
    public boolean isSecret() {
        return secret;
    }
}
