package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import io.pgjet.PgJetException;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A {@link java.sql.PreparedStatement}: the {@code ?} placeholders are translated to
 * {@code $1..$n} once ({@link SqlText}); values are converted at execution to the types the
 * server gave the parameters. {@link #executeBatch()} sends every parameter set in one pipelined
 * request (PgJet's {@code executeMany}: one round trip, all or nothing, each execution's update
 * count reported; with {@code reWriteBatchedInserts} single-row inserts are merged). Not thread-safe beyond JDBC's rules.
 */
public class JdbcPreparedStatement extends JdbcStatement implements java.sql.PreparedStatement {
    private final String jdbcSql;
    private final SqlText text;
    private final String[] keyColumns;
    private final ParameterValues values = new ParameterValues();
    private List<ParameterValues> batch;

    JdbcPreparedStatement(JdbcConnection connection, String sql, String[] keyColumns) {
        super(connection);
        this.jdbcSql = sql;
        this.text = connection.sqlText(sql);
        this.keyColumns = keyColumns;
    }

    /** The translated SQL this statement runs. */
    final SqlText text() {
        return text;
    }

    /** The values bound so far. */
    final ParameterValues values() {
        return values;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw SqlErrors.of("the statement returned no result set", "02000");
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute()) {
            throw SqlErrors.of("the statement returned a result set; use executeQuery", "0100D");
        }
        return getLargeUpdateCount();
    }

    @Override
    public boolean execute() throws SQLException {
        return run(text, values, keyColumns);
    }

    // ---- plain-SQL verbs are not allowed on a PreparedStatement (JDBC) -----------------------

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw notOnPrepared();
    }

    private static SQLException notOnPrepared() {
        return SqlErrors.of("a PreparedStatement runs its own SQL; this method takes none", "42000");
    }

    // ---- batches ------------------------------------------------------------------------------

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(values.copy());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch = null;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<ParameterValues> sets = batch == null ? List.of() : batch;
        batch = null;
        if (sets.isEmpty()) {
            return new long[0];
        }
        connection.lock().lock();
        ScheduledFuture<?> timer = null;
        long[] counts = new long[sets.size()];
        int[] answered = {0};
        try {
            clearResults();
            connection.beforeStatement();
            boolean wantsKeys = keyColumns != null && isDml(text);
            String sql = text.sql();
            if (wantsKeys && !text.words().contains("returning")) {
                sql = sql.stripTrailing() + " RETURNING " + (keyColumns.length == 0 ? "*" : quoted(keyColumns));
            }
            PreparedStatement ps = connection.prepared().get(sql);
            List<Object[]> arguments = new ArrayList<>(sets.size());
            for (ParameterValues set : sets) {
                arguments.add(arguments(ps, set));
            }
            timer = connection.canceller().begin(queryTimeout());
            if (wantsKeys) {
                List<Row> rows = connection.pg().fetchMany(sql, arguments);
                setGeneratedKeys(JdbcResultSet.ofRows(this, ps.getAttributes(), rows));
                java.util.Arrays.fill(counts, inferCount(rows.size(), sets.size()));
            } else if (connection.jdbcConfig().config().rewriteBatchedInserts()) {
                // Merged inserts have no per-row counts (pgjdbc reports SUCCESS_NO_INFO too).
                long total = connection.pg().executeMany(sql, arguments);
                java.util.Arrays.fill(counts, inferCount(total, sets.size()));
            } else {
                // Still one pipelined request; the server's count for each execution, in order.
                connection.pg().executeMany(sql, arguments, count -> {
                    if (answered[0] < counts.length) {
                        counts[answered[0]++] = count;
                    }
                });
            }
            return counts;
        } catch (PgJetException | SQLException e) {
            boolean timedOut = timer != null && connection.canceller().end(timer);
            SQLException cause = e instanceof SQLException s ? s : translate((PgJetException) e, timedOut);
            // The counts of the executions the server answered before the one it rejected (pgjdbc
            // reports them too); in auto-commit none of them stays applied.
            BatchUpdateException failure = new BatchUpdateException("batch failed, nothing of it was applied: "
                    + cause.getMessage(), cause.getSQLState(), 0, java.util.Arrays.copyOf(counts, answered[0]), cause);
            failure.setNextException(cause);
            throw failure;
        } finally {
            if (timer != null) {
                connection.canceller().end(timer);
            }
            connection.lock().unlock();
        }
    }

    /**
     * Returns each execution's row count where the total alone tells it: zero when nothing was
     * touched, one for a single-row {@code INSERT ... VALUES} (each inserts exactly one row); else
     * {@link #SUCCESS_NO_INFO}: for batches that report only a total (merged inserts, generated keys).
     */
    private long inferCount(long total, int executions) {
        if (total == 0) {
            return 0;
        }
        boolean singleRowInsert = text.firstWord().equals("insert") && !text.words().contains("select")
                && !text.words().contains("conflict") && text.words().contains("values");
        if (singleRowInsert && total == executions) {
            return 1;
        }
        return SUCCESS_NO_INFO;
    }

    private static String quoted(String[] columns) {
        StringBuilder list = new StringBuilder();
        for (String column : columns) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(column.replace("\"", "\"\"")).append('"');
        }
        return list.toString();
    }

    // ---- metadata -----------------------------------------------------------------------------

    private PreparedStatement described() throws SQLException {
        connection.lock().lock();
        try {
            checkOpen();
            return connection.prepared().get(text.sql());
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        } finally {
            connection.lock().unlock();
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        List<Attribute> columns = described().getAttributes();
        return columns.isEmpty() ? null : new JdbcResultSetMetaData(columns, connection.columnCatalog());
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return new JdbcParameterMetaData(described().getParameters());
    }

    /** Returns the SQL as the caller wrote it. */
    @Override
    public String toString() {
        return jdbcSql;
    }

    // ---- setters ------------------------------------------------------------------------------

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        values.clear();
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        values.set(index, value);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, (short) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        set(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        // A date has no zone: the calendar changes nothing about which day it is.
        set(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        set(parameterIndex, x == null || cal == null ? x
                : java.time.Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime());
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            set(parameterIndex, x);
            return;
        }
        // The instant the Timestamp holds, expressed as wall time in the calendar's zone.
        ZoneId zone = cal.getTimeZone().toZoneId();
        set(parameterIndex, x.toInstant().atZone(zone).toOffsetDateTime());
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        if (x == null) {
            set(parameterIndex, null);
            return;
        }
        switch (targetSqlType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.CLOB ->
                set(parameterIndex, x instanceof BigDecimal b ? b.toPlainString() : x.toString());
            case Types.TIMESTAMP -> set(parameterIndex, x instanceof java.time.LocalDate d ? LocalDateTime.of(d, java.time.LocalTime.MIDNIGHT) : x);
            default -> setObject(parameterIndex, x);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (x instanceof byte[] bytes) {
            set(parameterIndex, bytes.clone());
        } else if (x instanceof Byte b) {
            set(parameterIndex, (short) b.byteValue());
        } else if (x instanceof Character c) {
            set(parameterIndex, c.toString());
        } else {
            set(parameterIndex, x);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (x instanceof BigDecimal b && (targetSqlType == Types.NUMERIC || targetSqlType == Types.DECIMAL)) {
            set(parameterIndex, b.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP));
            return;
        }
        setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        set(parameterIndex, x == null ? null : x.getArray());
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, x == null ? null : new String(readBytes(x, length), StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        set(parameterIndex, x == null ? null : new String(readBytes(x, length), StandardCharsets.UTF_16BE));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, x == null ? null : readBytes(x, length));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setBinaryStream(parameterIndex, x, -1L);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        set(parameterIndex, reader == null ? null : readChars(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value, -1L);
    }

    private static byte[] readBytes(InputStream in, long length) throws SQLException {
        try {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new SQLException("reading the parameter stream failed: " + e.getMessage(), "58030", e);
        }
    }

    private static String readChars(Reader reader, long length) throws SQLException {
        try {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (left > 0 && (n = reader.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                out.append(buffer, 0, n);
                left -= n;
            }
            return out.toString();
        } catch (IOException e) {
            throw new SQLException("reading the parameter stream failed: " + e.getMessage(), "58030", e);
        }
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw SqlErrors.unsupported("Ref parameters");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        set(parameterIndex, x == null ? null : x.getBytes(1, (int) x.length()));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        set(parameterIndex, x == null ? null : x.getSubString(1, (int) x.length()));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setClob(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        set(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw SqlErrors.unsupported("RowId parameters");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        set(parameterIndex, xmlObject == null ? null : xmlObject.getString());
    }
}
