package io.pgjet.r2dbc.internal;

import io.pgjet.ConnectionConfig;
import io.pgjet.SslMode;
import io.pgjet.r2dbc.PgJetR2dbcOptions;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Turns R2DBC connection factory options (from a URL or built in code) into a PgJet
 * {@link ConnectionConfig}. Values from URLs arrive as strings and are parsed here; a value of
 * the wrong kind fails with IllegalArgumentException naming the option (never its value, which
 * might be a password).
 */
public final class OptionsMapping {
    private OptionsMapping() {
    }

    /** Returns the configuration {@code options} describe. */
    public static ConnectionConfig toConfig(ConnectionFactoryOptions options) {
        Object dsn = options.getValue(PgJetR2dbcOptions.DSN);
        Object host = options.getValue(ConnectionFactoryOptions.HOST);
        if (dsn == null && host == null) {
            throw new IllegalStateException("R2DBC options need a host (or a dsn)");
        }
        ConnectionConfig.Builder builder = dsn == null ? ConnectionConfig.builder()
                : ConnectionConfig.parse(dsn.toString()).toBuilder();
        if (host != null) {
            Object port = options.getValue(ConnectionFactoryOptions.PORT);
            builder.host(host.toString(), port == null ? 5432 : toInt(port, "port"));
        }
        String user = string(options, ConnectionFactoryOptions.USER);
        if (user != null) {
            builder.user(user);
        }
        String password = string(options, ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            builder.password(password);
        }
        String database = string(options, ConnectionFactoryOptions.DATABASE);
        if (database != null) {
            builder.database(database);
        }
        Object ssl = options.getValue(ConnectionFactoryOptions.SSL);
        if (ssl != null) {
            builder.sslMode(toBoolean(ssl, "ssl") ? SslMode.REQUIRE : SslMode.DISABLE);
        }
        Object sslMode = options.getValue(PgJetR2dbcOptions.SSL_MODE);
        if (sslMode != null) {
            builder.sslMode(sslMode instanceof SslMode mode ? mode : toSslMode(sslMode.toString()));
        }
        String rootCert = string(options, PgJetR2dbcOptions.SSL_ROOT_CERT);
        if (rootCert != null) {
            builder.sslRootCert(rootCert);
        }
        Object connectTimeout = options.getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT);
        if (connectTimeout != null) {
            builder.connectTimeout(toDuration(connectTimeout, "connectTimeout"));
        }
        Object statementTimeout = options.getValue(ConnectionFactoryOptions.STATEMENT_TIMEOUT);
        if (statementTimeout != null) {
            builder.serverSetting("statement_timeout",
                    Long.toString(toDuration(statementTimeout, "statementTimeout").toMillis()));
        }
        Object lockTimeout = options.getValue(ConnectionFactoryOptions.LOCK_WAIT_TIMEOUT);
        if (lockTimeout != null) {
            builder.serverSetting("lock_timeout", Long.toString(toDuration(lockTimeout, "lockWaitTimeout").toMillis()));
        }
        String applicationName = string(options, PgJetR2dbcOptions.APPLICATION_NAME);
        if (applicationName != null) {
            builder.applicationName(applicationName);
        }
        String schema = string(options, PgJetR2dbcOptions.SCHEMA);
        if (schema != null) {
            builder.serverSetting("search_path", schema);
        }
        Object settings = options.getValue(PgJetR2dbcOptions.OPTIONS);
        if (settings != null) {
            applySettings(builder, settings);
        }
        return builder.build();
    }

    private static void applySettings(ConnectionConfig.Builder builder, Object settings) {
        if (settings instanceof Map<?, ?> map) {
            map.forEach((name, value) -> builder.serverSetting(name.toString(), String.valueOf(value)));
            return;
        }
        String text = settings.toString().trim();
        if (text.startsWith("-")) {
            builder.options(text);
            return;
        }
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option \"options\" must hold name=value pairs separated by ';'");
            }
            builder.serverSetting(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
    }

    private static String string(ConnectionFactoryOptions options, Option<?> option) {
        Object value = options.getValue(option);
        return value == null ? null : value.toString();
    }

    private static int toInt(Object value, String name) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option \"" + name + "\" must be an integer");
        }
    }

    private static boolean toBoolean(Object value, String name) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        throw new IllegalArgumentException("option \"" + name + "\" must be true or false");
    }

    private static SslMode toSslMode(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SslMode mode : SslMode.values()) {
            if (mode.libpqName().equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("option \"sslMode\" must be one of disable, allow, prefer, require, "
                + "verify-ca, verify-full");
    }

    /** Parses a Duration, an ISO-8601 text ({@code PT5S}), a number of milliseconds, or {@code 5s}/{@code 200ms}. */
    static Duration toDuration(Object value, String name) {
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number number) {
            return Duration.ofMillis(number.longValue());
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).trim()));
            }
            return Duration.ofMillis(Long.parseLong(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("option \"" + name + "\" must be a duration (PT5S, 5s, 500ms or milliseconds)");
        }
    }
}
