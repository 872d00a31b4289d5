package io.pgjet.jdbc;

import io.pgjet.jdbc.internal.JdbcConfig;
import io.pgjet.jdbc.internal.JdbcConnection;
import io.pgjet.observe.PgJetListener;
import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} opening PgJet JDBC connections, configured through bean setters so that
 * pools and frameworks can build it by name (HikariCP's {@code dataSourceClassName}, with
 * {@code dataSource.serverName=...} properties). Either set a {@link #setUrl URL} (any URL
 * {@link PgJetDriver} accepts), or the server names, ports and database; every other setter
 * (and {@link #setProperty}) adds a connection property with pgjdbc's name.
 *
 * <p>It does not pool: each {@link #getConnection()} opens a new session. Setters are not
 * thread-safe; configure the data source before sharing it. {@code getConnection} is thread-safe.
 */
public class PgJetDataSource implements DataSource, Serializable {
    private static final long serialVersionUID = 1L;

    /** The URL set with {@link #setUrl}, or null to build one from the other settings. */
    private String url;
    /** The servers to try, in order; never empty. */
    private String[] serverNames = {"localhost"};
    /** The port of each server (the last applies to the rest); empty for 5432 everywhere. */
    private int[] portNumbers = {};
    /** The database, or null for the user's own. */
    private String databaseName;
    /** Every other connection property, by its pgjdbc or libpq name. */
    private final Properties properties = new Properties();
    /** The login timeout in seconds; 0 for none. */
    private int loginTimeout;
    private transient PrintWriter logWriter;
    /** Not serialized: listeners are live objects (meter registries, tracers). */
    private transient List<PgJetListener> listeners = List.of();

    /** Creates a data source for {@code localhost:5432} and no database (the user's own). */
    public PgJetDataSource() {
    }

    /**
     * Sets a JDBC URL, which takes precedence over server names, ports and database name.
     *
     * @param url a URL {@link PgJetDriver} accepts, or null to build it from the other settings
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * Returns the URL set with {@link #setUrl}, or the one built from the other settings.
     *
     * @return a {@code jdbc:postgresql://} URL; properties set separately are not part of it
     */
    public String getUrl() {
        if (url != null) {
            return url;
        }
        StringBuilder u = new StringBuilder(JdbcConfig.POSTGRESQL_PREFIX).append("//");
        for (int i = 0; i < serverNames.length; i++) {
            String host = serverNames[i];
            u.append(i == 0 ? "" : ",").append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
            int port = portNumbers.length == 0 ? 0 : portNumbers[Math.min(i, portNumbers.length - 1)];
            if (port > 0) {
                u.append(':').append(port);
            }
        }
        return u.append('/').append(databaseName == null ? "" : databaseName).toString();
    }

    /**
     * Sets the same as {@link #setUrl} (pgjdbc's other spelling).
     *
     * @param url a URL {@link PgJetDriver} accepts, or null
     */
    public void setURL(String url) {
        setUrl(url);
    }

    /**
     * Returns {@link #getUrl()}.
     *
     * @return the same as {@link #getUrl()}
     */
    public String getURL() {
        return getUrl();
    }

    /**
     * Sets the one server to connect to.
     *
     * @param serverName a host name or IP address; null or empty means {@code localhost}
     */
    public void setServerName(String serverName) {
        this.serverNames = new String[] {serverName == null || serverName.isEmpty() ? "localhost" : serverName};
    }

    /**
     * Returns the first server name.
     *
     * @return the first server name ({@code localhost} unless set)
     */
    public String getServerName() {
        return serverNames[0];
    }

    /**
     * Sets several servers, tried in order (or at random with {@code loadBalanceHosts}).
     *
     * @param serverNames host names or IP addresses; null or empty means {@code localhost}
     */
    public void setServerNames(String[] serverNames) {
        this.serverNames = serverNames == null || serverNames.length == 0 ? new String[] {"localhost"} : serverNames.clone();
    }

    /**
     * Returns the server names.
     *
     * @return a copy of the server names
     */
    public String[] getServerNames() {
        return serverNames.clone();
    }

    /**
     * Sets the port of every server (0: the default 5432).
     *
     * @param portNumber the port, or 0 for 5432
     */
    public void setPortNumber(int portNumber) {
        this.portNumbers = new int[] {portNumber};
    }

    /**
     * Returns the first port, or 0 for the default.
     *
     * @return the first port, or 0
     */
    public int getPortNumber() {
        return portNumbers.length == 0 ? 0 : portNumbers[0];
    }

    /**
     * Sets the port of each server in {@link #setServerNames} order; the last applies to the rest.
     *
     * @param portNumbers one port per server (0 for 5432), or null for 5432 everywhere
     */
    public void setPortNumbers(int[] portNumbers) {
        this.portNumbers = portNumbers == null ? new int[0] : portNumbers.clone();
    }

    /**
     * Returns the ports.
     *
     * @return a copy of the ports; empty when none were set
     */
    public int[] getPortNumbers() {
        return portNumbers.clone();
    }

    /**
     * Sets the database name.
     *
     * @param databaseName the database, or null for the user's own
     */
    public void setDatabaseName(String databaseName) {
        this.databaseName = databaseName;
    }

    /**
     * Returns the database name, or null.
     *
     * @return the database name, or null
     */
    public String getDatabaseName() {
        return databaseName;
    }

    /**
     * Sets the user.
     *
     * @param user the role to log in as, or null to remove it
     */
    public void setUser(String user) {
        setProperty("user", user);
    }

    /**
     * Returns the user, or null.
     *
     * @return the {@code user} property, or null
     */
    public String getUser() {
        return properties.getProperty("user");
    }

    /**
     * Sets the user (HikariCP's and Spring's spelling).
     *
     * @param user the role to log in as, or null to remove it
     */
    public void setUsername(String user) {
        setUser(user);
    }

    /**
     * Sets the password; never logged or shown.
     *
     * @param password the password, or null to remove it
     */
    public void setPassword(String password) {
        setProperty("password", password);
    }

    /**
     * Returns the password, or null.
     *
     * @return the {@code password} property, or null
     */
    public String getPassword() {
        return properties.getProperty("password");
    }

    /**
     * Sets {@code ApplicationName}.
     *
     * @param name the {@code application_name} the server shows in {@code pg_stat_activity}
     */
    public void setApplicationName(String name) {
        setProperty("ApplicationName", name);
    }

    /**
     * Sets {@code currentSchema}: the session's search_path.
     *
     * @param schema the schema to put on the search_path
     */
    public void setCurrentSchema(String schema) {
        setProperty("currentSchema", schema);
    }

    /**
     * Sets {@code sslmode} (disable, allow, prefer, require, verify-ca, verify-full).
     *
     * @param mode one of disable, allow, prefer, require, verify-ca, verify-full
     */
    public void setSslMode(String mode) {
        setProperty("sslmode", mode);
    }

    /**
     * Sets {@code ssl}: true means verify-full unless an sslmode is set.
     *
     * @param ssl true for TLS with {@code verify-full}, unless {@link #setSslMode} chose a mode
     */
    public void setSsl(boolean ssl) {
        setProperty("ssl", Boolean.toString(ssl));
    }

    /**
     * Sets {@code sslrootcert}: the file of trusted root certificates.
     *
     * @param file the path of a PEM file of root certificates
     */
    public void setSslRootCert(String file) {
        setProperty("sslrootcert", file);
    }

    /**
     * Sets {@code connectTimeout} in seconds (0: none).
     *
     * @param seconds the connect timeout, or 0 for none
     */
    public void setConnectTimeout(int seconds) {
        setProperty("connectTimeout", Integer.toString(seconds));
    }

    /**
     * Sets {@code socketTimeout} in seconds: PgJet's command timeout (0: none).
     *
     * @param seconds the time a command may take, or 0 for none
     */
    public void setSocketTimeout(int seconds) {
        setProperty("socketTimeout", Integer.toString(seconds));
    }

    /**
     * Sets {@code defaultRowFetchSize}: the fetch size statements start with.
     *
     * @param rows the number of rows fetched per round trip, or 0 for all at once
     */
    public void setDefaultRowFetchSize(int rows) {
        setProperty("defaultRowFetchSize", Integer.toString(rows));
    }

    /**
     * Sets {@code reWriteBatchedInserts}.
     *
     * @param rewrite true to run batches of single-row {@code INSERT}s as multi-row inserts
     */
    public void setReWriteBatchedInserts(boolean rewrite) {
        setProperty("reWriteBatchedInserts", Boolean.toString(rewrite));
    }

    /**
     * Sets {@code targetServerType} (any, primary, standby, preferStandby).
     *
     * @param type one of any, primary, standby, preferStandby
     */
    public void setTargetServerType(String type) {
        setProperty("targetServerType", type);
    }

    /**
     * Sets {@code loadBalanceHosts}.
     *
     * @param loadBalance true to try the servers in random order
     */
    public void setLoadBalanceHosts(boolean loadBalance) {
        setProperty("loadBalanceHosts", Boolean.toString(loadBalance));
    }

    /**
     * Sets {@code options}: command-line options for the server ({@code -c name=value}).
     *
     * @param options the server options, e.g. {@code -c statement_timeout=5000}
     */
    public void setOptions(String options) {
        setProperty("options", options);
    }

    /**
     * Sets {@code prepareThreshold}: 0 means the connections go through a transaction-mode pooler
     * such as pgbouncer, so no named server-side statement is made (PgJet's
     * {@code transaction_pooler=true}); any positive value keeps PgJet's default (prepare on first use).
     *
     * @param threshold 0 for pooler mode, any positive value for the default
     */
    public void setPrepareThreshold(int threshold) {
        setProperty("prepareThreshold", Integer.toString(threshold));
    }

    /**
     * Sets any connection property by its pgjdbc or libpq name; null removes it.
     *
     * @param name the property name
     * @param value the value, or null
     */
    public void setProperty(String name, String value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.setProperty(name, value);
        }
    }

    /**
     * Returns a property set on this data source, or null.
     *
     * @param name the property name
     * @return the value, or null if not set
     */
    public String getProperty(String name) {
        return properties.getProperty(name);
    }

    /**
     * Opens a new connection.
     *
     * @throws SQLException if the settings are invalid or the server cannot be reached
     */
    @Override
    public Connection getConnection() throws SQLException {
        return open(properties);
    }

    /** Opens a new connection as {@code username} (overriding the configured user and password). */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        if (username != null) {
            p.setProperty("user", username);
        }
        if (password != null) {
            p.setProperty("password", password);
        } else {
            p.remove("password");
        }
        return open(p);
    }

    /**
     * Sets the listeners every connection opened from now on reports its operations to (queries,
     * batches, transactions, connects...), as {@code ConnectionConfig.Builder.addListener} does:
     * how {@code pgjet-micrometer}'s and {@code pgjet-opentelemetry}'s listeners observe JDBC
     * code. Not serialized with the data source.
     *
     * @param listeners the listeners, called in order; empty for none
     */
    public void setListeners(List<? extends PgJetListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Returns the listeners set with {@link #setListeners}.
     *
     * @return the listeners, possibly empty
     */
    public List<PgJetListener> getListeners() {
        return listeners == null ? List.of() : listeners;
    }

    private Connection open(Properties p) throws SQLException {
        Properties effective = p;
        if (loginTimeout > 0 && !p.containsKey("connectTimeout")) {
            effective = new Properties();
            effective.putAll(p);
            effective.setProperty("connectTimeout", Integer.toString(loginTimeout));
        }
        JdbcConfig parsed = JdbcConfig.parse(getUrl(), effective);
        List<PgJetListener> observers = getListeners();
        if (!observers.isEmpty()) {
            io.pgjet.ConnectionConfig.Builder config = parsed.config().toBuilder();
            observers.forEach(config::addListener);
            parsed = new JdbcConfig(config.build(), parsed.url(), parsed.defaultFetchSize(), parsed.escapeCallMode());
        }
        return JdbcConnection.open(parsed);
    }

    /** Returns the log writer set (unused: PgJet logs through System.Logger). */
    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Stores a log writer (unused: PgJet logs through System.Logger). */
    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Sets the connect timeout in seconds used unless {@code connectTimeout} is set. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    /** Returns the login timeout in seconds (0: the default). */
    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    /** Always throws: PgJet logs through {@code System.Logger}. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("PgJet logs through System.Logger");
    }

    /** Returns this data source as {@code iface} if it is one. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    /** Returns whether this data source is an {@code iface}. */
    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
