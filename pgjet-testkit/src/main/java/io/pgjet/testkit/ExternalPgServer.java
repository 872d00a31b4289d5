package io.pgjet.testkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Describes an existing server given as a libpq URI
 * ({@code postgresql://user:password@host:port/db?param=value}); query parameters are passed
 * on to {@link #dsn()} and {@link #jdbcUrl()} unchanged. Immutable and thread-safe.
 */
final class ExternalPgServer implements PgServer {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;
    private final Map<String, String> params;
    private final int majorVersion;

    private ExternalPgServer(String host, int port, String user, String password, String database,
            Map<String, String> params, int majorVersion) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
        this.params = params;
        this.majorVersion = majorVersion;
    }

    /**
     * Parses {@code dsn}; a missing port means 5432, a missing database means the user name.
     *
     * @param majorVersion the server's major version if known, else 0
     * @throws IllegalArgumentException when {@code dsn} is not a postgres(ql):// URI with a user
     */
    static ExternalPgServer parse(String dsn, int majorVersion) {
        URI uri;
        try {
            uri = new URI(dsn.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("PGJET_TEST_DSN is not a URI: " + e.getMessage(), e);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("PGJET_TEST_DSN must start with postgresql:// (got scheme "
                    + uri.getScheme() + ")");
        }
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty() || uri.getHost() == null) {
            throw new IllegalArgumentException("PGJET_TEST_DSN needs user and host: postgresql://user:password@host:port/db");
        }
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    params.put(decode(kv.substring(0, eq)), decode(kv.substring(eq + 1)));
                }
            }
        }
        return new ExternalPgServer(host, uri.getPort() > 0 ? uri.getPort() : 5432, user, password,
                path.isEmpty() ? user : decode(path), params, majorVersion);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public String dsn() {
        return ConnectionStrings.dsn(user, password, host, port, database, params);
    }

    @Override
    public String jdbcUrl() {
        return ConnectionStrings.jdbcUrl(user, password, host, port, database, params);
    }

    @Override
    public int majorVersion() {
        return majorVersion;
    }

    @Override
    public String toString() {
        return "ExternalPgServer[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
