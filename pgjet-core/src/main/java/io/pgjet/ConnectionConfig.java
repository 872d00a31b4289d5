package io.pgjet;

import io.pgjet.internal.config.ClientEnvironment;
import io.pgjet.internal.config.ConfigResolver;
import io.pgjet.internal.config.PgPassFile;
import io.pgjet.observe.PgJetListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Says where and how to connect: hosts, credentials, TLS, and PgJet's own tuning.
 *
 * <p>Build one from a libpq connection string with {@link #parse(String)}, which also applies the
 * {@code PG*} environment variables and the password file exactly where libpq would, or from
 * scratch with {@link #builder()}, which applies built-in defaults only. Derive variants with
 * {@link #toBuilder()}.
 *
 * <p>Immutable and thread-safe. The password, the value of a
 * {@linkplain #passwordSupplier() password supplier} and the TLS key password never appear in
 * {@link #toString()} nor in any exception message.
 */
public final class ConnectionConfig {

    /** The connect timeout used when none is configured: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default of {@link #scramMaxIterations()}: 100,000. */
    public static final int DEFAULT_SCRAM_MAX_ITERATIONS = 100_000;
    /** The default number of prepared statements cached per connection: 100. */
    public static final int DEFAULT_STATEMENT_CACHE_SIZE = 100;
    /** The default time a cached prepared statement is kept: 300 seconds. */
    public static final Duration DEFAULT_STATEMENT_CACHE_MAX_LIFETIME = Duration.ofSeconds(300);
    /** The default length, in characters, above which a query is not cached: 15 KiB. */
    public static final int DEFAULT_MAX_CACHEABLE_STATEMENT_SIZE = 15 * 1024;
    /** The default size limit for one server message: 1 GiB, more than a server ever sends. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 30;

    private static final Set<String> RESERVED_SETTINGS =
            Set.of("user", "database", "options", "application_name", "replication", "client_encoding");

    private final List<PgHost> hosts;
    private final String user;
    private final String password;
    private final Supplier<String> passwordSupplier;
    private final Supplier<String> oauthTokenSupplier;
    private final String database;
    private final String applicationName;
    private final String options;
    private final Map<String, String> serverSettings;
    private final Duration connectTimeout;
    private final SslMode sslMode;
    private final SslNegotiation sslNegotiation;
    private final String sslRootCert;
    private final Path sslCert;
    private final Path sslKey;
    private final String sslPassword;
    private final boolean sslSni;
    private final ChannelBindingMode channelBinding;
    private final TargetSessionAttrs targetSessionAttrs;
    private final Path passfile;
    private final LoadBalanceHosts loadBalanceHosts;
    private final Duration commandTimeout;
    private final int statementCacheSize;
    private final Duration statementCacheMaxLifetime;
    private final int maxCacheableStatementSize;
    private final int maxMessageSize;
    private final boolean tcpKeepAlive;
    private final boolean rewriteBatchedInserts;
    private final Duration hostRecheck;
    private final List<PgJetListener> listeners;
    private final boolean transactionPooler;
    private final boolean replication;
    private final String requireAuth;
    private final int scramMaxIterations;

    private ConnectionConfig(Builder b) {
        hosts = b.hosts.isEmpty() ? List.of(new PgHost("localhost", PgHost.DEFAULT_PORT)) : List.copyOf(b.hosts);
        user = b.user != null ? b.user : System.getProperty("user.name", "");
        password = b.password;
        passwordSupplier = b.passwordSupplier;
        oauthTokenSupplier = b.oauthTokenSupplier;
        database = b.database != null ? b.database : user;
        applicationName = b.applicationName;
        options = b.options;
        serverSettings = Collections.unmodifiableMap(new LinkedHashMap<>(b.serverSettings));
        connectTimeout = b.connectTimeout;
        sslRootCert = b.sslRootCert;
        boolean systemRoots = "system".equals(sslRootCert);
        sslMode = b.sslMode != null ? b.sslMode : systemRoots ? SslMode.VERIFY_FULL : SslMode.PREFER;
        sslNegotiation = b.sslNegotiation != null ? b.sslNegotiation : SslNegotiation.POSTGRES;
        sslCert = b.sslCert;
        sslKey = b.sslKey;
        sslPassword = b.sslPassword;
        sslSni = b.sslSni;
        channelBinding = b.channelBinding != null ? b.channelBinding : ChannelBindingMode.PREFER;
        targetSessionAttrs = b.targetSessionAttrs != null ? b.targetSessionAttrs : TargetSessionAttrs.ANY;
        passfile = b.passfile;
        loadBalanceHosts = b.loadBalanceHosts != null ? b.loadBalanceHosts : LoadBalanceHosts.DISABLE;
        commandTimeout = b.commandTimeout;
        statementCacheSize = b.statementCacheSize;
        statementCacheMaxLifetime = b.statementCacheMaxLifetime;
        maxCacheableStatementSize = b.maxCacheableStatementSize;
        maxMessageSize = b.maxMessageSize;
        tcpKeepAlive = b.tcpKeepAlive;
        rewriteBatchedInserts = b.rewriteBatchedInserts;
        hostRecheck = b.hostRecheck;
        listeners = List.copyOf(b.listeners);
        transactionPooler = b.transactionPooler;
        replication = b.replication;
        requireAuth = b.requireAuth;
        scramMaxIterations = b.scramMaxIterations;
        if (sslNegotiation == SslNegotiation.DIRECT && !sslMode.requiresTls()) {
            throw new PgInterfaceException("weak sslmode \"" + sslMode.libpqName() + "\" may not be used with "
                    + "sslnegotiation=direct (use \"require\", \"verify-ca\" or \"verify-full\")");
        }
        if (systemRoots && sslMode != SslMode.VERIFY_FULL) {
            throw new PgInterfaceException("weak sslmode \"" + sslMode.libpqName() + "\" may not be used with "
                    + "sslrootcert=system (use \"verify-full\")");
        }
    }

    /**
     * Returns a builder with PgJet's built-in defaults and nothing from the environment.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a libpq connection string, a URI ({@code postgresql://user@host:5432/db?sslmode=require})
     * or keyword/value pairs ({@code host=localhost dbname=db}), and fills in what it leaves out
     * the way libpq does: from {@code PG*} environment variables, then from defaults.
     *
     * <p>Precedence per option: the connection string, then its environment variable (for example
     * {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}, {@code PGDATABASE},
     * {@code PGSSLMODE}, {@code PGAPPNAME}, {@code PGOPTIONS}, {@code PGCONNECT_TIMEOUT}), then the
     * default. Defaults: the first of {@code /var/run/postgresql} and {@code /tmp} holding a socket
     * for the port, else {@code localhost}; port 5432; the OS user name; a database named like the
     * user; {@code sslmode=prefer}; the password file {@code ~/.pgpass}, consulted per host by
     * {@link #passwordFor(PgHost)} when no password is given; client certificate, key and root
     * certificate from {@code ~/.postgresql} when those files exist. An empty value counts as not
     * given. {@code connect_timeout} is in seconds: absent means
     * {@link #DEFAULT_CONNECT_TIMEOUT}, zero or negative means no limit, and 1 means 2 (as in
     * libpq).
     *
     * <p>Every libpq option is recognized. Options PgJet does not implement and that would change
     * behaviour or weaken security ({@code service}, {@code sslcrl},
     * {@code requirepeer}, ...) are rejected; pure tuning and GSSAPI details
     * ({@code keepalives_idle}, {@code krbsrvname}, ...) are accepted and have no effect. The
     * environment variables of unsupported options are ignored with a warning.
     *
     * @param dsn the connection string; may be empty to use only the environment and defaults
     * @return the configuration
     * @throws InvalidDsnException if the string is malformed, names an unknown or unsupported
     *                             option, or has an invalid value (the message never contains a
     *                             password)
     */
    public static ConnectionConfig parse(String dsn) {
        Objects.requireNonNull(dsn, "dsn");
        return ConfigResolver.resolve(dsn, ClientEnvironment.system());
    }

    /** Parses with an explicit environment and home directory instead of the process's; for tests. */
    static ConnectionConfig parse(String dsn, Map<String, String> environment, Path homeDirectory) {
        return ConfigResolver.resolve(dsn, ClientEnvironment.forHome(
                environment, System.getProperty("user.name", ""), homeDirectory, List.of()));
    }

    /**
     * Returns a builder holding this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().hosts(hosts).user(user).password(password)
                .passwordSupplier(passwordSupplier).database(database)
                .applicationName(applicationName).options(options).serverSettings(serverSettings)
                .connectTimeout(connectTimeout).sslMode(sslMode).sslNegotiation(sslNegotiation)
                .sslRootCert(sslRootCert).sslCert(sslCert).sslKey(sslKey).sslPassword(sslPassword)
                .sslSni(sslSni).channelBinding(channelBinding).targetSessionAttrs(targetSessionAttrs)
                .passfile(passfile).loadBalanceHosts(loadBalanceHosts).commandTimeout(commandTimeout)
                .statementCacheSize(statementCacheSize).statementCacheMaxLifetime(statementCacheMaxLifetime)
                .maxCacheableStatementSize(maxCacheableStatementSize).maxMessageSize(maxMessageSize)
                .tcpKeepAlive(tcpKeepAlive).rewriteBatchedInserts(rewriteBatchedInserts)
                .hostRecheck(hostRecheck).listeners(listeners).transactionPooler(transactionPooler)
                .replication(replication)
                .requireAuth(requireAuth)
                .oauthTokenSupplier(oauthTokenSupplier).scramMaxIterations(scramMaxIterations);
        return b;
    }

    /**
     * Returns the servers to try, in order (libpq's {@code host}, {@code hostaddr} and
     * {@code port}).
     *
     * @return an unmodifiable, non-empty list
     */
    public List<PgHost> hosts() {
        return hosts;
    }

    /**
     * Returns the database user name (libpq's {@code user}).
     *
     * @return the user name
     */
    public String user() {
        return user;
    }

    /**
     * Returns the password given in the connection string, {@code PGPASSWORD} or the builder.
     * The password file is not consulted here; use {@link #passwordFor(PgHost)} to authenticate.
     *
     * @return the password, or {@code null}
     */
    public String password() {
        return password;
    }

    /**
     * Returns the supplier asked for the password at each connect attempt, if one is set with
     * {@link Builder#passwordSupplier(Supplier)}.
     *
     * @return the supplier, or {@code null}
     */
    public Supplier<String> passwordSupplier() {
        return passwordSupplier;
    }

    /**
     * Returns the password to send to a host: the value of the
     * {@linkplain #passwordSupplier() password supplier} if one is set (asked anew at every call),
     * else {@link #password()} if set, else the first matching line of the
     * {@linkplain #passfile() password file}. Reads the file (blocking I/O) each time, so edits
     * apply to new connections. PgJet calls this once per connect attempt to a host (its only
     * caller is the connector, as it resolves that host), on the connecting thread (the caller of
     * {@code PgJet.connect}, else a PgJet worker thread), never for a cancel request.
     *
     * @param host one of {@link #hosts()}
     * @return the password, or {@code null} if none is known
     * @throws PgAuthenticationException if the password supplier throws or returns {@code null}
     *                                   or an empty string
     */
    public String passwordFor(PgHost host) {
        if (passwordSupplier != null) {
            return supplied(host);
        }
        return password != null ? password : PgPassFile.lookup(passfile, host, database, user);
    }

    /**
     * Returns the supplier of OAuth bearer tokens for PostgreSQL 18's {@code oauth} authentication
     * (SASL mechanism OAUTHBEARER), if one is set with {@link Builder#oauthTokenSupplier(Supplier)}.
     *
     * @return the supplier, or {@code null}
     */
    public Supplier<String> oauthTokenSupplier() {
        return oauthTokenSupplier;
    }

    /**
     * Returns the OAuth bearer token to offer a host: the value of the
     * {@linkplain #oauthTokenSupplier() token supplier}, asked anew at every call. PgJet calls
     * this once per connect attempt to a host when a supplier is set (its only caller is the
     * connector, as it resolves that host), on the connecting thread; the token is sent only if
     * the server asks for OAUTHBEARER.
     *
     * @param host one of {@link #hosts()}
     * @return the token, or {@code null} when no supplier is set
     * @throws PgAuthenticationException if the supplier throws, returns {@code null} or an empty
     *                                   string, or a value that is not an RFC 6750 bearer token
     */
    public String oauthTokenFor(PgHost host) {
        if (oauthTokenSupplier == null) {
            return null;
        }
        String token;
        try {
            token = oauthTokenSupplier.get();
        } catch (RuntimeException e) {
            throw new PgAuthenticationException("the OAuth token supplier (oauthTokenSupplier) failed while connecting"
                    + " to " + host + " as user \"" + user + "\": " + e.getClass().getName(), e);
        }
        if (token == null || token.isEmpty() || !token.matches("[A-Za-z0-9\\-._~+/]+=*")) {
            throw new PgAuthenticationException("the OAuth token supplier (oauthTokenSupplier) returned "
                    + (token == null ? "null" : token.isEmpty() ? "an empty token" : "a value that is not a bearer token"
                    + " (RFC 6750: letters, digits, -._~+/ and trailing =)") + " while connecting to " + host
                    + " as user \"" + user + "\"");
        }
        return token;
    }

    private String supplied(PgHost host) {
        String value;
        try {
            value = passwordSupplier.get();
        } catch (RuntimeException e) {
            throw new PgAuthenticationException("the password supplier (passwordSupplier) failed while connecting"
                    + " to " + host + " as user \"" + user + "\": " + e.getClass().getName(), e);
        }
        if (value == null || value.isEmpty()) {
            throw new PgAuthenticationException("the password supplier (passwordSupplier) returned "
                    + (value == null ? "null" : "an empty password") + " while connecting to " + host
                    + " as user \"" + user + "\"");
        }
        return value;
    }

    /**
     * Returns the database name (libpq's {@code dbname}).
     *
     * @return the database name
     */
    public String database() {
        return database;
    }

    /**
     * Returns the {@code application_name} reported to the server.
     *
     * @return the name, or {@code null}
     */
    public String applicationName() {
        return applicationName;
    }

    /**
     * Returns the command-line options sent to the server at startup (libpq's {@code options}),
     * such as {@code -c search_path=app}.
     *
     * @return the options, or {@code null}
     */
    public String options() {
        return options;
    }

    /**
     * Returns extra run-time parameters sent in the startup message, such as
     * {@code search_path} or {@code statement_timeout}.
     *
     * @return an unmodifiable map, in insertion order
     */
    public Map<String, String> serverSettings() {
        return serverSettings;
    }

    /**
     * Returns the limit for establishing a connection to one host, TLS and authentication
     * included.
     *
     * @return the timeout, never {@code null}; {@link Duration#ZERO} means wait indefinitely
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns whether and how TLS is used.
     *
     * @return the TLS mode
     */
    public SslMode sslMode() {
        return sslMode;
    }

    /**
     * Returns how TLS is started.
     *
     * @return the negotiation style
     */
    public SslNegotiation sslNegotiation() {
        return sslNegotiation;
    }

    /**
     * Returns the file of trusted root certificates for verifying the server, or {@code "system"}
     * to use the platform's trust store (which makes {@link SslMode#VERIFY_FULL} the default).
     *
     * @return a file path, {@code "system"}, or {@code null} if none is configured
     */
    public String sslRootCert() {
        return sslRootCert;
    }

    /**
     * Returns the client certificate file for certificate authentication.
     *
     * @return the path, or {@code null}
     */
    public Path sslCert() {
        return sslCert;
    }

    /**
     * Returns the private key file of the {@linkplain #sslCert() client certificate}.
     *
     * @return the path, or {@code null}
     */
    public Path sslKey() {
        return sslKey;
    }

    /**
     * Returns the password protecting the {@linkplain #sslKey() client key}. Secret: never logged.
     *
     * @return the password, or {@code null}
     */
    public String sslPassword() {
        return sslPassword;
    }

    /**
     * Tells whether the host name is sent in the TLS handshake (SNI), libpq's {@code sslsni}.
     *
     * @return {@code true} by default
     */
    public boolean sslSni() {
        return sslSni;
    }

    /**
     * Returns whether SCRAM authentication binds to the TLS channel.
     *
     * @return the channel binding mode
     */
    public ChannelBindingMode channelBinding() {
        return channelBinding;
    }

    /**
     * Returns which kind of server is acceptable when trying the hosts.
     *
     * @return the target session attributes
     */
    public TargetSessionAttrs targetSessionAttrs() {
        return targetSessionAttrs;
    }

    /**
     * Returns the password file consulted by {@link #passwordFor(PgHost)}.
     *
     * @return the path, or {@code null} for none
     */
    public Path passfile() {
        return passfile;
    }

    /**
     * Returns the order in which hosts are tried.
     *
     * @return the load balancing mode
     */
    public LoadBalanceHosts loadBalanceHosts() {
        return loadBalanceHosts;
    }

    /**
     * Returns the default limit for one command; when it elapses PgJet cancels the command and
     * fails it with a {@link PgTimeoutException}.
     *
     * @return the timeout, or {@code null} for none
     */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /**
     * Returns how many prepared statements each connection caches (LRU); 0 disables the cache.
     *
     * @return the cache size
     */
    public int statementCacheSize() {
        return statementCacheSize;
    }

    /**
     * Returns how long a cached prepared statement is kept before it is prepared again.
     *
     * @return the lifetime, never {@code null}; {@link Duration#ZERO} means unlimited
     */
    public Duration statementCacheMaxLifetime() {
        return statementCacheMaxLifetime;
    }

    /**
     * Returns the query length, in characters, above which statements are not cached.
     *
     * @return the limit
     */
    public int maxCacheableStatementSize() {
        return maxCacheableStatementSize;
    }

    /**
     * Returns the largest server message accepted, in bytes; a larger one fails the connection
     * with a {@link PgProtocolException} before anything is allocated for it.
     *
     * @return the limit
     */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Tells whether TCP keep-alive is enabled on connections (libpq's {@code keepalives}).
     *
     * @return {@code true} by default
     */
    public boolean tcpKeepAlive() {
        return tcpKeepAlive;
    }

    /**
     * Tells whether {@code executeMany(sql, Iterable<Object[]>)} runs a plain single-row
     * {@code INSERT INTO t [(columns)] VALUES (...)} as multi-row inserts: the rows are sent in
     * chunks of up to 5,000 (or about 4 MiB), each chunk as one execution of
     * {@code INSERT INTO t [(columns)] SELECT ... FROM unnest($1, $2, ...)} with one array per
     * parameter, which is several times faster than one execution per row. Like pgjdbc's
     * {@code reWriteBatchedInserts}; connection string keyword {@code rewrite_batched_inserts}
     * (pgjdbc's spelling {@code reWriteBatchedInserts} is accepted too).
     *
     * <p>The batch is still all or nothing and returns the same row count. It applies only to
     * that one {@code executeMany} variant (not {@code fetchMany}, the {@code Flow.Publisher}
     * variant or prepared statements), to an INSERT with exactly one VALUES row whose items use
     * every parameter {@code $1..$n} (no {@code DEFAULT}, {@code ON CONFLICT}, {@code RETURNING},
     * {@code WITH}...), whose parameter types all have binary codecs and array types and are no
     * arrays themselves, and to batches of at least two rows; anything else runs as usual.
     * Differences: statement-level triggers fire once per chunk, row-level AFTER triggers and
     * foreign-key checks run at the end of each chunk's statement, and a server error names the
     * range of rows of the failing chunk rather than the exact row.
     *
     * @return {@code false} by default
     */
    public boolean rewriteBatchedInserts() {
        return rewriteBatchedInserts;
    }

    /**
     * Returns how often a pool re-checks that a free connection's server still matches
     * {@link #targetSessionAttrs()} ({@code primary}, {@code standby}, {@code read-write} or
     * {@code read-only}) before lending it: a connection not checked for this long is asked
     * {@code pg_is_in_recovery()} and {@code transaction_read_only} first (one round trip), and
     * when its server changed role (a failover promoted another host, or this one became
     * read-only) the pool retires every connection it opened before and opens new ones, which
     * pick a matching host again. Like pgjdbc's {@code hostRecheckSeconds}; connection string
     * keyword {@code host_recheck_seconds} (pgjdbc's {@code hostRecheckSeconds} is accepted
     * too). Single connections ignore it.
     *
     * @return the interval, or {@code null} (the default) for no periodic re-check: a pool then
     *     notices a role change only through errors (a read-only error or a lost connection)
     */
    public Duration hostRecheck() {
        return hostRecheck;
    }

    /**
     * Returns the listeners every connection made from this configuration (and every pool made
     * from it) reports its operations and pool events to; see {@link PgJetListener}.
     *
     * @return an unmodifiable list, empty by default; not part of {@link #equals}
     */
    public List<PgJetListener> listeners() {
        return listeners;
    }

    /**
     * Returns whether connections go through a pooler in transaction or statement mode (such as
     * pgbouncer with {@code pool_mode=transaction}), which may run each transaction on another
     * server connection. Then PgJet creates no named server-side statement: the statement cache
     * is off, and every execution (explicit {@code prepare()} included) parses its SQL again on
     * the unnamed statement in the same message batch as its Bind and Execute, so it cannot land
     * on a server connection that lacks it; an explicitly prepared statement keeps the parameter
     * and column types of its first description, and runs in one round trip. {@code LISTEN}
     * (a listener) is refused with a {@link PgInterfaceException}, since notifications would
     * arrive on whichever server connection ran the {@code LISTEN}. Connection string keyword
     * {@code transaction_pooler=true}; pgjdbc's {@code prepareThreshold=0} (or
     * {@code prepare_threshold=0}) means the same.
     *
     * @return {@code false} by default
     */
    public boolean transactionPooler() {
        return transactionPooler;
    }

    /**
     * Returns whether connections are logical replication connections ({@code replication=database}
     * in the startup message), as {@code io.pgjet.replication.Replication} opens them. Such a
     * connection speaks only the simple query protocol: the server refuses the extended query
     * protocol there, so {@code fetch}, {@code execute} with parameters, {@code prepare}, cursors
     * and {@code executeMany} fail at once with a {@link PgInterfaceException}; plain SQL goes
     * through {@code executeScript}. Connection string keyword {@code replication=database};
     * libpq's physical modes ({@code replication=true}) are not supported.
     *
     * @return {@code false} by default
     */
    public boolean replication() {
        return replication;
    }

    /**
     * Returns the authentication methods the server may ask for, as libpq's {@code require_auth}:
     * a comma-separated list of {@code password}, {@code md5}, {@code scram-sha-256},
     * {@code oauth}, {@code gss}, {@code sspi} and {@code none} (no authentication exchange, as
     * with {@code trust} or a TLS client certificate), or the same each prefixed with {@code !}
     * for "any method but these". When the server asks for a method not allowed, the connect
     * fails with a {@link PgAuthenticationException} before anything (no password, no hash) is
     * sent. Connection string keyword {@code require_auth}, environment variable
     * {@code PGREQUIREAUTH}.
     *
     * @return the list as given, or {@code null} (the default) to allow every method
     */
    public String requireAuth() {
        return requireAuth;
    }

    /**
     * Returns the largest SCRAM iteration count accepted from a server. A server (or an
     * impersonator, before it has proven anything) asking for more is refused with a
     * {@link PgAuthenticationException} before any key derivation, so it cannot make the client
     * spend minutes of CPU per connection attempt. Connection string keyword
     * {@code scram_max_iterations}.
     *
     * @return the cap; default 100,000 (PostgreSQL's default count is 4096)
     */
    public int scramMaxIterations() {
        return scramMaxIterations;
    }

    /**
     * Compares all settings, passwords included; password suppliers compare by
     * {@link Object#equals(Object)} (identity for lambdas) and are never called.
     *
     * @param o another object
     * @return {@code true} if {@code o} is a configuration with equal settings
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConnectionConfig)) {
            return false;
        }
        ConnectionConfig c = (ConnectionConfig) o;
        return sslSni == c.sslSni && statementCacheSize == c.statementCacheSize
                && maxCacheableStatementSize == c.maxCacheableStatementSize
                && maxMessageSize == c.maxMessageSize && tcpKeepAlive == c.tcpKeepAlive
                && rewriteBatchedInserts == c.rewriteBatchedInserts && transactionPooler == c.transactionPooler
                && replication == c.replication
                && Objects.equals(requireAuth, c.requireAuth)
                && hosts.equals(c.hosts) && user.equals(c.user) && Objects.equals(password, c.password)
                && Objects.equals(passwordSupplier, c.passwordSupplier)
                && Objects.equals(oauthTokenSupplier, c.oauthTokenSupplier)
                && database.equals(c.database) && Objects.equals(applicationName, c.applicationName)
                && Objects.equals(options, c.options) && serverSettings.equals(c.serverSettings)
                && Objects.equals(connectTimeout, c.connectTimeout) && sslMode == c.sslMode
                && sslNegotiation == c.sslNegotiation && Objects.equals(sslRootCert, c.sslRootCert)
                && Objects.equals(sslCert, c.sslCert) && Objects.equals(sslKey, c.sslKey)
                && Objects.equals(sslPassword, c.sslPassword) && channelBinding == c.channelBinding
                && targetSessionAttrs == c.targetSessionAttrs && Objects.equals(passfile, c.passfile)
                && loadBalanceHosts == c.loadBalanceHosts && Objects.equals(commandTimeout, c.commandTimeout)
                && Objects.equals(statementCacheMaxLifetime, c.statementCacheMaxLifetime)
                && Objects.equals(hostRecheck, c.hostRecheck) && scramMaxIterations == c.scramMaxIterations;
    }

    /**
     * Hashes the settings that identify a server and a session; consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(hosts, user, database, applicationName, options, serverSettings, sslMode);
    }

    /**
     * Describes the configuration for logs. Passwords are shown as {@code <redacted>}; a password
     * supplier is shown as {@code passwordSupplier=<set>}, without being called.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ConnectionConfig{hosts=").append(hosts)
                .append(", user=").append(user).append(", database=").append(database);
        if (password != null) {
            s.append(", password=<redacted>");
        }
        if (passwordSupplier != null) {
            s.append(", passwordSupplier=<set>");
        }
        if (oauthTokenSupplier != null) {
            s.append(", oauthTokenSupplier=<set>");
        }
        appendIfSet(s, "applicationName", applicationName);
        appendIfSet(s, "options", options);
        if (!serverSettings.isEmpty()) {
            s.append(", serverSettings=").append(serverSettings);
        }
        s.append(", connectTimeout=").append(connectTimeout)
                .append(", sslMode=").append(sslMode.libpqName())
                .append(", sslNegotiation=").append(sslNegotiation.libpqName());
        appendIfSet(s, "sslRootCert", sslRootCert);
        appendIfSet(s, "sslCert", sslCert);
        appendIfSet(s, "sslKey", sslKey);
        if (sslPassword != null) {
            s.append(", sslPassword=<redacted>");
        }
        s.append(", sslSni=").append(sslSni)
                .append(", channelBinding=").append(channelBinding.libpqName())
                .append(", targetSessionAttrs=").append(targetSessionAttrs.libpqName());
        appendIfSet(s, "passfile", passfile);
        s.append(", loadBalanceHosts=").append(loadBalanceHosts.libpqName())
                .append(", commandTimeout=").append(commandTimeout)
                .append(", statementCacheSize=").append(statementCacheSize)
                .append(", statementCacheMaxLifetime=").append(statementCacheMaxLifetime)
                .append(", maxCacheableStatementSize=").append(maxCacheableStatementSize)
                .append(", maxMessageSize=").append(maxMessageSize)
                .append(", tcpKeepAlive=").append(tcpKeepAlive)
                .append(", rewriteBatchedInserts=").append(rewriteBatchedInserts);
        appendIfSet(s, "hostRecheck", hostRecheck);
        if (transactionPooler) {
            s.append(", transactionPooler=true");
        }
        if (replication) {
            s.append(", replication=database");
        }
        appendIfSet(s, "requireAuth", requireAuth);
        s.append(", scramMaxIterations=").append(scramMaxIterations);
        return s.append('}').toString();
    }

    private static void appendIfSet(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(", ").append(name).append('=').append(value);
        }
    }

    /**
     * Collects settings for a {@link ConnectionConfig}. Unset values take the defaults documented
     * on the getters. Setters reject invalid values with a {@link PgInterfaceException};
     * {@link #build()} checks combinations. Not thread-safe.
     */
    public static final class Builder {
        private final List<PgHost> hosts = new ArrayList<>();
        private String user;
        private String password;
        private Supplier<String> passwordSupplier;
        private Supplier<String> oauthTokenSupplier;
        private String database;
        private String applicationName;
        private String options;
        private final Map<String, String> serverSettings = new LinkedHashMap<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private SslMode sslMode;
        private SslNegotiation sslNegotiation;
        private String sslRootCert;
        private Path sslCert;
        private Path sslKey;
        private String sslPassword;
        private boolean sslSni = true;
        private ChannelBindingMode channelBinding;
        private TargetSessionAttrs targetSessionAttrs;
        private Path passfile;
        private LoadBalanceHosts loadBalanceHosts;
        private Duration commandTimeout;
        private int statementCacheSize = DEFAULT_STATEMENT_CACHE_SIZE;
        private Duration statementCacheMaxLifetime = DEFAULT_STATEMENT_CACHE_MAX_LIFETIME;
        private int maxCacheableStatementSize = DEFAULT_MAX_CACHEABLE_STATEMENT_SIZE;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private boolean tcpKeepAlive = true;
        private boolean rewriteBatchedInserts;
        private Duration hostRecheck;
        private final List<PgJetListener> listeners = new ArrayList<>();
        private boolean transactionPooler;
        private boolean replication;
        private String requireAuth;
        private int scramMaxIterations = DEFAULT_SCRAM_MAX_ITERATIONS;

        private Builder() {
        }

        /**
         * Sets the servers to try, in order; default {@code localhost:5432}.
         *
         * @param hosts the hosts; an empty list restores the default
         * @return this builder
         */
        public Builder hosts(List<PgHost> hosts) {
            this.hosts.clear();
            for (PgHost host : hosts) {
                this.hosts.add(Objects.requireNonNull(host, "host"));
            }
            return this;
        }

        /**
         * Sets a single server to connect to.
         *
         * @param host the host name, IP address or unix socket directory
         * @param port the port, 1 to 65535
         * @return this builder
         */
        public Builder host(String host, int port) {
            return hosts(List.of(new PgHost(host, port)));
        }

        /**
         * Sets the user name; default: the OS user name.
         *
         * @param user the user name, or {@code null} for the default
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets the password; an empty string counts as none.
         *
         * @param password the password, or {@code null}
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password == null || password.isEmpty() ? null : password;
            return this;
        }

        /**
         * Sets a supplier of the password, for rotating credentials such as cloud IAM
         * authentication tokens. It is called anew at each connect attempt (every host tried,
         * every connection a pool opens, on the connecting thread, where blocking is fine; never
         * for a cancel request) and takes precedence over {@link #password(String)} and the password
         * file. If it throws or returns {@code null} or an empty string, that connect attempt
         * fails with a {@link PgAuthenticationException} naming the supplier. Its value never
         * appears in {@link ConnectionConfig#toString()} nor in any exception message. Must be
         * thread-safe when connections are opened concurrently.
         *
         * @param supplier the supplier, or {@code null} to use the fixed password
         * @return this builder
         */
        public Builder passwordSupplier(Supplier<String> supplier) {
            this.passwordSupplier = supplier;
            return this;
        }

        /**
         * Sets a supplier of OAuth bearer tokens, for servers that authenticate with PostgreSQL
         * 18's {@code oauth} method (SASL mechanism OAUTHBEARER, RFC 7628). PgJet does not run an
         * OAuth flow itself: the supplier obtains the token (from the identity provider's SDK, a
         * cache, a file...) and is called anew at each connect attempt, on the connecting thread,
         * where blocking is fine; the token is sent only when the server asks for OAUTHBEARER.
         * If it throws or returns no valid token, that attempt fails with a
         * {@link PgAuthenticationException} naming the supplier; if the server rejects the
         * token, the server's error (SQLSTATE 28000) is reported. The token never appears in
         * {@link ConnectionConfig#toString()} nor in any message. Use TLS with
         * {@code sslmode=verify-full}: a bearer token is as good as a password to whoever reads it.
         *
         * @param supplier the supplier, or {@code null} for none
         * @return this builder
         */
        public Builder oauthTokenSupplier(Supplier<String> supplier) {
            this.oauthTokenSupplier = supplier;
            return this;
        }

        /**
         * Sets the database name; default: the user name.
         *
         * @param database the database, or {@code null} for the default
         * @return this builder
         */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /**
         * Sets the {@code application_name} reported to the server.
         *
         * @param applicationName the name, or {@code null}
         * @return this builder
         */
        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        /**
         * Sets the startup command-line options, such as {@code -c search_path=app}.
         *
         * @param options the options, or {@code null}
         * @return this builder
         */
        public Builder options(String options) {
            this.options = options;
            return this;
        }

        /**
         * Adds a run-time parameter to send at startup, replacing any earlier value.
         *
         * @param name  the parameter, such as {@code search_path}; not one with its own setter
         *              ({@code user}, {@code database}, {@code application_name}, {@code options})
         *              nor {@code replication} or {@code client_encoding}
         * @param value the value
         * @return this builder
         */
        public Builder serverSetting(String name, String value) {
            Objects.requireNonNull(value, "value");
            if (name == null || name.isEmpty() || name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                throw new PgInterfaceException("invalid server setting name or value");
            }
            if (RESERVED_SETTINGS.contains(name)) {
                throw new PgInterfaceException("server setting \"" + name + "\" cannot be set through "
                        + "serverSettings; use its own builder method or leave it to PgJet");
            }
            serverSettings.put(name, value);
            return this;
        }

        /**
         * Replaces all run-time parameters sent at startup.
         *
         * @param settings the parameters, see {@link #serverSetting(String, String)}
         * @return this builder
         */
        public Builder serverSettings(Map<String, String> settings) {
            serverSettings.clear();
            settings.forEach(this::serverSetting);
            return this;
        }

        /**
         * Sets the connect timeout per host; default {@link #DEFAULT_CONNECT_TIMEOUT}.
         *
         * @param timeout a positive duration, or {@link Duration#ZERO} or {@code null} to wait
         *                indefinitely
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = zeroIfNull(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the default command timeout; default none.
         *
         * @param timeout a positive duration, or {@code null} for none
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positiveOrNull(timeout, "commandTimeout");
            return this;
        }

        /**
         * Sets the TLS mode; default {@link SslMode#PREFER}, or {@link SslMode#VERIFY_FULL} with
         * {@code sslRootCert("system")}.
         *
         * @param mode the mode, or {@code null} for the default
         * @return this builder
         */
        public Builder sslMode(SslMode mode) {
            this.sslMode = mode;
            return this;
        }

        /**
         * Sets how TLS is started; default {@link SslNegotiation#POSTGRES}.
         *
         * @param negotiation the style, or {@code null} for the default
         * @return this builder
         */
        public Builder sslNegotiation(SslNegotiation negotiation) {
            this.sslNegotiation = negotiation;
            return this;
        }

        /**
         * Sets the trusted root certificates file, or {@code "system"} for the platform trust
         * store.
         *
         * @param rootCert a path, {@code "system"}, or {@code null}
         * @return this builder
         */
        public Builder sslRootCert(String rootCert) {
            this.sslRootCert = rootCert;
            return this;
        }

        /**
         * Sets the client certificate file.
         *
         * @param cert the path, or {@code null}
         * @return this builder
         */
        public Builder sslCert(Path cert) {
            this.sslCert = cert;
            return this;
        }

        /**
         * Sets the client private key file.
         *
         * @param key the path, or {@code null}
         * @return this builder
         */
        public Builder sslKey(Path key) {
            this.sslKey = key;
            return this;
        }

        /**
         * Sets the password of the client private key.
         *
         * @param keyPassword the password, or {@code null}
         * @return this builder
         */
        public Builder sslPassword(String keyPassword) {
            this.sslPassword = keyPassword == null || keyPassword.isEmpty() ? null : keyPassword;
            return this;
        }

        /**
         * Sets whether to send the host name in the TLS handshake; default {@code true}.
         *
         * @param sni whether to send SNI
         * @return this builder
         */
        public Builder sslSni(boolean sni) {
            this.sslSni = sni;
            return this;
        }

        /**
         * Sets the channel binding mode; default {@link ChannelBindingMode#PREFER}.
         *
         * @param mode the mode, or {@code null} for the default
         * @return this builder
         */
        public Builder channelBinding(ChannelBindingMode mode) {
            this.channelBinding = mode;
            return this;
        }

        /**
         * Sets which server is acceptable; default {@link TargetSessionAttrs#ANY}.
         *
         * @param attrs the attributes, or {@code null} for the default
         * @return this builder
         */
        public Builder targetSessionAttrs(TargetSessionAttrs attrs) {
            this.targetSessionAttrs = attrs;
            return this;
        }

        /**
         * Sets the password file; the builder's default is none.
         *
         * @param file the path, or {@code null}
         * @return this builder
         */
        public Builder passfile(Path file) {
            this.passfile = file;
            return this;
        }

        /**
         * Sets the order in which hosts are tried; default {@link LoadBalanceHosts#DISABLE}.
         *
         * @param mode the mode, or {@code null} for the default
         * @return this builder
         */
        public Builder loadBalanceHosts(LoadBalanceHosts mode) {
            this.loadBalanceHosts = mode;
            return this;
        }

        /**
         * Sets the prepared statement cache size per connection; default 100.
         *
         * @param size 0 or more; 0 disables caching
         * @return this builder
         */
        public Builder statementCacheSize(int size) {
            this.statementCacheSize = nonNegative(size, "statementCacheSize");
            return this;
        }

        /**
         * Sets how long cached statements are kept; default 300 seconds.
         *
         * @param lifetime a positive duration, or {@link Duration#ZERO} or {@code null} for
         *                 unlimited
         * @return this builder
         */
        public Builder statementCacheMaxLifetime(Duration lifetime) {
            this.statementCacheMaxLifetime = zeroIfNull(lifetime, "statementCacheMaxLifetime");
            return this;
        }

        /**
         * Sets the query length above which statements are not cached; default 15 KiB.
         *
         * @param size 0 or more characters
         * @return this builder
         */
        public Builder maxCacheableStatementSize(int size) {
            this.maxCacheableStatementSize = nonNegative(size, "maxCacheableStatementSize");
            return this;
        }

        /**
         * Sets the largest server message accepted; default 1 GiB.
         *
         * @param bytes at least 8192
         * @return this builder
         */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 8192) {
                throw new PgInterfaceException("maxMessageSize must be at least 8192 bytes, got " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Sets whether TCP keep-alive is enabled; default {@code true}.
         *
         * @param enabled whether to enable keep-alive
         * @return this builder
         */
        public Builder tcpKeepAlive(boolean enabled) {
            this.tcpKeepAlive = enabled;
            return this;
        }

        /**
         * Sets whether {@code executeMany} runs plain single-row INSERT ... VALUES batches as
         * multi-row inserts; default {@code false}. See {@link ConnectionConfig#rewriteBatchedInserts()}.
         *
         * @param enabled whether to rewrite
         * @return this builder
         */
        public Builder rewriteBatchedInserts(boolean enabled) {
            this.rewriteBatchedInserts = enabled;
            return this;
        }

        /**
         * Sets how often a pool re-checks a free connection's server role; default {@code null}
         * (never). See {@link ConnectionConfig#hostRecheck()}.
         *
         * @param interval a positive interval, or {@code null}
         * @return this builder
         * @throws PgInterfaceException if the interval is zero or negative
         */
        public Builder hostRecheck(Duration interval) {
            this.hostRecheck = positiveOrNull(interval, "hostRecheck");
            return this;
        }

        /**
         * Adds a listener that hears every operation (query, prepare, COPY, transaction,
         * connect, pool acquire) and pool event of connections and pools made from the
         * configuration; listeners are called in the order they were added.
         *
         * @param listener the listener, such as a Micrometer or OpenTelemetry adapter
         * @return this builder
         * @throws PgInterfaceException if {@code listener} is null
         */
        public Builder addListener(PgJetListener listener) {
            if (listener == null) {
                throw new PgInterfaceException("listener must not be null");
            }
            listeners.add(listener);
            return this;
        }

        /**
         * Sets whether connections go through a transaction-mode pooler such as pgbouncer;
         * default {@code false}. See {@link ConnectionConfig#transactionPooler()}.
         *
         * @param enabled whether to avoid named statements and refuse LISTEN
         * @return this builder
         */
        public Builder transactionPooler(boolean enabled) {
            this.transactionPooler = enabled;
            return this;
        }

        /**
         * Sets whether connections are logical replication connections
         * ({@code replication=database}); default {@code false}. See
         * {@link ConnectionConfig#replication()}.
         *
         * @param enabled whether to open walsender connections in database mode
         * @return this builder
         */
        public Builder replication(boolean enabled) {
            this.replication = enabled;
            return this;
        }

        /**
         * Replaces the listeners; see {@link #addListener}.
         *
         * @param listeners the listeners, in calling order; empty for none
         * @return this builder
         * @throws PgInterfaceException if an element is null
         */
        public Builder listeners(List<PgJetListener> listeners) {
            List<PgJetListener> copy = new ArrayList<>(listeners);
            this.listeners.clear();
            copy.forEach(this::addListener);
            return this;
        }

        /**
         * Sets the authentication methods the server may ask for (libpq's {@code require_auth});
         * default {@code null}: any. See {@link ConnectionConfig#requireAuth()}.
         *
         * @param methods e.g. {@code "scram-sha-256"}, {@code "!password,!md5"}, or null
         * @return this builder
         * @throws PgInterfaceException for an unknown method, a repeated one, or plain and
         *     negated methods mixed
         */
        public Builder requireAuth(String methods) {
            this.requireAuth = io.pgjet.internal.engine.AuthRequirement.parse(methods).spec();
            return this;
        }

        /**
         * Sets the largest SCRAM iteration count accepted from a server; default 100,000. See
         * {@link ConnectionConfig#scramMaxIterations()}.
         *
         * @param iterations the cap, at least 4096 (PostgreSQL's default count)
         * @return this builder
         * @throws PgInterfaceException if the cap is below 4096
         */
        public Builder scramMaxIterations(int iterations) {
            if (iterations < 4096) {
                throw new PgInterfaceException("scramMaxIterations must be at least 4096, got " + iterations);
            }
            this.scramMaxIterations = iterations;
            return this;
        }

        /**
         * Creates the configuration.
         *
         * @return a new immutable configuration
         * @throws PgInterfaceException if settings contradict each other, such as
         *                              {@code sslnegotiation=direct} with a TLS mode that allows
         *                              plain text, or {@code sslrootcert=system} without
         *                              {@code verify-full}
         */
        public ConnectionConfig build() {
            return new ConnectionConfig(this);
        }

        private static Duration positiveOrNull(Duration value, String name) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new PgInterfaceException(name + " must be positive or null, got " + value);
            }
            return value;
        }

        private static Duration zeroIfNull(Duration value, String name) {
            if (value != null && value.isNegative()) {
                throw new PgInterfaceException(name + " must not be negative, got " + value);
            }
            return value == null ? Duration.ZERO : value;
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new PgInterfaceException(name + " must not be negative, got " + value);
            }
            return value;
        }
    }
}
