package io.pgjet.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a real PostgreSQL server in a private temporary directory for the lifetime of this
 * object.
 *
 * <pre>{@code
 * try (PgCluster pg = PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256).tls(true)
 *         .user("alice", "secret").setting("max_connections", "200").start()) {
 *     Connection c = DriverManager.getConnection(pg.jdbcUrl("alice"));
 *     ...
 * }
 * }</pre>
 *
 * <p>The server listens on {@link #host()} ({@code 127.0.0.1}) at {@link #port()} and on a
 * unix socket in {@link #socketDirectory()}; database {@code postgres} exists. When the JVM
 * runs as root, the server runs as an unprivileged OS user (see {@link PgClusterBuilder}).
 *
 * <p>Lifecycle: {@link #close()} stops the server and deletes every file; a JVM shutdown hook
 * closes clusters still open at exit, and clusters of JVMs that were killed are reaped by the
 * next cluster start on the machine.
 *
 * <p>Thread-safe: accessors never block; {@link #stop()}, {@link #restart()},
 * {@link #startStandby()} and {@link #close()} are serialised by an internal lock (never
 * {@code synchronized}, so virtual threads may call them).
 */
public final class PgCluster implements PgServer, AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final String DATABASE = "postgres";

    private final PgBinaries bin;
    private final OsUser os;
    private final ClusterWorkDir dir;
    private final int port;
    private final AuthMethod auth;
    private final String superuser;
    private final Map<String, String> passwords;
    private final TlsMaterial tls;
    private final boolean ipv6;
    private final Duration startTimeout;
    /** Cleared by {@link #promote()}. */
    private volatile boolean standby;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long pid;
    private volatile boolean closed;

    PgCluster(PgBinaries bin, OsUser os, ClusterWorkDir dir, int port, AuthMethod auth, String superuser,
            Map<String, String> passwords, TlsMaterial tls, boolean ipv6, Duration startTimeout, boolean standby,
            long pid) {
        this.bin = bin;
        this.os = os;
        this.dir = dir;
        this.port = port;
        this.auth = auth;
        this.superuser = superuser;
        this.passwords = Collections.unmodifiableMap(new LinkedHashMap<>(passwords));
        this.tls = tls;
        this.ipv6 = ipv6;
        this.startTimeout = startTimeout;
        this.standby = standby;
        this.pid = pid;
        ClusterRegistry.register(this);
    }

    /**
     * Returns a builder for a new cluster; nothing starts until {@link PgClusterBuilder#start()}.
     *
     * @return a fresh builder with test-friendly defaults
     */
    public static PgClusterBuilder builder() {
        return new PgClusterBuilder();
    }

    /** {@return {@code 127.0.0.1}, the address the server listens on} */
    @Override
    public String host() {
        return HOST;
    }

    /** {@return the TCP port (also the suffix of the unix socket name, {@code .s.PGSQL.<port>})} */
    @Override
    public int port() {
        return port;
    }

    /** {@return the superuser's name, as {@link PgServer#user()} requires} */
    @Override
    public String user() {
        return superuser;
    }

    /** {@return the superuser's password} */
    @Override
    public String password() {
        return password(superuser);
    }

    /** {@return {@code postgres}, the database every cluster has} */
    @Override
    public String database() {
        return DATABASE;
    }

    /** {@return {@link #dsn(String)} for the superuser} */
    @Override
    public String dsn() {
        return dsn(superuser);
    }

    /** {@return {@link #jdbcUrl(String)} for the superuser} */
    @Override
    public String jdbcUrl() {
        return jdbcUrl(superuser);
    }

    /** {@return the major version of the binaries, e.g. {@code 18}} */
    @Override
    public int majorVersion() {
        return bin.majorVersion();
    }

    /** {@return what {@code postgres --version} printed, e.g. {@code postgres (PostgreSQL) 18.6}} */
    public String version() {
        return bin.versionString();
    }

    /** {@return the directory holding the unix socket {@code .s.PGSQL.<port>}} */
    public Path socketDirectory() {
        return dir.socketDirectory();
    }

    /** {@return the data directory (owned by the server's OS user)} */
    public Path dataDirectory() {
        return dir.dataDirectory();
    }

    /** {@return the directory of the PostgreSQL programs that run this cluster} */
    public Path binDirectory() {
        return bin.binDirectory();
    }

    /** {@return the server log file, kept until {@link #close()}} */
    public Path logFile() {
        return dir.logFile();
    }

    /** {@return how clients authenticate} */
    public AuthMethod authMethod() {
        return auth;
    }

    /** {@return the bootstrap superuser's name} */
    public String superuser() {
        return superuser;
    }

    /** {@return the roles this testkit created (superuser first) and their passwords} */
    public Map<String, String> users() {
        return passwords;
    }

    /**
     * Returns the password of a role created by this testkit.
     *
     * @param user the superuser or a name given to {@link PgClusterBuilder#user(String, String)}
     * @return the password
     * @throws IllegalArgumentException for any other name
     */
    public String password(String user) {
        String p = passwords.get(user);
        if (p == null) {
            throw new IllegalArgumentException("No role " + user + " was created by this cluster; known: "
                    + passwords.keySet());
        }
        return p;
    }

    /**
     * Returns a libpq URI such as {@code postgresql://user:password@127.0.0.1:port/postgres}, all
     * parts percent-encoded. Under {@link AuthMethod#CERT} it also carries
     * {@code sslmode=verify-full}, {@code sslrootcert}, {@code sslcert} and {@code sslkey}
     * (PEM).
     *
     * @param user a role created by this testkit
     * @return the URI, password included: keep it out of logs
     * @throws IllegalArgumentException for an unknown role
     */
    public String dsn(String user) {
        Map<String, String> params = new LinkedHashMap<>();
        if (auth == AuthMethod.CERT) {
            params.put("sslmode", "verify-full");
            params.put("sslrootcert", tls.caCertificate().toString());
            params.put("sslcert", tls.clientCertificate().toString());
            params.put("sslkey", tls.clientKey().toString());
        }
        return ConnectionStrings.dsn(user, password(user), HOST, port, DATABASE, params);
    }

    /**
     * Returns a pgjdbc URL with {@code user} and {@code password} parameters. Under
     * {@link AuthMethod#CERT} it also carries the TLS parameters, with the DER PKCS#8 key that
     * pgjdbc reads.
     *
     * @param user a role created by this testkit
     * @return the URL, password included: keep it out of logs
     * @throws IllegalArgumentException for an unknown role
     */
    public String jdbcUrl(String user) {
        Map<String, String> params = new LinkedHashMap<>();
        if (auth == AuthMethod.CERT) {
            params.put("sslmode", "verify-full");
            params.put("sslrootcert", tls.caCertificate().toString());
            params.put("sslcert", tls.clientCertificate().toString());
            params.put("sslkey", tls.clientKeyPk8().toString());
        }
        return ConnectionStrings.jdbcUrl(user, password(user), HOST, port, DATABASE, params);
    }

    /** {@return true when this cluster has TLS material and {@code ssl=on}} */
    public boolean hasTls() {
        return tls != null;
    }

    /**
     * Returns the generated CA, server and client certificates and keys.
     *
     * @return the TLS file paths
     * @throws IllegalStateException when the cluster was built without {@code tls(true)}
     */
    public TlsMaterial tls() {
        if (tls == null) {
            throw new IllegalStateException("TLS is off for this cluster; build it with .tls(true)");
        }
        return tls;
    }

    /** {@return true when this cluster is a streaming-replication standby} */
    public boolean isStandby() {
        return standby;
    }

    /** {@return true while the server process is running} */
    public boolean isRunning() {
        long p = pid;
        return p > 0 && Postmaster.isAlive(p);
    }

    /**
     * Returns the postmaster's process id.
     *
     * @return the pid, or -1 when stopped
     */
    public long postmasterPid() {
        return isRunning() ? pid : -1;
    }

    /**
     * Stops the server (fast shutdown, then immediate, then kill; bounded waits) and keeps the
     * data, so that {@link #restart()} can bring it back. Does nothing when already stopped.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void stop() {
        lock.lock();
        try {
            checkOpen();
            ServerControl.stop(bin, os, dir);
            pid = -1;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the server if it runs, then starts it again on the same port and data; returns
     * once it accepts connections.
     *
     * @throws PgClusterException when it does not come back; the message carries the log tail
     * @throws IllegalStateException after {@link #close()}
     */
    public void restart() {
        lock.lock();
        try {
            checkOpen();
            ServerControl.stop(bin, os, dir);
            pid = -1;
            pid = ServerControl.start(bin, os, dir, startTimeout);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Creates and starts a streaming-replication standby of this running cluster: stops this
     * server cleanly, copies its data directory, starts it again, and starts the copy as a hot
     * standby on another port that streams from this one over its unix socket. The standby
     * has the same roles, passwords and TLS setup; close it before or after this cluster.
     * Blocks for a few seconds; this cluster is briefly down meanwhile.
     *
     * @return the running standby
     * @throws PgClusterException when either server fails to start; this cluster is restarted
     *     before the failure is reported
     * @throws IllegalStateException after {@link #close()} or when this cluster is stopped
     */
    public PgCluster startStandby() {
        lock.lock();
        try {
            checkOpen();
            if (!isRunning()) {
                throw new IllegalStateException("Start the primary (restart()) before making a standby");
            }
            return StandbyFactory.create(this);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Promotes this standby to a primary with {@code pg_ctl promote -w}: it stops replaying from
     * its primary and accepts writes once this returns. The old primary keeps running until it
     * is stopped, as after a real failover (two primaries: the test decides what happens next).
     *
     * @throws IllegalStateException when this cluster is not a running standby, or is closed
     * @throws PgClusterException when the promotion does not finish within the start timeout
     */
    public void promote() {
        lock.lock();
        try {
            checkOpen();
            if (!standby || !isRunning()) {
                throw new IllegalStateException("Only a running standby can be promoted: " + this);
            }
            ServerControl.promote(bin, os, dir, startTimeout);
            standby = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the server and deletes the data, socket and certificate directories and the log.
     * Idempotent; failures to delete are reported on stderr rather than thrown, so a test's
     * own failure stays visible.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            ServerControl.stop(bin, os, dir);
            pid = -1;
            try {
                dir.delete();
            } catch (IOException e) {
                System.err.println("pgjet-testkit: could not delete " + dir.root() + ": " + e);
            }
        } finally {
            ClusterRegistry.unregister(this);
            lock.unlock();
        }
    }

    /** {@return a description with version, port and data directory (never a password)} */
    @Override
    public String toString() {
        return "PgCluster[PostgreSQL " + bin.version() + (standby ? " standby" : "") + ", " + HOST + ":" + port
                + ", " + dir.dataDirectory() + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Cluster is closed: " + this);
        }
    }

    // Accessors for StandbyFactory.
    PgBinaries binaries() {
        return bin;
    }

    OsUser osUser() {
        return os;
    }

    ClusterWorkDir workDir() {
        return dir;
    }

    boolean ipv6() {
        return ipv6;
    }

    Duration startTimeout() {
        return startTimeout;
    }

    TlsMaterial tlsOrNull() {
        return tls;
    }

    /** Starts the stopped server again; caller holds the lock. */
    void startLocked() {
        pid = ServerControl.start(bin, os, dir, startTimeout);
    }

    void markStopped() {
        pid = -1;
    }
}
