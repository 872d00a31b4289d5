package io.pgjet.jdbc.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * A {@link CallableStatement} for PostgreSQL functions and procedures. {@code {call f(?, ?)}} and
 * {@code {? = call f(?)}} run as {@code select * from f(...) as result}: a {@code ?} argument
 * registered as OUT and not bound is left out of the call (PostgreSQL functions take only their IN
 * and INOUT arguments) and the columns of the one result row are the OUT values, in parameter
 * order, the return value first. A native {@code CALL p(...)} (or an escape, with
 * {@code escapeSyntaxCallMode=call} or {@code callIfNoReturn}) runs a procedure: every argument is
 * passed, an unbound OUT one as NULL, and the row PostgreSQL returns for INOUT/OUT arguments
 * (OUT ones from PostgreSQL 14) holds the OUT values. Parameters are addressed by index; by name
 * is not supported.
 */
public final class JdbcCallableStatement extends JdbcPreparedStatement implements CallableStatement {
    private final SqlText.Call call;
    private final boolean procedure;
    private final BitSet outs = new BitSet();
    private JdbcResultSet outputs;
    private int[] outColumn;

    JdbcCallableStatement(JdbcConnection connection, String sql) {
        super(connection, sql, null);
        this.call = text().call();
        String mode = connection.jdbcConfig().escapeCallMode();
        this.procedure = call != null && (call.nativeCall() || mode.equals("call")
                || (mode.equals("callIfNoReturn") && !call.returnsValue()));
    }

    @Override
    boolean mayStream() {
        return false;
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        outputs = null;
        outColumn = null;
        SqlText runText = text();
        ParameterValues runValues = values();
        if (call != null) {
            List<Integer> bound = new ArrayList<>();
            runText = SqlText.parse(callSql(bound), false);
            runValues = new ParameterValues();
            for (int k = 0; k < bound.size(); k++) {
                int index = bound.get(k);
                runValues.set(k + 1, values().isSet(index) || !outs.get(index) ? boundValue(index) : null);
            }
        }
        boolean hasRows = run(runText, runValues, null);
        if (outs.isEmpty() && (call == null || !call.returnsValue())) {
            return hasRows;
        }
        JdbcResultSet row = hasRows ? takeResultSet() : null;
        if (row == null || !row.next()) {
            throw SqlErrors.of("the call returned no row to read its OUT parameters from", "02000");
        }
        mapOutputs(row);
        return false;
    }

    /** The value bound at {@code index}; fails (07001) when none is. */
    private Object boundValue(int index) throws SQLException {
        if (!values().isSet(index)) {
            throw SqlErrors.of("no value specified for parameter " + index, "07001");
        }
        return values().get(index);
    }

    /**
     * Returns the JDBC text of the call as it runs, adding to {@code bound} the JDBC index of each
     * {@code ?} it keeps, in order.
     */
    private String callSql(List<Integer> bound) throws SQLException {
        int next = call.returnsValue() ? 2 : 1;
        List<String> args = new ArrayList<>();
        for (String arg : call.args()) {
            if (arg.equals("?")) {
                int index = next++;
                if (!procedure && outs.get(index) && !values().isSet(index)) {
                    continue;
                }
                bound.add(index);
                args.add("?");
            } else {
                int placeholders = SqlText.parse(arg).placeholders();
                for (int k = 0; k < placeholders; k++) {
                    bound.add(next++);
                }
                args.add(arg);
            }
        }
        String list = call.name() + "(" + String.join(", ", args) + ")";
        return procedure ? "CALL " + list : "select * from " + list + " as result";
    }

    /** Maps each OUT parameter (the return value first) to a column of {@code row}, in order. */
    private void mapOutputs(JdbcResultSet row) throws SQLException {
        int columns = row.getMetaData().getColumnCount();
        int highest = Math.max(outs.length() - 1, call != null && call.returnsValue() ? 1 : 0);
        outColumn = new int[highest + 1];
        int column = 0;
        for (int index = 1; index <= highest; index++) {
            if (outs.get(index) || (index == 1 && call != null && call.returnsValue())) {
                if (++column > columns) {
                    throw SqlErrors.of(
                            "the call returned " + columns + " columns, fewer than its OUT parameters", "07009");
                }
                outColumn[index] = column;
            }
        }
        outputs = row;
    }

    private int column(int parameterIndex) throws SQLException {
        checkOpen();
        if (outputs == null) {
            throw SqlErrors.of("no OUT values: execute the call first", SqlErrors.INVALID_PARAMETER);
        }
        if (parameterIndex < 1 || parameterIndex >= outColumn.length || outColumn[parameterIndex] == 0) {
            throw SqlErrors.of("parameter " + parameterIndex + " is not a registered OUT parameter",
                    SqlErrors.INVALID_PARAMETER);
        }
        return outColumn[parameterIndex];
    }

    private static SQLException named() {
        return SqlErrors.unsupported("CallableStatement parameters by name (use indexes)");
    }

    // ---- registration ------------------------------------------------------------------------

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        checkOpen();
        if (parameterIndex < 1) {
            throw SqlErrors.of("parameter index out of range: " + parameterIndex, SqlErrors.INVALID_PARAMETER);
        }
        outs.set(parameterIndex);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
        registerOutParameter(parameterIndex, sqlType.getVendorTypeNumber() == null ? 0 : sqlType.getVendorTypeNumber());
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    // ---- OUT values by index -----------------------------------------------------------------

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        if (outputs == null) {
            throw SqlErrors.of("no OUT value has been read", SqlErrors.INVALID_PARAMETER);
        }
        return outputs.wasNull();
    }

    @Override
    public String getString(int parameterIndex) throws SQLException {
        return outputs().getString(column(parameterIndex));
    }

    @Override
    public String getNString(int parameterIndex) throws SQLException {
        return outputs().getString(column(parameterIndex));
    }

    @Override
    public boolean getBoolean(int parameterIndex) throws SQLException {
        return outputs().getBoolean(column(parameterIndex));
    }

    @Override
    public byte getByte(int parameterIndex) throws SQLException {
        return outputs().getByte(column(parameterIndex));
    }

    @Override
    public short getShort(int parameterIndex) throws SQLException {
        return outputs().getShort(column(parameterIndex));
    }

    @Override
    public int getInt(int parameterIndex) throws SQLException {
        return outputs().getInt(column(parameterIndex));
    }

    @Override
    public long getLong(int parameterIndex) throws SQLException {
        return outputs().getLong(column(parameterIndex));
    }

    @Override
    public float getFloat(int parameterIndex) throws SQLException {
        return outputs().getFloat(column(parameterIndex));
    }

    @Override
    public double getDouble(int parameterIndex) throws SQLException {
        return outputs().getDouble(column(parameterIndex));
    }

    @Override
    public byte[] getBytes(int parameterIndex) throws SQLException {
        return outputs().getBytes(column(parameterIndex));
    }

    @Override
    public Date getDate(int parameterIndex) throws SQLException {
        return outputs().getDate(column(parameterIndex));
    }

    @Override
    public Time getTime(int parameterIndex) throws SQLException {
        return outputs().getTime(column(parameterIndex));
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex) throws SQLException {
        return outputs().getTimestamp(column(parameterIndex));
    }

    @Override
    public Object getObject(int parameterIndex) throws SQLException {
        return outputs().getObject(column(parameterIndex));
    }

    @Override
    public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        return outputs().getBigDecimal(column(parameterIndex));
    }

    @Override
    public Ref getRef(int parameterIndex) throws SQLException {
        return outputs().getRef(column(parameterIndex));
    }

    @Override
    public Blob getBlob(int parameterIndex) throws SQLException {
        return outputs().getBlob(column(parameterIndex));
    }

    @Override
    public Clob getClob(int parameterIndex) throws SQLException {
        return outputs().getClob(column(parameterIndex));
    }

    @Override
    public NClob getNClob(int parameterIndex) throws SQLException {
        return outputs().getNClob(column(parameterIndex));
    }

    @Override
    public Array getArray(int parameterIndex) throws SQLException {
        return outputs().getArray(column(parameterIndex));
    }

    @Override
    public URL getURL(int parameterIndex) throws SQLException {
        return outputs().getURL(column(parameterIndex));
    }

    @Override
    public RowId getRowId(int parameterIndex) throws SQLException {
        return outputs().getRowId(column(parameterIndex));
    }

    @Override
    public SQLXML getSQLXML(int parameterIndex) throws SQLException {
        return outputs().getSQLXML(column(parameterIndex));
    }

    @Override
    public Reader getCharacterStream(int parameterIndex) throws SQLException {
        return outputs().getCharacterStream(column(parameterIndex));
    }

    @Override
    public Reader getNCharacterStream(int parameterIndex) throws SQLException {
        return outputs().getNCharacterStream(column(parameterIndex));
    }

    @Override
    public BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
        return outputs().getBigDecimal(column(parameterIndex), scale);
    }

    @Override
    public Date getDate(int parameterIndex, Calendar cal) throws SQLException {
        return outputs().getDate(column(parameterIndex), cal);
    }

    @Override
    public Time getTime(int parameterIndex, Calendar cal) throws SQLException {
        return outputs().getTime(column(parameterIndex), cal);
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
        return outputs().getTimestamp(column(parameterIndex), cal);
    }

    @Override
    public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
        return outputs().getObject(column(parameterIndex), map);
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        return outputs().getObject(column(parameterIndex), type);
    }

    private ResultSet outputs() {
        return outputs;
    }

    // ---- by name: not supported ---------------------------------------------------------------

    @Override
    public void registerOutParameter(String a0, int a1) throws SQLException {
        throw named();
    }

    @Override
    public void registerOutParameter(String a0, int a1, int a2) throws SQLException {
        throw named();
    }

    @Override
    public void registerOutParameter(String a0, int a1, String a2) throws SQLException {
        throw named();
    }

    @Override
    public void setURL(String a0, URL a1) throws SQLException {
        throw named();
    }

    @Override
    public void setNull(String a0, int a1) throws SQLException {
        throw named();
    }

    @Override
    public void setBoolean(String a0, boolean a1) throws SQLException {
        throw named();
    }

    @Override
    public void setByte(String a0, byte a1) throws SQLException {
        throw named();
    }

    @Override
    public void setShort(String a0, short a1) throws SQLException {
        throw named();
    }

    @Override
    public void setInt(String a0, int a1) throws SQLException {
        throw named();
    }

    @Override
    public void setLong(String a0, long a1) throws SQLException {
        throw named();
    }

    @Override
    public void setFloat(String a0, float a1) throws SQLException {
        throw named();
    }

    @Override
    public void setDouble(String a0, double a1) throws SQLException {
        throw named();
    }

    @Override
    public void setBigDecimal(String a0, BigDecimal a1) throws SQLException {
        throw named();
    }

    @Override
    public void setString(String a0, String a1) throws SQLException {
        throw named();
    }

    @Override
    public void setBytes(String a0, byte[] a1) throws SQLException {
        throw named();
    }

    @Override
    public void setDate(String a0, Date a1) throws SQLException {
        throw named();
    }

    @Override
    public void setTime(String a0, Time a1) throws SQLException {
        throw named();
    }

    @Override
    public void setTimestamp(String a0, Timestamp a1) throws SQLException {
        throw named();
    }

    @Override
    public void setAsciiStream(String a0, InputStream a1, int a2) throws SQLException {
        throw named();
    }

    @Override
    public void setBinaryStream(String a0, InputStream a1, int a2) throws SQLException {
        throw named();
    }

    @Override
    public void setObject(String a0, java.lang.Object a1, int a2, int a3) throws SQLException {
        throw named();
    }

    @Override
    public void setObject(String a0, java.lang.Object a1, int a2) throws SQLException {
        throw named();
    }

    @Override
    public void setObject(String a0, java.lang.Object a1) throws SQLException {
        throw named();
    }

    @Override
    public void setCharacterStream(String a0, Reader a1, int a2) throws SQLException {
        throw named();
    }

    @Override
    public void setDate(String a0, Date a1, Calendar a2) throws SQLException {
        throw named();
    }

    @Override
    public void setTime(String a0, Time a1, Calendar a2) throws SQLException {
        throw named();
    }

    @Override
    public void setTimestamp(String a0, Timestamp a1, Calendar a2) throws SQLException {
        throw named();
    }

    @Override
    public void setNull(String a0, int a1, String a2) throws SQLException {
        throw named();
    }

    @Override
    public String getString(String a0) throws SQLException {
        throw named();
    }

    @Override
    public boolean getBoolean(String a0) throws SQLException {
        throw named();
    }

    @Override
    public byte getByte(String a0) throws SQLException {
        throw named();
    }

    @Override
    public short getShort(String a0) throws SQLException {
        throw named();
    }

    @Override
    public int getInt(String a0) throws SQLException {
        throw named();
    }

    @Override
    public long getLong(String a0) throws SQLException {
        throw named();
    }

    @Override
    public float getFloat(String a0) throws SQLException {
        throw named();
    }

    @Override
    public double getDouble(String a0) throws SQLException {
        throw named();
    }

    @Override
    public byte[] getBytes(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Date getDate(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Time getTime(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Timestamp getTimestamp(String a0) throws SQLException {
        throw named();
    }

    @Override
    public java.lang.Object getObject(String a0) throws SQLException {
        throw named();
    }

    @Override
    public BigDecimal getBigDecimal(String a0) throws SQLException {
        throw named();
    }

    @Override
    public java.lang.Object getObject(String a0, Map<String, java.lang.Class<?>> a1) throws SQLException {
        throw named();
    }

    @Override
    public Ref getRef(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Blob getBlob(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Clob getClob(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Array getArray(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Date getDate(String a0, Calendar a1) throws SQLException {
        throw named();
    }

    @Override
    public Time getTime(String a0, Calendar a1) throws SQLException {
        throw named();
    }

    @Override
    public Timestamp getTimestamp(String a0, Calendar a1) throws SQLException {
        throw named();
    }

    @Override
    public URL getURL(String a0) throws SQLException {
        throw named();
    }

    @Override
    public RowId getRowId(String a0) throws SQLException {
        throw named();
    }

    @Override
    public void setRowId(String a0, RowId a1) throws SQLException {
        throw named();
    }

    @Override
    public void setNString(String a0, String a1) throws SQLException {
        throw named();
    }

    @Override
    public void setNCharacterStream(String a0, Reader a1, long a2) throws SQLException {
        throw named();
    }

    @Override
    public void setNClob(String a0, NClob a1) throws SQLException {
        throw named();
    }

    @Override
    public void setClob(String a0, Reader a1, long a2) throws SQLException {
        throw named();
    }

    @Override
    public void setBlob(String a0, InputStream a1, long a2) throws SQLException {
        throw named();
    }

    @Override
    public void setNClob(String a0, Reader a1, long a2) throws SQLException {
        throw named();
    }

    @Override
    public NClob getNClob(String a0) throws SQLException {
        throw named();
    }

    @Override
    public void setSQLXML(String a0, SQLXML a1) throws SQLException {
        throw named();
    }

    @Override
    public SQLXML getSQLXML(String a0) throws SQLException {
        throw named();
    }

    @Override
    public String getNString(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Reader getNCharacterStream(String a0) throws SQLException {
        throw named();
    }

    @Override
    public Reader getCharacterStream(String a0) throws SQLException {
        throw named();
    }

    @Override
    public void setBlob(String a0, Blob a1) throws SQLException {
        throw named();
    }

    @Override
    public void setClob(String a0, Clob a1) throws SQLException {
        throw named();
    }

    @Override
    public void setAsciiStream(String a0, InputStream a1, long a2) throws SQLException {
        throw named();
    }

    @Override
    public void setBinaryStream(String a0, InputStream a1, long a2) throws SQLException {
        throw named();
    }

    @Override
    public void setCharacterStream(String a0, Reader a1, long a2) throws SQLException {
        throw named();
    }

    @Override
    public void setAsciiStream(String a0, InputStream a1) throws SQLException {
        throw named();
    }

    @Override
    public void setBinaryStream(String a0, InputStream a1) throws SQLException {
        throw named();
    }

    @Override
    public void setCharacterStream(String a0, Reader a1) throws SQLException {
        throw named();
    }

    @Override
    public void setNCharacterStream(String a0, Reader a1) throws SQLException {
        throw named();
    }

    @Override
    public void setClob(String a0, Reader a1) throws SQLException {
        throw named();
    }

    @Override
    public void setBlob(String a0, InputStream a1) throws SQLException {
        throw named();
    }

    @Override
    public void setNClob(String a0, Reader a1) throws SQLException {
        throw named();
    }

    @Override
    public <T> T getObject(String a0, java.lang.Class<T> a1) throws SQLException {
        throw named();
    }
}
