package io.pgjet.testkit;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands every test in a JVM the same PostgreSQL server, so a suite pays for one cluster start.
 *
 * <p>When the environment variable or system property {@code PGJET_TEST_DSN} is set (a URI
 * such as {@code postgresql://user:password@host:5432/db}), {@link #shared()} describes that
 * existing server and starts nothing; {@code PGJET_TEST_PG_MAJOR} may give its major version.
 * Otherwise the first call starts a {@link PgCluster} (default version, SCRAM-SHA-256, TLS on,
 * {@code max_connections=200}) that lives until the JVM exits — do not close it.
 *
 * <p>Thread-safe: concurrent first calls start one cluster; later calls return at once.
 */
public final class PgTestServer {
    /** Names the environment variable / system property pointing at an existing server. */
    public static final String DSN_VARIABLE = "PGJET_TEST_DSN";
    /** Names the environment variable / system property giving that server's major version. */
    public static final String MAJOR_VARIABLE = "PGJET_TEST_PG_MAJOR";

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static volatile PgServer shared;

    private PgTestServer() {
    }

    /**
     * Returns the JVM-wide server, starting the cluster on first use.
     *
     * @return the external server named by {@code PGJET_TEST_DSN}, or the shared cluster
     *     (a {@link PgCluster}, so {@code instanceof} gives access to TLS material and more)
     * @throws PgClusterException when the cluster cannot start; the next call tries again
     * @throws IllegalArgumentException when {@code PGJET_TEST_DSN} is malformed
     */
    public static PgServer shared() {
        PgServer s = shared;
        if (s != null) {
            return s;
        }
        LOCK.lock();
        try {
            if (shared == null) {
                String dsn = setting(DSN_VARIABLE);
                shared = dsn != null && !dsn.isBlank() ? external(dsn) : startCluster();
            }
            return shared;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Returns true when {@code PGJET_TEST_DSN} points the suite at an existing server.
     *
     * @return whether {@link #shared()} is (or will be) an external server
     */
    public static boolean isExternal() {
        String dsn = setting(DSN_VARIABLE);
        return dsn != null && !dsn.isBlank();
    }

    /** Describes an existing server from a URI; package-private so tests can use it without the variable. */
    static PgServer external(String dsn) {
        String major = setting(MAJOR_VARIABLE);
        return ExternalPgServer.parse(dsn, major == null || major.isBlank() ? 0 : Integer.parseInt(major.strip()));
    }

    private static PgCluster startCluster() {
        return PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256).tls(true)
                .setting("max_connections", "200").start();
    }

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }
}
