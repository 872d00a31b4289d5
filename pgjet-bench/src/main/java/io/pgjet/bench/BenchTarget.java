package io.pgjet.bench;

import io.pgjet.testkit.PgCluster;
import io.pgjet.testkit.PgServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The server every contestant connects to, with the connection settings spelled for each client
 * (PgJet DSN, pgjdbc URL and properties, vertx options, pgbench environment). Every client uses
 * TCP to the same host and port with the same {@code sslmode} (default {@code disable}), so no
 * one pays for TLS or a unix socket the others do not.
 */
public final class BenchTarget implements AutoCloseable {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;
    private final String sslmode;
    private final PgCluster ownedCluster;

    private BenchTarget(String host, int port, String user, String password, String database, String sslmode,
            PgCluster ownedCluster) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password == null ? "" : password;
        this.database = database;
        this.sslmode = sslmode;
        this.ownedCluster = ownedCluster;
    }

    /**
     * Starts a PostgreSQL cluster with the test kit, sized for the benchmark
     * ({@code max_connections=200}, {@code shared_buffers=256MB}; the test kit turns fsync off).
     */
    public static BenchTarget startEmbedded() {
        PgCluster cluster = PgCluster.builder()
                .setting("max_connections", "200")
                .setting("shared_buffers", "256MB")
                .start();
        return new BenchTarget(cluster.host(), cluster.port(), cluster.user(), cluster.password(), cluster.database(),
                "disable", cluster);
    }

    /** Describes an already running server (e.g. the test kit's shared one); closing does not stop it. */
    public static BenchTarget of(PgServer server) {
        return new BenchTarget(server.host(), server.port(), server.user(), server.password(), server.database(),
                "disable", null);
    }

    /**
     * Parses a {@code postgresql://user:password@host:port/db?sslmode=...} URI.
     *
     * @throws IllegalArgumentException when the URI is not of that form
     */
    public static BenchTarget fromUri(String dsn) {
        URI uri;
        try {
            uri = new URI(dsn);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--dsn is not a URI (postgresql://user:password@host:port/db)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--dsn must start with postgresql://");
        }
        String info = uri.getRawUserInfo();
        String user = System.getProperty("user.name");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) {
                password = decode(info.substring(colon + 1));
            }
        }
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath();
        String db = path == null || path.length() <= 1 ? user : decode(path.substring(1));
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        String sslmode = params.getOrDefault("sslmode", "disable");
        if (!sslmode.equals("disable") && !sslmode.equals("require")) {
            throw new IllegalArgumentException("the runner supports sslmode=disable (default) or sslmode=require, "
                    + "so that every client is configured alike; got sslmode=" + sslmode);
        }
        return new BenchTarget(host, port, user, password, db, sslmode, null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Returns the host. */
    public String host() {
        return host;
    }

    /** Returns the port. */
    public int port() {
        return port;
    }

    /** Returns the user name. */
    public String user() {
        return user;
    }

    /** Returns the password (keep it out of output). */
    public String password() {
        return password;
    }

    /** Returns the database name. */
    public String database() {
        return database;
    }

    /** Returns {@code disable} or {@code require}. */
    public String sslmode() {
        return sslmode;
    }

    /** Returns whether this target started its own cluster. */
    public boolean embedded() {
        return ownedCluster != null;
    }

    /** Returns the cluster's binary directory when embedded, else null. */
    public java.nio.file.Path binDirectory() {
        return ownedCluster == null ? null : ownedCluster.binDirectory();
    }

    /** Returns a libpq URI for PgJet, password included (keep it out of output). */
    public String pgjetDsn() {
        return "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/"
                + encode(database) + "?sslmode=" + sslmode;
    }

    /** Returns the pgjdbc URL, without credentials (see {@link #jdbcProperties}). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database);
    }

    /** Returns pgjdbc connection properties: credentials, sslmode, and {@code extra}. */
    public Properties jdbcProperties(Map<String, String> extra) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslmode", sslmode);
        p.setProperty("ApplicationName", "pgjet-bench");
        p.putAll(extra);
        return p;
    }

    /** Opens a pgjdbc connection for setup and verification (not a contestant). */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), jdbcProperties(Map.of()));
    }

    /** Returns the environment pgbench needs to reach this server. */
    public Map<String, String> pgbenchEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGUSER", user);
        env.put("PGPASSWORD", password);
        env.put("PGDATABASE", database);
        env.put("PGSSLMODE", sslmode);
        env.put("PGAPPNAME", "pgjet-bench-pgbench");
        return env;
    }

    /** Describes the target without secrets. */
    @Override
    public String toString() {
        return (embedded() ? "embedded test-kit cluster " : "server ") + host + ":" + port + "/" + database
                + " as " + user + ", sslmode=" + sslmode;
    }

    /** Stops the cluster if this target started it. */
    @Override
    public void close() {
        if (ownedCluster != null) {
            ownedCluster.close();
        }
    }
}
