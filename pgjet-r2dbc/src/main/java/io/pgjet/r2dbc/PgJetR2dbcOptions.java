package io.pgjet.r2dbc;

import io.r2dbc.spi.Option;

/**
 * PostgreSQL options of PgJet's R2DBC driver, beside the standard ones of
 * {@link io.r2dbc.spi.ConnectionFactoryOptions} (host, port, user, password, database, ssl,
 * connectTimeout, statementTimeout, lockWaitTimeout). Each also works as a URL query parameter,
 * e.g. {@code r2dbc:pgjet://app@db/orders?sslMode=verify-full&schema=sales}.
 */
public final class PgJetR2dbcOptions {
    private PgJetR2dbcOptions() {
    }

    /**
     * libpq's {@code sslmode}: {@code disable}, {@code allow}, {@code prefer}, {@code require},
     * {@code verify-ca} or {@code verify-full}. Takes precedence over {@code ssl=true} (which
     * means {@code require}).
     */
    public static final Option<Object> SSL_MODE = Option.valueOf("sslMode");

    /** The CA certificate file for {@code verify-ca}/{@code verify-full} (libpq's {@code sslrootcert}). */
    public static final Option<Object> SSL_ROOT_CERT = Option.valueOf("sslRootCert");

    /** The {@code application_name} the session reports in {@code pg_stat_activity}. */
    public static final Option<String> APPLICATION_NAME = Option.valueOf("applicationName");

    /**
     * Server settings for the session: a {@code Map<String, String>} (e.g.
     * {@code search_path → app}), a libpq {@code options} string ({@code -c name=value ...}), or
     * in a URL {@code name=value} pairs separated by {@code ;}.
     */
    public static final Option<Object> OPTIONS = Option.valueOf("options");

    /** The schema search path of the session ({@code search_path}). */
    public static final Option<String> SCHEMA = Option.valueOf("schema");

    /**
     * A full libpq DSN (URI or keyword/value) that the other options refine, e.g.
     * {@code postgresql://app@db1,db2/orders?target_session_attrs=read-write}.
     */
    public static final Option<String> DSN = Option.valueOf("dsn");

    /**
     * Begins a transaction {@code DEFERRABLE} when set in a {@code TransactionDefinition} (only
     * meaningful for {@code SERIALIZABLE READ ONLY}).
     */
    public static final Option<Boolean> DEFERRABLE = Option.valueOf("deferrable");
}
