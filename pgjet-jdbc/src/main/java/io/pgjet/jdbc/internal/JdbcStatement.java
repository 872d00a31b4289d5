package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import io.pgjet.CommandStatus;
import io.pgjet.Cursor;
import io.pgjet.PgException;
import io.pgjet.PgJetException;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * A {@link java.sql.Statement}: each SQL string runs as a server-prepared statement (cached per
 * connection, so a repeated string costs one round trip), which tells the driver whether it returns
 * rows and what its columns are. A string holding several statements runs through the simple query
 * protocol instead, as one implicit transaction in auto-commit; it then reports only the update
 * count of the last statement and no result set.
 *
 * <p>With a fetch size above zero a query's rows are streamed through a PgJet cursor (a portal),
 * {@code fetchSize} rows per round trip; in auto-commit the driver opens an implicit transaction
 * for it, committed when the result set closes. Not thread-safe beyond JDBC's rules: one thread
 * executes, any thread may {@link #cancel()}.
 */
public class JdbcStatement implements Statement {
    private static final Set<String> DML = Set.of("insert", "update", "delete", "merge");
    private static final Set<String> QUERY = Set.of("select", "with", "values", "table");

    /** The connection this statement belongs to. */
    final JdbcConnection connection;
    private int fetchSize;
    private int maxRows;
    private int queryTimeout;
    private boolean closed;
    private boolean closeOnCompletion;
    private JdbcResultSet current;
    private JdbcResultSet generatedKeys;
    private long updateCount = -1;
    private List<String> batch;
    private boolean escapeProcessing = true;
    private int resultSetType = ResultSet.TYPE_FORWARD_ONLY;

    JdbcStatement(JdbcConnection connection) {
        this.connection = connection;
        this.fetchSize = connection.jdbcConfig().defaultFetchSize();
    }

    /** Fails when this statement or its connection is closed. */
    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("statement");
        }
        connection.checkOpen();
    }

    /**
     * Runs one statement (or a multi-statement string when {@code values} is null) and sets the
     * current result.
     *
     * @param keyColumns null for no generated keys; empty for all columns ({@code RETURNING *})
     * @return whether the first result is a result set
     */
    boolean run(SqlText text, ParameterValues values, String[] keyColumns) throws SQLException {
        connection.lock().lock();
        try {
            checkOpen();
            clearResults();
            connection.beforeStatement();
            if (values == null && text.isMultiStatement()) {
                return runScript(text.sql());
            }
            String sql = text.sql();
            boolean wantsKeys = keyColumns != null && isDml(text);
            if (wantsKeys && !text.words().contains("returning")) {
                sql = sql.stripTrailing();
                if (sql.endsWith(";")) {
                    sql = sql.substring(0, sql.length() - 1);
                }
                sql += " RETURNING " + returningList(keyColumns);
            }
            return runPrepared(sql, text, values, wantsKeys);
        } finally {
            connection.lock().unlock();
        }
    }

    /** Translates a SQL string given to this statement, escapes included unless turned off. */
    private SqlText parse(String sql) {
        return escapeProcessing ? connection.sqlText(sql) : SqlText.parse(sql, false);
    }

    /** Whether a query may stream its rows through a cursor when a fetch size is set (not when scrollable). */
    boolean mayStream() {
        return resultSetType == ResultSet.TYPE_FORWARD_ONLY;
    }

    /** Makes this statement's result sets {@code type} (forward-only or scroll-insensitive, checked by the connection). */
    void setResultSetType(int type) {
        resultSetType = type;
    }

    /** Whether this statement's result sets scroll (over rows read in full). */
    boolean isScrollable() {
        return resultSetType == ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    /** Whether {@code text} is a statement {@code RETURNING} can be appended to. */
    static boolean isDml(SqlText text) {
        return DML.contains(text.firstWord());
    }

    private static String returningList(String[] columns) {
        if (columns.length == 0) {
            return "*";
        }
        StringBuilder list = new StringBuilder();
        for (String column : columns) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(column.replace("\"", "\"\"")).append('"');
        }
        return list.toString();
    }

    private boolean runScript(String sql) throws SQLException {
        ScheduledFuture<?> timer = connection.canceller().begin(queryTimeout);
        boolean timedOut = false;
        try {
            CommandStatus status = connection.pg().execute(sql);
            updateCount = status == null || status.rowCount() < 0 ? 0 : status.rowCount();
            return false;
        } catch (PgJetException e) {
            timedOut = connection.canceller().end(timer);
            throw translate(e, timedOut);
        } finally {
            connection.canceller().end(timer);
        }
    }

    private boolean runPrepared(String sql, SqlText text, ParameterValues values, boolean wantsKeys) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            ScheduledFuture<?> timer = connection.canceller().begin(queryTimeout);
            try {
                PreparedStatement ps = connection.prepared().get(sql);
                Object[] args = arguments(ps, values);
                List<Attribute> columns = ps.getAttributes();
                if (columns.isEmpty()) {
                    CommandStatus status = ps.execute(args);
                    updateCount = status == null || status.rowCount() < 0 ? 0 : status.rowCount();
                    return false;
                }
                if (fetchSize > 0 && !wantsKeys && mayStream() && QUERY.contains(text.firstWord())) {
                    current = openStream(sql, args, columns);
                    return true;
                }
                List<Row> rows = ps.fetch(args);
                if (maxRows > 0 && rows.size() > maxRows) {
                    rows = rows.subList(0, maxRows);
                }
                JdbcResultSet resultSet = JdbcResultSet.ofRows(this, columns, rows);
                if (wantsKeys) {
                    generatedKeys = resultSet;
                    updateCount = rows.size();
                    return false;
                }
                current = resultSet;
                return true;
            } catch (PgJetException e) {
                boolean timedOut = connection.canceller().end(timer);
                if (isStalePlan(e)) {
                    connection.prepared().invalidate(sql);
                    if (attempt == 0 && !connection.pg().isInTransaction()) {
                        continue;
                    }
                }
                throw translate(e, timedOut);
            } finally {
                connection.canceller().end(timer);
            }
        }
    }

    private JdbcResultSet openStream(String sql, Object[] args, List<Attribute> columns) throws SQLException {
        boolean implicit = connection.beginStreamTransaction();
        try {
            Cursor cursor = connection.pg().openCursor(sql, args);
            JdbcResultSet resultSet = JdbcResultSet.ofCursor(this, columns, cursor, fetchSize, maxRows);
            connection.streamOpened(resultSet);
            return resultSet;
        } catch (PgJetException e) {
            if (implicit) {
                connection.streamClosed(null);
            }
            throw e;
        }
    }

    /** Returns the arguments for {@code ps} from the bound values (none for a plain statement). */
    static Object[] arguments(PreparedStatement ps, ParameterValues values) throws SQLException {
        if (values == null) {
            if (!ps.getParameters().isEmpty()) {
                throw SqlErrors.of("the statement has " + ps.getParameters().size()
                        + " parameters; use a PreparedStatement to bind them", "07001");
            }
            return new Object[0];
        }
        try {
            return values.toArguments(ps.getParameters());
        } catch (IllegalStateException e) {
            throw SqlErrors.of(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Whether the server refused a cached statement whose tables or types changed underneath it. */
    static boolean isStalePlan(PgJetException e) {
        if (!(e instanceof PgException pg) || pg.sqlState() == null) {
            return false;
        }
        String message = pg.serverMessage() == null ? "" : pg.serverMessage();
        return pg.sqlState().equals("26000")
                || (pg.sqlState().equals("0A000") && message.contains("cached plan must not change result type"));
    }

    /** Maps {@code e}, reporting a cancel caused by the query timeout as {@link SQLTimeoutException}. */
    static SQLException translate(PgJetException e, boolean timedOut) {
        SQLException error = SqlErrors.of(e);
        if (timedOut && !(error instanceof SQLTimeoutException)) {
            return new SQLTimeoutException("the query timeout elapsed: " + e.getMessage(), SqlErrors.QUERY_CANCELED, 0, e);
        }
        return error;
    }

    void clearResults() throws SQLException {
        if (current != null) {
            JdbcResultSet open = current;
            current = null;
            open.close();
        }
        generatedKeys = null;
        updateCount = -1;
    }

    /** Called by a result set of this statement when it closes. */
    void resultSetClosed(JdbcResultSet resultSet) throws SQLException {
        if (resultSet.isStreaming()) {
            connection.streamClosed(resultSet);
        }
        if (closeOnCompletion && resultSet == current) {
            close();
        }
    }

    int queryTimeout() {
        return queryTimeout;
    }

    // ---- java.sql.Statement -------------------------------------------------------------------

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!execute(sql)) {
            throw SqlErrors.of("the statement returned no result set", "02000");
        }
        return current;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (execute(sql)) {
            throw SqlErrors.of("the statement returned a result set; use executeQuery", "0100D");
        }
        return updateCount;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(parse(sql), null, null);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        run(parse(sql), null, autoGeneratedKeys == RETURN_GENERATED_KEYS ? new String[0] : null);
        return (int) Math.max(updateCount, 0);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        execute(sql, columnIndexes);
        return (int) Math.max(updateCount, 0);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        run(parse(sql), null, columnNames == null ? new String[0] : columnNames);
        return (int) Math.max(updateCount, 0);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return run(parse(sql), null, autoGeneratedKeys == RETURN_GENERATED_KEYS ? new String[0] : null);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        if (columnIndexes == null || columnIndexes.length == 0) {
            return execute(sql, RETURN_GENERATED_KEYS);
        }
        String[] names;
        connection.lock().lock();
        try {
            names = KeyColumns.names(connection.pg(), sql, columnIndexes);
        } finally {
            connection.lock().unlock();
        }
        return run(parse(sql), null, names);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return run(parse(sql), null, columnNames == null ? new String[0] : columnNames);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return current;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return current != null ? -1 : (int) Math.min(updateCount, Integer.MAX_VALUE);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return current != null ? -1 : updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        clearResults();
        return false;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return generatedKeys != null ? generatedKeys : JdbcResultSet.ofRows(this, List.of(), List.of());
    }

    /** Returns the current result set and forgets it (a call's OUT row, read by the statement itself). */
    JdbcResultSet takeResultSet() {
        JdbcResultSet taken = current;
        current = null;
        return taken;
    }

    /** Sets the generated keys of a batch. */
    void setGeneratedKeys(JdbcResultSet keys) {
        generatedKeys = keys;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch = null;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = (int) Math.min(counts[i], Integer.MAX_VALUE);
        }
        return result;
    }

    /**
     * Runs the batched SQL strings one after another; in auto-commit inside one transaction, so the
     * batch is all or nothing as a pipelined PreparedStatement batch is.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> statements = batch == null ? List.of() : batch;
        batch = null;
        long[] counts = new long[statements.size()];
        if (statements.isEmpty()) {
            return counts;
        }
        connection.lock().lock();
        try {
            boolean wrap = connection.getAutoCommit() && !connection.pg().isInTransaction();
            if (wrap) {
                connection.pg().execute("BEGIN");
            }
            int i = 0;
            try {
                for (; i < counts.length; i++) {
                    if (run(parse(statements.get(i)), null, null)) {
                        clearResults();
                        throw SqlErrors.of("a batched statement returned a result set: " + statements.get(i), "0100D");
                    }
                    counts[i] = updateCount;
                }
                if (wrap) {
                    connection.pg().execute("COMMIT");
                }
            } catch (SQLException e) {
                if (wrap && !connection.pg().isClosed()) {
                    connection.pg().execute("ROLLBACK");
                }
                BatchUpdateException failure = new BatchUpdateException("batch entry " + i + " failed: " + e.getMessage(),
                        e.getSQLState(), 0, wrap ? new long[0] : java.util.Arrays.copyOf(counts, i), e);
                failure.setNextException(e);
                throw failure;
            }
            return counts;
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        } finally {
            connection.lock().unlock();
        }
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        connection.canceller().cancel();
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        connection.lock().lock();
        try {
            clearResults();
            closed = true;
        } finally {
            connection.lock().unlock();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        SqlErrors.checkNotNegative(max, "max field size");
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        SqlErrors.checkNotNegative(max, "max rows");
        maxRows = max;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        // Applies to the SQL strings given to this Statement; a PreparedStatement's text is translated when prepared.
        escapeProcessing = enable;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        SqlErrors.checkNotNegative(seconds, "query timeout");
        queryTimeout = seconds;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return connection.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        connection.clearWarnings();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw SqlErrors.unsupported("named cursors (setCursorName)");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw SqlErrors.unsupported("fetch directions other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        SqlErrors.checkNotNegative(rows, "fetch size");
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return resultSetType;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return SqlErrors.unwrapSelf(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
