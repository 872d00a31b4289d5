package io.pgjet.jdbc.internal;

import io.pgjet.CommandStatus;
import io.pgjet.Notice;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link java.sql.Connection} over one blocking PgJet {@link io.pgjet.Connection} (caller-driven:
 * the thread that runs a statement does the socket I/O).
 *
 * <p>Transactions follow pgjdbc: auto-commit is on by default; with it off, a {@code BEGIN} (with
 * the isolation level and read-only flag set on this connection) is sent before the first statement
 * of each transaction, and {@link #commit}/{@link #rollback} end it. Read-only applies to the
 * transactions the driver begins, so it has no effect in auto-commit (pgjdbc's default
 * {@code readOnlyMode=transaction}). Notices become {@link SQLWarning}s; they arrive on a PgJet
 * worker thread, so a notice can show up a moment after the statement that raised it returned.
 *
 * <p>Thread-safe in the JDBC sense: calls from several threads are serialised by a lock (never a
 * monitor, so virtual threads do not pin); {@code Statement.cancel()} and {@link #abort} work from
 * any thread while a statement runs.
 */
public final class JdbcConnection implements Connection {
    private static final AtomicInteger SAVEPOINT_IDS = new AtomicInteger();

    private final io.pgjet.Connection pg;
    private final JdbcConfig config;
    private final PreparedCache prepared;
    private final SqlTextCache texts = new SqlTextCache(256);
    private final ColumnCatalog columnCatalog = new ColumnCatalog(this);
    private final QueryCanceller canceller;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<SQLWarning> warnings = new ConcurrentLinkedQueue<>();
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = Connection.TRANSACTION_READ_COMMITTED;
    private boolean isolationChanged;
    private volatile boolean closed;
    private JdbcResultSet openStream;
    private boolean streamTransaction;

    private JdbcConnection(io.pgjet.Connection pg, JdbcConfig config) {
        this.pg = pg;
        this.config = config;
        this.prepared = new PreparedCache(pg, 256);
        String backendStart = null;
        if (config.config().hosts().size() > 1) {
            backendStart = pg.fetchVal("select backend_start::text from pg_stat_activity where pid = pg_backend_pid()");
        }
        this.canceller = new QueryCanceller(config.config(), pg.getServerPid(), backendStart);
        pg.addLogListener(this::notice);
    }

    /**
     * Opens a connection for {@code config}.
     *
     * @throws SQLException if the server cannot be reached or refuses the session
     */
    public static JdbcConnection open(JdbcConfig config) throws SQLException {
        io.pgjet.Connection pg;
        try {
            pg = PgJet.connect(config.config());
        } catch (PgJetException e) {
            SQLException error = SqlErrors.of(e);
            if (error.getSQLState() != null && error.getSQLState().startsWith("08")) {
                throw new java.sql.SQLNonTransientConnectionException(e.getMessage(), SqlErrors.UNABLE_TO_CONNECT, e);
            }
            throw error;
        }
        try {
            return new JdbcConnection(pg, config);
        } catch (PgJetException e) {
            pg.terminate();
            throw SqlErrors.of(e);
        }
    }

    private void notice(Notice notice) {
        warnings.add(new SQLWarning(notice.message(), notice.sqlState()));
    }

    // ---- used by statements -------------------------------------------------------------------

    /** Returns the PgJet connection. */
    io.pgjet.Connection pg() {
        return pg;
    }

    /** Returns the configuration this connection was opened with. */
    JdbcConfig jdbcConfig() {
        return config;
    }

    /** Returns the per-connection cache of table-column facts for ResultSetMetaData. */
    ColumnCatalog columnCatalog() {
        return columnCatalog;
    }

    /** Returns the translation of {@code sql} (escapes processed), cached per connection. */
    SqlText sqlText(String sql) {
        return texts.get(sql);
    }

    PreparedCache prepared() {
        return prepared;
    }

    QueryCanceller canceller() {
        return canceller;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Fails when the connection is closed. */
    void checkOpen() throws SQLException {
        if (closed || pg.isClosed()) {
            throw SqlErrors.closed("connection");
        }
    }

    /**
     * Prepares the session for a statement: closes a streaming result still open in auto-commit
     * (ending its implicit transaction) and begins the transaction when auto-commit is off.
     */
    void beforeStatement() throws SQLException {
        checkOpen();
        if (!autoCommit && !pg.isInTransaction()) {
            run(beginSql());
        }
    }

    /**
     * Opens the implicit transaction a streaming result needs in auto-commit; it ends when the
     * result set closes. Returns whether one was opened.
     */
    boolean beginStreamTransaction() throws SQLException {
        if (autoCommit && !pg.isInTransaction()) {
            run("BEGIN");
            streamTransaction = true;
            return true;
        }
        return false;
    }

    /** Records the streaming result set now open, so the connection can end it first when needed. */
    void streamOpened(JdbcResultSet resultSet) {
        openStream = resultSet;
    }

    /** Ends the implicit transaction of a streaming result (if any) once it is closed. */
    void streamClosed(JdbcResultSet resultSet) throws SQLException {
        if (openStream == resultSet) {
            openStream = null;
        }
        if (streamTransaction && autoCommit && openStream == null) {
            streamTransaction = false;
            if (!pg.isClosed() && pg.isInTransaction()) {
                run("COMMIT");
            }
        }
    }

    private String beginSql() throws SQLException {
        StringBuilder sql = new StringBuilder("BEGIN");
        if (isolationChanged) {
            sql.append(" ISOLATION LEVEL ").append(isolationSql(isolation));
        }
        if (readOnly) {
            sql.append(" READ ONLY");
        }
        return sql.toString();
    }

    /** Runs a control statement through the simple protocol. */
    private CommandStatus run(String sql) throws SQLException {
        try {
            return pg.execute(sql);
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        }
    }

    private void closeStream() throws SQLException {
        if (openStream != null) {
            openStream.close();
        }
    }

    // ---- statements ---------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new JdbcStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new JdbcPreparedStatement(this, sql, null);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkOpen();
        return new JdbcCallableStatement(this, sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return sqlText(sql).sql();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        JdbcStatement statement = (JdbcStatement) createStatement();
        statement.setResultSetType(resultSetType);
        return statement;
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        JdbcPreparedStatement statement = (JdbcPreparedStatement) prepareStatement(sql);
        statement.setResultSetType(resultSetType);
        return statement;
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        JdbcCallableStatement statement = (JdbcCallableStatement) prepareCall(sql);
        statement.setResultSetType(resultSetType);
        return statement;
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return new JdbcPreparedStatement(this, sql, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS
                ? new String[0] : null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        if (columnIndexes == null || columnIndexes.length == 0) {
            return prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        }
        lock.lock();
        try {
            return new JdbcPreparedStatement(this, sql, KeyColumns.names(pg(), sql, columnIndexes));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return new JdbcPreparedStatement(this, sql, columnNames == null ? new String[0] : columnNames.clone());
    }

    /** Accepts read-only result sets, forward-only or scroll-insensitive (over rows read in full). */
    private static void checkResultSetKind(int type, int concurrency) throws SQLException {
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw SqlErrors.unsupported("updatable result sets");
        }
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE) {
            throw SqlErrors.unsupported("TYPE_SCROLL_SENSITIVE result sets (TYPE_SCROLL_INSENSITIVE works)");
        }
    }

    // ---- transactions -------------------------------------------------------------------------

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        lock.lock();
        try {
            checkOpen();
            if (autoCommit == this.autoCommit) {
                return;
            }
            closeStream();
            if (autoCommit && pg.isInTransaction()) {
                // JDBC: switching auto-commit on commits the transaction in progress.
                commitNow();
            }
            this.autoCommit = autoCommit;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        lock.lock();
        try {
            checkOpen();
            if (autoCommit) {
                throw SqlErrors.of("cannot commit when auto-commit is enabled", "25000");
            }
            closeStream();
            if (pg.isInTransaction()) {
                commitNow();
            }
        } finally {
            lock.unlock();
        }
    }

    private void commitNow() throws SQLException {
        CommandStatus status = run("COMMIT");
        if (status != null && "ROLLBACK".equals(status.tag())) {
            throw new java.sql.SQLTransactionRollbackException(
                    "the transaction had failed, so the server rolled it back instead of committing", "40000");
        }
    }

    @Override
    public void rollback() throws SQLException {
        lock.lock();
        try {
            checkOpen();
            if (autoCommit) {
                throw SqlErrors.of("cannot roll back when auto-commit is enabled", "25000");
            }
            closeStream();
            if (pg.isInTransaction()) {
                run("ROLLBACK");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return setSavepoint(null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        lock.lock();
        try {
            checkOpen();
            if (autoCommit) {
                throw SqlErrors.of("cannot set a savepoint when auto-commit is enabled", "25000");
            }
            beforeStatement();
            JdbcSavepoint savepoint = new JdbcSavepoint(SAVEPOINT_IDS.incrementAndGet(), name);
            run("SAVEPOINT " + savepoint.sqlName());
            return savepoint;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        lock.lock();
        try {
            checkOpen();
            closeStream();
            run("ROLLBACK TO SAVEPOINT " + JdbcSavepoint.of(savepoint).sqlName());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        lock.lock();
        try {
            checkOpen();
            run("RELEASE SAVEPOINT " + JdbcSavepoint.of(savepoint).sqlName());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        isolationSql(level);
        if (pg.isInTransaction() && !autoCommit) {
            throw SqlErrors.of("cannot change the isolation level inside a transaction", "25001");
        }
        isolation = level;
        isolationChanged = true;
        if (autoCommit) {
            // Statements in auto-commit begin no transaction of the driver's, so the level is set
            // for the session, as pgjdbc does.
            run("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + isolationSql(level));
        }
    }

    private static String isolationSql(int level) throws SQLException {
        switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED:
                return "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED:
                return "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ:
                return "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE:
                return "SERIALIZABLE";
            default:
                throw SqlErrors.of("unknown transaction isolation level " + level, SqlErrors.INVALID_PARAMETER);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        if (isolationChanged) {
            return isolation;
        }
        String level;
        lock.lock();
        try {
            level = pg.fetchVal("show transaction_isolation");
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        } finally {
            lock.unlock();
        }
        switch (level) {
            case "read uncommitted":
                return TRANSACTION_READ_UNCOMMITTED;
            case "repeatable read":
                return TRANSACTION_REPEATABLE_READ;
            case "serializable":
                return TRANSACTION_SERIALIZABLE;
            default:
                return TRANSACTION_READ_COMMITTED;
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        if (pg.isInTransaction() && !autoCommit && readOnly != this.readOnly) {
            throw SqlErrors.of("cannot change read-only inside a transaction", "25001");
        }
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    // ---- session ------------------------------------------------------------------------------

    @Override
    public void setSchema(String schema) throws SQLException {
        lock.lock();
        try {
            checkOpen();
            beforeStatement();
            pg.fetch("select set_config('search_path', $1, false)", quoteIdentifier(schema));
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        } finally {
            lock.unlock();
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String getSchema() throws SQLException {
        lock.lock();
        try {
            checkOpen();
            return pg.fetchVal("select current_schema()");
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        // PostgreSQL cannot switch databases within a session; JDBC says to ignore the request.
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return config.config().database();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcDatabaseMetaData(this);
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        SqlErrors.checkNotNegative(timeout, "timeout");
        if (closed || pg.isClosed()) {
            return false;
        }
        lock.lock();
        try {
            io.pgjet.Connection probe = timeout > 0 ? pg.withTimeout(java.time.Duration.ofSeconds(timeout)) : pg;
            probe.execute("");
            return true;
        } catch (PgJetException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        SQLWarning first = null;
        for (SQLWarning w : warnings) {
            if (first == null) {
                first = new SQLWarning(w.getMessage(), w.getSQLState());
            } else {
                first.setNextWarning(new SQLWarning(w.getMessage(), w.getSQLState()));
            }
        }
        return first;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings.clear();
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        lock.lock();
        try {
            closed = true;
            prepared.clear();
            // JDBC leaves an open transaction's fate to the driver; ending the session rolls it back.
            pg.close();
        } catch (PgJetException e) {
            pg.terminate();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isClosed() {
        return closed || pg.isClosed();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlErrors.of("executor must not be null", SqlErrors.INVALID_PARAMETER);
        }
        closed = true;
        executor.execute(pg::terminate);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        // PgJet's per-connection command timeout is fixed at connect time (socketTimeout); a
        // pool's call here is accepted and has no further effect.
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        java.time.Duration timeout = config.config().commandTimeout();
        return timeout == null ? 0 : (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return new java.util.HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw SqlErrors.unsupported("custom type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw SqlErrors.unsupported("holdable result sets");
        }
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return new JdbcArray(typeName, PgTypes.oidOf(typeName), elements == null ? null : elements.clone());
    }

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        return new JdbcClob("");
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return new JdbcBlob(new byte[0]);
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        return new JdbcClob("");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlErrors.unsupported("SQLXML");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlErrors.unsupported("Struct");
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if ("ApplicationName".equals(name)) {
            lock.lock();
            try {
                pg.fetch("select set_config('application_name', $1, false)", value == null ? "" : value);
            } catch (PgJetException e) {
                throw new SQLClientInfoException(e.getMessage(), Map.of(), e);
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (properties != null && properties.containsKey("ApplicationName")) {
            setClientInfo("ApplicationName", properties.getProperty("ApplicationName"));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        if ("ApplicationName".equals(name)) {
            return pg.getSettings().get("application_name");
        }
        return null;
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        Properties p = new Properties();
        String app = getClientInfo("ApplicationName");
        if (app != null) {
            p.setProperty("ApplicationName", app);
        }
        return p;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(pg)) {
            return iface.cast(pg);
        }
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlErrors.of("not a wrapper for " + iface.getName(), SqlErrors.INVALID_PARAMETER);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(pg) || iface.isInstance(this);
    }
}
