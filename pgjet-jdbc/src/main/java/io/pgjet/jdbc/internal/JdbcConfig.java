package io.pgjet.jdbc.internal;

import io.pgjet.ConnectionConfig;
import io.pgjet.InvalidDsnException;
import io.pgjet.PgInterfaceException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A JDBC URL and its properties, translated into PgJet's {@link ConnectionConfig} plus the few
 * settings that live in the JDBC layer (default fetch size). Immutable.
 *
 * <p>Two URL forms are accepted. {@code jdbc:postgresql://host[:port][,host2[:port2]...]/db?props}
 * takes pgjdbc's property names (mapped below); {@code jdbc:pgjet:} is followed by any libpq
 * connection string PgJet's own {@link ConnectionConfig#parse} accepts ({@code jdbc:pgjet://host/db}
 * is read as {@code postgresql://host/db}). In both, properties given to the driver are merged over
 * the URL's. Names PgJet maps: {@code user}, {@code password}, {@code ssl}, {@code sslmode},
 * {@code sslrootcert}, {@code sslcert}, {@code sslkey}, {@code sslpassword}, {@code connectTimeout},
 * {@code socketTimeout}, {@code ApplicationName}, {@code currentSchema}, {@code options},
 * {@code targetServerType}, {@code loadBalanceHosts}, {@code reWriteBatchedInserts},
 * {@code defaultRowFetchSize}, {@code tcpKeepAlive}, {@code escapeSyntaxCallMode}; {@link #IGNORED} lists the pgjdbc names that
 * are accepted and have no effect. Any other name is passed to PgJet as a libpq keyword (so
 * {@code application_name} or {@code target_session_attrs} work too), and one PgJet does not know
 * fails the connection with a clear {@link SQLException}.
 *
 * <p>Like libpq, what the URL leaves out is filled from the {@code PG*} environment variables and
 * {@code ~/.pgpass}.
 *
 * @param config the PgJet configuration
 * @param url the URL as given (for {@code DatabaseMetaData.getURL})
 * @param defaultFetchSize the fetch size statements start with (0: read whole results)
 * @param escapeCallMode how a {@code {call ...}} escape runs: {@code select} (a function, the
 *     default), {@code call} (a procedure) or {@code callIfNoReturn} ({@code CALL} unless it is
 *     {@code {? = call ...}}), as pgjdbc's {@code escapeSyntaxCallMode}
 */
public record JdbcConfig(ConnectionConfig config, String url, int defaultFetchSize, String escapeCallMode) {
    /** The prefix of pgjdbc's URLs. */
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    /** The prefix of URLs carrying a libpq connection string. */
    public static final String PGJET_PREFIX = "jdbc:pgjet:";

    /**
     * pgjdbc properties accepted and ignored: tuning PgJet does its own way (statement caching,
     * binary transfer, buffer sizes, logging) or behaviour PgJet always has
     * ({@code stringtype=unspecified}: PgJet sends strings untyped and lets the server type them).
     */
    public static final Set<String> IGNORED = Set.of("preparedStatementCacheQueries",
            "preparedStatementCacheSizeMiB", "binaryTransfer", "binaryTransferEnable", "binaryTransferDisable",
            "stringtype", "loggerLevel", "loggerFile", "logUnclosedConnections", "sendBufferSize",
            "receiveBufferSize", "assumeMinServerVersion", "hostRecheckSeconds", "disableColumnSanitiser",
            "readOnlyMode", "cleanupSavepoints", "gssEncMode", "jaasLogin", "logServerErrorDetail",
            "databaseMetadataCacheFields", "databaseMetadataCacheFieldsMiB", "unknownLength",
            "maxResultBuffer", "adaptiveFetch", "adaptiveFetchMaximum",
            "adaptiveFetchMinimum", "quoteReturningIdentifiers", "reWriteBatchedInsertsSize", "sslNegotiation",
            "PGHOST", "PGPORT", "PGDBNAME");

    /**
     * pgjdbc properties that would change behaviour in a way PgJet does not implement; refused
     * rather than silently ignored.
     */
    private static final Set<String> REFUSED = Set.of("autosave", "preferQueryMode", "socketFactory",
            "socketFactoryArg", "sslfactory", "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback",
            "authenticationPluginClassName", "replication", "allowEncodingChanges", "targetServerType=preferPrimary",
            "gsslib", "kerberosServerName", "sspiServiceClass", "useSpnego", "groupStartupParameters");

    /** Returns whether {@code url} is one this driver accepts. */
    public static boolean accepts(String url) {
        return url != null && (url.startsWith(POSTGRESQL_PREFIX) || url.startsWith(PGJET_PREFIX));
    }

    /**
     * Translates {@code url} and {@code info} (may be null).
     *
     * @throws SQLException (SQLSTATE 08001) for a malformed URL, an unknown or refused property or
     *     an invalid value; the message never contains the password
     */
    public static JdbcConfig parse(String url, Properties info) throws SQLException {
        Map<String, String> props = new LinkedHashMap<>();
        String libpq;
        if (url.startsWith(POSTGRESQL_PREFIX)) {
            String rest = url.substring(POSTGRESQL_PREFIX.length());
            int query = rest.indexOf('?');
            if (query >= 0) {
                readQuery(rest.substring(query + 1), props);
                rest = rest.substring(0, query);
            }
            libpq = hostsAndDatabase(rest);
        } else {
            libpq = url.substring(PGJET_PREFIX.length());
            if (libpq.startsWith("//")) {
                libpq = "postgresql:" + libpq;
            }
        }
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                props.put(name, info.getProperty(name));
            }
        }
        Map<String, String> keywords = new LinkedHashMap<>();
        Duration socketTimeout = null;
        int fetchSize = 0;
        String callMode = "select";
        String schema = null;
        String options = null;
        Boolean ssl = null;
        for (Map.Entry<String, String> e : props.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (value == null) {
                continue;
            }
            if (REFUSED.contains(name) || REFUSED.contains(name + "=" + value)) {
                throw invalid("connection property \"" + name + "\" is not supported by PgJet's JDBC driver");
            }
            if (IGNORED.contains(name)) {
                continue;
            }
            switch (name) {
                case "user", "password", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "options" -> {
                    if (name.equals("options")) {
                        options = value;
                    } else {
                        keywords.put(name, value);
                    }
                }
                case "ssl" -> ssl = Boolean.parseBoolean(value);
                case "ApplicationName" -> keywords.put("application_name", value);
                case "connectTimeout", "loginTimeout" -> keywords.put("connect_timeout", Integer.toString(seconds(name, value)));
                case "socketTimeout" -> {
                    int s = seconds(name, value);
                    socketTimeout = s > 0 ? Duration.ofSeconds(s) : null;
                }
                case "currentSchema" -> schema = value;
                case "targetServerType" -> keywords.put("target_session_attrs", targetSessionAttrs(value));
                case "loadBalanceHosts" -> keywords.put("load_balance_hosts", Boolean.parseBoolean(value) ? "random" : "disable");
                case "reWriteBatchedInserts" -> keywords.put("rewrite_batched_inserts", Boolean.toString(Boolean.parseBoolean(value)));
                case "tcpKeepAlive" -> keywords.put("keepalives", Boolean.parseBoolean(value) ? "1" : "0");
                case "defaultRowFetchSize" -> fetchSize = nonNegative(name, value);
                case "escapeSyntaxCallMode" -> callMode = callMode(value);
                default -> keywords.put(name, value);
            }
        }
        if (ssl != null && !keywords.containsKey("sslmode")) {
            // pgjdbc's ssl=true verifies the certificate and host name unless sslmode says otherwise.
            keywords.put("sslmode", ssl ? "verify-full" : "disable");
        }
        if (schema != null) {
            String searchPath = "-c search_path=" + schema.replace("\\", "\\\\").replace(" ", "\\ ");
            options = options == null ? searchPath : options + " " + searchPath;
        }
        if (options != null) {
            keywords.put("options", options);
        }
        ConnectionConfig config;
        try {
            config = ConnectionConfig.parse(withKeywords(libpq, keywords));
            if (socketTimeout != null) {
                config = config.toBuilder().commandTimeout(socketTimeout).build();
            }
        } catch (InvalidDsnException e) {
            throw new SQLException("invalid JDBC URL or property: " + e.getMessage(), SqlErrors.UNABLE_TO_CONNECT, e);
        } catch (PgInterfaceException e) {
            throw new SQLException("invalid connection setting: " + e.getMessage(), SqlErrors.UNABLE_TO_CONNECT, e);
        }
        return new JdbcConfig(config, url, fetchSize, callMode);
    }

    /** Checks pgjdbc's {@code escapeSyntaxCallMode}: how {@code {call ...}} runs (select, call, callIfNoReturn). */
    private static String callMode(String value) throws SQLException {
        if (!Set.of("select", "call", "callIfNoReturn").contains(value)) {
            throw invalid("escapeSyntaxCallMode must be select, call or callIfNoReturn, not \"" + value + "\"");
        }
        return value;
    }

    /** Turns pgjdbc's {@code //h1:p1,h2/db} (or {@code db}, or {@code /}) into a libpq URI without query. */
    private static String hostsAndDatabase(String rest) throws SQLException {
        if (!rest.startsWith("//")) {
            // jdbc:postgresql:db and jdbc:postgresql:/ mean localhost:5432.
            String db = rest.startsWith("/") ? rest.substring(1) : rest;
            return "postgresql://localhost/" + db;
        }
        int slash = rest.indexOf('/', 2);
        String hosts = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
        String db = slash < 0 ? "" : rest.substring(slash + 1);
        if (hosts.contains("@")) {
            throw invalid("a jdbc:postgresql: URL takes user and password as properties, not before the host");
        }
        return "postgresql://" + (hosts.isEmpty() ? "localhost" : hosts) + "/" + db;
    }

    private static void readQuery(String query, Map<String, String> props) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            props.put(name, value);
        }
    }

    /** Appends {@code keywords} to a libpq URI (as query parameters) or keyword/value string. */
    private static String withKeywords(String libpq, Map<String, String> keywords) {
        if (keywords.isEmpty()) {
            return libpq;
        }
        String lower = libpq.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(libpq);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            char sep = libpq.indexOf('?') < 0 ? '?' : '&';
            for (Map.Entry<String, String> e : keywords.entrySet()) {
                out.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                sep = '&';
            }
        } else {
            for (Map.Entry<String, String> e : keywords.entrySet()) {
                out.append(out.length() == 0 ? "" : " ").append(e.getKey()).append("='")
                        .append(e.getValue().replace("\\", "\\\\").replace("'", "\\'")).append('\'');
            }
        }
        return out.toString();
    }

    private static String encode(String s) {
        // libpq keeps '+' as a plus sign, so spaces must be %20 rather than URLEncoder's '+'.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String targetSessionAttrs(String value) throws SQLException {
        switch (value) {
            case "any":
                return "any";
            case "primary":
            case "master":
                return "primary";
            case "secondary":
            case "standby":
            case "slave":
                return "standby";
            case "preferSecondary":
            case "preferStandby":
            case "preferSlave":
                return "prefer-standby";
            case "read-write":
            case "read-only":
                return value;
            default:
                throw invalid("targetServerType \"" + value + "\" is not supported (use any, primary, standby or preferStandby)");
        }
    }

    private static int seconds(String name, String value) throws SQLException {
        return nonNegative(name, value);
    }

    private static int nonNegative(String name, String value) throws SQLException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw invalid(name + " must not be negative: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a whole number: \"" + value + "\"");
        }
    }

    private static SQLException invalid(String message) {
        return new SQLException(message, SqlErrors.UNABLE_TO_CONNECT);
    }
}
