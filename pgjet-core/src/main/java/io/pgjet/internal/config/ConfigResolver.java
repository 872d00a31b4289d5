package io.pgjet.internal.config;

import io.pgjet.ChannelBindingMode;
import io.pgjet.ConnectionConfig;
import io.pgjet.InvalidDsnException;
import io.pgjet.LoadBalanceHosts;
import io.pgjet.PgInterfaceException;
import io.pgjet.SslMode;
import io.pgjet.SslNegotiation;
import io.pgjet.TargetSessionAttrs;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a connection string plus the client environment into a {@link ConnectionConfig}, with
 * libpq's precedence: connection string, then environment variable, then default.
 *
 * <p>See {@link ConnectionConfig#parse(String)} for the rules users see. Every message names the
 * option and where its value came from; values overlapping a secret are never quoted
 * ({@link SecretRedactor}). Stateless.
 */
public final class ConfigResolver {

    private static final System.Logger LOG = System.getLogger(ConfigResolver.class.getName());

    private final Map<ConnectionKeyword, Setting> settings = new EnumMap<>(ConnectionKeyword.class);
    private final SecretRedactor redactor;
    private final ClientEnvironment environment;

    private ConfigResolver(Map<ConnectionKeyword, Setting> settings, SecretRedactor redactor,
            ClientEnvironment environment) {
        this.settings.putAll(settings);
        this.redactor = redactor;
        this.environment = environment;
    }

    /**
     * Resolves a connection string in an environment.
     *
     * @param dsn         a URI or keyword/value connection string
     * @param environment the environment variables, OS user and file locations to use
     * @return the configuration
     * @throws InvalidDsnException if the string or an environment variable is invalid
     */
    public static ConnectionConfig resolve(String dsn, ClientEnvironment environment) {
        List<DsnParser.RawOption> raw = DsnParser.parse(dsn);
        List<String> secrets = new ArrayList<>();
        for (DsnParser.RawOption option : raw) {
            ConnectionKeyword keyword = ConnectionKeyword.byName(option.keyword());
            if (keyword != null && keyword.isSecret()) {
                secrets.add(option.value());
            }
        }
        for (ConnectionKeyword keyword : ConnectionKeyword.values()) {
            if (keyword.isSecret() && keyword.environmentVariable() != null) {
                secrets.add(environment.get(keyword.environmentVariable()));
            }
        }
        SecretRedactor redactor = new SecretRedactor(secrets);
        try {
            return resolve(raw, redactor, environment);
        } catch (InvalidDsnException e) {
            // Last line of defence, e.g. for a password equal to an sslmode name.
            if (redactor.revealsSecret(e.getMessage())) {
                throw new InvalidDsnException("invalid connection settings " + SecretRedactor.WITHHELD);
            }
            throw e;
        }
    }

    private static ConnectionConfig resolve(List<DsnParser.RawOption> raw, SecretRedactor redactor,
            ClientEnvironment environment) {
        Map<ConnectionKeyword, Setting> settings = new EnumMap<>(ConnectionKeyword.class);
        Set<ConnectionKeyword> explicit = EnumSet.noneOf(ConnectionKeyword.class);
        for (DsnParser.RawOption option : raw) {
            ConnectionKeyword keyword = ConnectionKeyword.byName(option.keyword());
            if (keyword == null) {
                throw new InvalidDsnException(unknownOptionMessage(option, redactor));
            }
            if (keyword.support() == ConnectionKeyword.Support.UNSUPPORTED) {
                throw new InvalidDsnException("connection option \"" + keyword.libpqName()
                        + "\" is not supported by PgJet");
            }
            // As in libpq, an explicit empty value resets the option and hides its variable.
            explicit.add(keyword);
            if (option.value().isEmpty()) {
                settings.remove(keyword);
            } else {
                settings.put(keyword, new Setting(keyword, option.value(), Setting.FROM_DSN));
            }
        }
        for (ConnectionKeyword keyword : ConnectionKeyword.values()) {
            String variable = keyword.environmentVariable();
            String value = variable == null || explicit.contains(keyword) ? null : environment.get(variable);
            if (value == null) {
                continue;
            }
            if (keyword.support() == ConnectionKeyword.Support.UNSUPPORTED) {
                LOG.log(Level.WARNING, "ignoring environment variable {0}: PgJet does not support "
                        + "connection option \"{1}\"", variable, keyword.libpqName());
                continue;
            }
            settings.put(keyword, Setting.fromEnvironment(keyword, value));
        }
        return new ConfigResolver(settings, redactor, environment).build();
    }

    private static String unknownOptionMessage(DsnParser.RawOption option, SecretRedactor redactor) {
        String name = option.keyword();
        if (option.followsSecret() || redactor.isSensitive(name)) {
            return "unknown connection option in connection string after the value of a password "
                    + "(quote values that contain spaces) " + SecretRedactor.WITHHELD;
        }
        String suggestion = name.equals("ssl") ? "sslmode" : ConnectionKeyword.suggestionFor(name);
        return "unknown connection option \"" + name + "\" in connection string"
                + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)");
    }

    private ConnectionConfig build() {
        ConnectionConfig.Builder b = ConnectionConfig.builder();
        String user = text(ConnectionKeyword.USER);
        if (user == null) {
            user = environment.osUser();
        }
        String database = text(ConnectionKeyword.DBNAME);
        b.user(user).database(database != null ? database : user);
        b.password(text(ConnectionKeyword.PASSWORD));
        b.hosts(new HostListResolver(redactor, environment.socketDirectories()).resolve(
                settings.get(ConnectionKeyword.HOST), settings.get(ConnectionKeyword.HOSTADDR),
                settings.get(ConnectionKeyword.PORT)));
        String applicationName = text(ConnectionKeyword.APPLICATION_NAME);
        b.applicationName(applicationName != null ? applicationName
                : text(ConnectionKeyword.FALLBACK_APPLICATION_NAME));
        b.options(text(ConnectionKeyword.OPTIONS));
        b.connectTimeout(connectTimeout());
        b.sslMode(choice(ConnectionKeyword.SSLMODE, SslMode.values(), SslMode::libpqName));
        b.sslNegotiation(choice(ConnectionKeyword.SSLNEGOTIATION, SslNegotiation.values(),
                SslNegotiation::libpqName));
        b.channelBinding(choice(ConnectionKeyword.CHANNEL_BINDING, ChannelBindingMode.values(),
                ChannelBindingMode::libpqName));
        b.targetSessionAttrs(choice(ConnectionKeyword.TARGET_SESSION_ATTRS, TargetSessionAttrs.values(),
                TargetSessionAttrs::libpqName));
        b.loadBalanceHosts(choice(ConnectionKeyword.LOAD_BALANCE_HOSTS, LoadBalanceHosts.values(),
                LoadBalanceHosts::libpqName));
        String rootCert = text(ConnectionKeyword.SSLROOTCERT);
        if (rootCert == null) {
            Path defaultRoot = existingDefault("root.crt");
            rootCert = defaultRoot == null ? null : defaultRoot.toString();
        }
        b.sslRootCert(rootCert);
        Path cert = path(ConnectionKeyword.SSLCERT);
        b.sslCert(cert != null ? cert : existingDefault("postgresql.crt"));
        Path key = path(ConnectionKeyword.SSLKEY);
        b.sslKey(key != null ? key : existingDefault("postgresql.key"));
        b.sslPassword(text(ConnectionKeyword.SSLPASSWORD));
        b.sslSni(!"0".equals(choice(ConnectionKeyword.SSLSNI, new String[] {"0", "1"}, Function.identity())));
        Integer keepAlives = integer(ConnectionKeyword.KEEPALIVES);
        b.tcpKeepAlive(keepAlives == null || keepAlives != 0);
        Path passfile = path(ConnectionKeyword.PASSFILE);
        b.passfile(passfile != null ? passfile : environment.defaultPassfile());
        Boolean rewrite = bool(ConnectionKeyword.REWRITE_BATCHED_INSERTS);
        b.rewriteBatchedInserts(rewrite != null && rewrite);
        Integer recheck = integer(ConnectionKeyword.HOST_RECHECK_SECONDS);
        if (recheck != null && recheck < 0) {
            throw new InvalidDsnException("host_recheck_seconds must not be negative: " + recheck);
        }
        b.hostRecheck(recheck == null || recheck == 0 ? null : Duration.ofSeconds(recheck));
        b.transactionPooler(transactionPooler());
        b.replication(replication());
        try {
            b.requireAuth(text(ConnectionKeyword.REQUIRE_AUTH));
        } catch (PgInterfaceException e) {
            throw new InvalidDsnException(e.getMessage());
        }
        Integer scramCap = integer(ConnectionKeyword.SCRAM_MAX_ITERATIONS);
        if (scramCap != null) {
            if (scramCap < 4096) {
                throw new InvalidDsnException("scram_max_iterations must be at least 4096, got " + scramCap);
            }
            b.scramMaxIterations(scramCap);
        }
        checkClientEncoding();
        checkValues();
        try {
            return b.build();
        } catch (InvalidDsnException e) {
            throw e;
        } catch (PgInterfaceException e) {
            throw new InvalidDsnException(e.getMessage());
        }
    }

    /** replication=database asks for a logical replication (walsender, database mode) connection. */
    private boolean replication() {
        Setting setting = settings.get(ConnectionKeyword.REPLICATION);
        return setting != null && setting.value().equals("database");
    }

    /** transaction_pooler=true, or pgjdbc's prepareThreshold=0; a positive threshold changes nothing. */
    private boolean transactionPooler() {
        Boolean pooler = bool(ConnectionKeyword.TRANSACTION_POOLER);
        Integer threshold = integer(ConnectionKeyword.PREPARE_THRESHOLD);
        if (threshold != null && threshold < 0) {
            throw new InvalidDsnException("prepare_threshold must not be negative: " + threshold);
        }
        return pooler != null ? pooler : threshold != null && threshold == 0;
    }

    private String text(ConnectionKeyword keyword) {
        Setting setting = settings.get(keyword);
        return setting == null ? null : setting.value();
    }

    private Path path(ConnectionKeyword keyword) {
        Setting setting = settings.get(keyword);
        if (setting == null) {
            return null;
        }
        try {
            return Path.of(setting.value());
        } catch (InvalidPathException e) {
            throw new InvalidDsnException(redactor.message("invalid " + keyword.libpqName() + " path",
                    setting.value(), " in " + setting.origin()));
        }
    }

    private Path existingDefault(String fileName) {
        Path dir = environment.certificateDirectory();
        Path file = dir == null ? null : dir.resolve(fileName);
        return file != null && Files.exists(file) ? file : null;
    }

    private Integer integer(ConnectionKeyword keyword) {
        Setting setting = settings.get(keyword);
        if (setting == null) {
            return null;
        }
        try {
            return Integer.parseInt(setting.value().strip());
        } catch (NumberFormatException e) {
            throw new InvalidDsnException(redactor.message("invalid integer value", setting.value(),
                    " for connection option \"" + keyword.libpqName() + "\" in " + setting.origin()));
        }
    }

    /** A boolean as PostgreSQL spells them (true/false, on/off, yes/no, 1/0, any case), or null if unset. */
    private Boolean bool(ConnectionKeyword keyword) {
        Setting setting = settings.get(keyword);
        if (setting == null) {
            return null;
        }
        switch (setting.value().strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1":
                return Boolean.TRUE;
            case "false", "off", "no", "0":
                return Boolean.FALSE;
            default:
                throw new InvalidDsnException(redactor.message("invalid boolean value", setting.value(),
                        " for connection option \"" + keyword.libpqName() + "\" in " + setting.origin()
                                + " (expected true or false)"));
        }
    }

    /** libpq: zero or negative waits forever; the minimum is 2 seconds. */
    private Duration connectTimeout() {
        Integer seconds = integer(ConnectionKeyword.CONNECT_TIMEOUT);
        if (seconds == null) {
            return ConnectionConfig.DEFAULT_CONNECT_TIMEOUT;
        }
        return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.max(2, seconds));
    }

    private <T> T choice(ConnectionKeyword keyword, T[] values, Function<T, String> name) {
        Setting setting = settings.get(keyword);
        if (setting == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (T value : values) {
            if (name.apply(value).equals(setting.value())) {
                return value;
            }
            names.add("\"" + name.apply(value) + "\"");
        }
        throw new InvalidDsnException(redactor.message("invalid " + keyword.libpqName() + " value",
                setting.value(), " in " + setting.origin() + " (expected " + String.join(", ", names) + ")"));
    }

    private void checkClientEncoding() {
        Setting setting = settings.get(ConnectionKeyword.CLIENT_ENCODING);
        if (setting == null) {
            return;
        }
        String value = setting.value().toUpperCase(Locale.ROOT);
        if (!Set.of("UTF8", "UTF-8", "UNICODE", "AUTO").contains(value)) {
            throw new InvalidDsnException(redactor.message("client_encoding", setting.value(),
                    " in " + setting.origin() + " is not supported: PgJet always uses UTF8"));
        }
    }

    /** Options accepted only with values that ask for nothing PgJet lacks. */
    private void checkValues() {
        checkValue(ConnectionKeyword.GSSENCMODE, Set.of("disable", "prefer"), Set.of("require"),
                "PgJet does not implement GSSAPI encryption");
        checkValue(ConnectionKeyword.MIN_PROTOCOL_VERSION, Set.of("3.0"), Set.of("3.2", "latest"),
                "PgJet cannot require a minimum protocol version yet");
        checkValue(ConnectionKeyword.MAX_PROTOCOL_VERSION, Set.of("3.0", "3.2", "latest"), Set.of(), "");
        checkValue(ConnectionKeyword.SSLCERTMODE, Set.of("allow"), Set.of("disable", "require"),
                "PgJet always sends a configured client certificate (sslcertmode=allow)");
        checkValue(ConnectionKeyword.REPLICATION, Set.of("0", "false", "off", "no", "database"),
                Set.of("1", "true", "on", "yes"),
                "PgJet implements logical replication connections only (replication=database)");
    }

    private void checkValue(ConnectionKeyword keyword, Set<String> accepted, Set<String> unsupported,
            String reason) {
        Setting setting = settings.get(keyword);
        if (setting == null || accepted.contains(setting.value())) {
            return;
        }
        String prefix = keyword.libpqName();
        if (unsupported.contains(setting.value())) {
            throw new InvalidDsnException(redactor.message(prefix, setting.value(),
                    " in " + setting.origin() + " is not supported: " + reason));
        }
        throw new InvalidDsnException(redactor.message("invalid " + prefix + " value", setting.value(),
                " in " + setting.origin()));
    }
}
