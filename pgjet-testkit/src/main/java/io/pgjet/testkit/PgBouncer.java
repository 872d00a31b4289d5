package io.pgjet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a real pgbouncer in front of a {@link PgServer}, for tests of PgJet behind a connection
 * pooler. It listens on a free port of {@code 127.0.0.1} (no unix socket), serves every database
 * of the server, and authenticates clients with SCRAM-SHA-256 against a userlist holding the
 * plain passwords of the server's roles, which lets it log in to the server with whatever method
 * the server asks for. When the server is a {@link PgCluster} with TLS, pgbouncer talks TLS to it
 * ({@code server_tls_sslmode=require}); clients talk to pgbouncer in plain text.
 *
 * <p>The program is {@code pgbouncer} from {@code PATH} (or {@code /usr/sbin}), or the one named by
 * {@code -Dpgjet.pgbouncer.bin}; {@link #isInstalled()} says whether there is one (CI installs the
 * Debian package when it is missing). pgbouncer refuses to run as root, so a root JVM runs it as
 * the unprivileged user that runs PostgreSQL ({@code postgres} unless {@code -Dpgjet.pg.os.user}
 * says otherwise), through {@code runuser}.
 *
 * <p>{@link #start(PgServer, PoolMode)} returns once pgbouncer accepts TCP connections;
 * {@link #close()} stops it (SIGTERM, then SIGKILL) and deletes its directory. Every wait is
 * bounded. Thread-safe: what it reports never changes; close is idempotent.
 */
public final class PgBouncer implements PgServer, AutoCloseable {
    /** Names the system property that points at the pgbouncer program. */
    public static final String BIN_PROPERTY = "pgjet.pgbouncer.bin";
    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** Names pgbouncer's {@code pool_mode}: when a server connection goes back to its pool. */
    public enum PoolMode {
        /** After the client disconnects. */
        SESSION,
        /** After each transaction (an autocommit statement is a transaction of its own). */
        TRANSACTION,
        /** After each statement; multi-statement transactions are refused. */
        STATEMENT;

        /** {@return the value written to {@code pool_mode}} */
        public String iniValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PgServer server;
    private final PoolMode mode;
    private final int port;
    private final Path dir;
    private final Process process;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private PgBouncer(PgServer server, PoolMode mode, int port, Path dir, Process process) {
        this.server = server;
        this.mode = mode;
        this.port = port;
        this.dir = dir;
        this.process = process;
        // A JVM that exits without closing must not leave pgbouncer holding the port.
        this.shutdownHook = new Thread(this::stopProcess, "pgbouncer-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Returns whether a pgbouncer program can be found.
     *
     * @return true when {@link #start} can run one
     */
    public static boolean isInstalled() {
        return program() != null;
    }

    /**
     * Starts pgbouncer in front of {@code server} with a pool of 2 server connections per
     * database and user, so that clients really share server connections.
     *
     * @param server the server to pool connections to (the shared test server, a cluster...)
     * @param mode the pool mode
     * @return a running pgbouncer that accepts connections
     * @throws PgClusterException when pgbouncer is not installed, or does not accept connections
     *     within 15 seconds (the message ends with its log)
     */
    public static PgBouncer start(PgServer server, PoolMode mode) {
        return start(server, mode, Map.of());
    }

    /**
     * Starts pgbouncer in front of {@code server} with extra settings for the {@code [pgbouncer]}
     * section (e.g. {@code default_pool_size}), which override the defaults described in
     * {@link #start(PgServer, PoolMode)}.
     *
     * @param server the server to pool connections to
     * @param mode the pool mode
     * @param settings extra {@code name = value} settings
     * @return a running pgbouncer that accepts connections
     * @throws PgClusterException when pgbouncer is not installed or does not come up in time
     */
    public static PgBouncer start(PgServer server, PoolMode mode, Map<String, String> settings) {
        String program = program();
        if (program == null) {
            throw new PgClusterException("pgbouncer is not installed (apt-get install pgbouncer, or set -D"
                    + BIN_PROPERTY + "=<path>)");
        }
        OsUser os = OsUser.current();
        Path dir;
        int port;
        try {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pgjet-bouncer");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            port = ClusterBootstrap.freePort();
            Path userlist = dir.resolve("userlist.txt");
            Files.writeString(userlist, userlist(server), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(userlist, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(dir.resolve("pgbouncer.ini"), ini(server, mode, port, dir, settings), StandardCharsets.UTF_8);
            os.checkReachable(dir, "pgbouncer directory");
            os.giveOwnership(dir);
        } catch (IOException e) {
            throw new PgClusterException("Cannot prepare a pgbouncer directory: " + e, e);
        }
        Process process;
        try {
            process = new ProcessBuilder(os.wrap(List.of(program, dir.resolve("pgbouncer.ini").toString())))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pgbouncer.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new PgClusterException("Cannot run " + program + ": " + e.getMessage(), e);
        }
        PgBouncer bouncer = new PgBouncer(server, mode, port, dir, process);
        try {
            bouncer.awaitAccepting(Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            bouncer.close();
            throw e;
        }
        return bouncer;
    }

    private static String program() {
        String configured = System.getProperty(BIN_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? configured : null;
        }
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "pgbouncer"))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }

    /** One line per role: {@code "name" "password"}, quotes doubled as pgbouncer reads them. */
    private static String userlist(PgServer server) {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(server.user(), server.password());
        if (server instanceof PgCluster cluster) {
            users.putAll(cluster.users());
        }
        StringBuilder sb = new StringBuilder();
        users.forEach((user, password) -> sb.append(quoted(user)).append(' ').append(quoted(password)).append('\n'));
        return sb.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String ini(PgServer server, PoolMode mode, int port, Path dir, Map<String, String> extra) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("listen_addr", HOST);
        s.put("listen_port", Integer.toString(port));
        s.put("unix_socket_dir", "");
        s.put("auth_type", "scram-sha-256");
        s.put("auth_file", dir.resolve("userlist.txt").toString());
        s.put("pool_mode", mode.iniValue());
        s.put("default_pool_size", "2");
        s.put("max_client_conn", "200");
        s.put("server_tls_sslmode", server instanceof PgCluster c && c.hasTls() ? "require" : "prefer");
        s.put("pidfile", dir.resolve("pgbouncer.pid").toString());
        // pgjdbc and other drivers send extra_float_digits; PgJet sends only what pgbouncer tracks.
        s.put("ignore_startup_parameters", "extra_float_digits");
        s.put("log_connections", "0");
        s.put("log_disconnections", "0");
        s.putAll(extra);
        StringBuilder sb = new StringBuilder("; written by io.pgjet.testkit.PgBouncer\n[databases]\n");
        sb.append("* = host=").append(server.host()).append(" port=").append(server.port()).append("\n\n[pgbouncer]\n");
        s.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }

    private void awaitAccepting(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new PgClusterException("pgbouncer exited with " + process.exitValue() + " before accepting"
                        + " connections\n--- pgbouncer log (tail) ---\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new PgClusterException("pgbouncer did not accept connections on " + HOST + ":" + port
                            + " within " + timeout.toSeconds() + "s\n--- pgbouncer log (tail) ---\n" + logTail());
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PgClusterException("Interrupted while waiting for pgbouncer", e);
            }
        }
    }

    /** {@return the last lines pgbouncer wrote (it logs no passwords), for failure messages} */
    public String logTail() {
        return Postmaster.logTail(dir.resolve("pgbouncer.log"), 30);
    }

    /** {@return the pool mode pgbouncer runs in} */
    public PoolMode poolMode() {
        return mode;
    }

    /** {@return the server pgbouncer pools connections to} */
    public PgServer server() {
        return server;
    }

    /** {@return {@code 127.0.0.1}} */
    @Override
    public String host() {
        return HOST;
    }

    /** {@return the port pgbouncer listens on} */
    @Override
    public int port() {
        return port;
    }

    /** {@return the server's user, which pgbouncer accepts with the same password} */
    @Override
    public String user() {
        return server.user();
    }

    /** {@return the password of {@link #user()}} */
    @Override
    public String password() {
        return server.password();
    }

    /** {@return the server's database} */
    @Override
    public String database() {
        return server.database();
    }

    /** {@return a libpq URI to {@link #user()} through pgbouncer, password included: keep it out of logs} */
    @Override
    public String dsn() {
        return ConnectionStrings.dsn(user(), password(), HOST, port, database(), Map.of());
    }

    /** {@return a pgjdbc URL to {@link #user()} through pgbouncer, password included} */
    @Override
    public String jdbcUrl() {
        return ConnectionStrings.jdbcUrl(user(), password(), HOST, port, database(), Map.of());
    }

    /** {@return the major version of the server behind pgbouncer} */
    @Override
    public int majorVersion() {
        return server.majorVersion();
    }

    /** Stops pgbouncer and deletes its directory; idempotent, never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs (or ran) anyway.
        }
        deleteQuietly(dir);
    }

    private void stopProcess() {
        // runuser forwards the signal, but pgbouncer itself is signalled too in case it does not.
        List<ProcessHandle> children;
        try (Stream<ProcessHandle> d = process.descendants()) {
            children = d.toList();
        }
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            BinaryCache.deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("pgjet-testkit: cannot delete " + dir + ": " + e);
        }
    }

    /** {@return a description with mode, port and server (never a password)} */
    @Override
    public String toString() {
        return "PgBouncer[" + mode.iniValue() + ", " + HOST + ":" + port + " -> " + server.host() + ":" + server.port() + "]";
    }
}
