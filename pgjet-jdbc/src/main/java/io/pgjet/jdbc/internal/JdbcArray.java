package io.pgjet.jdbc.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

/**
 * A {@link java.sql.Array}: the elements of a PostgreSQL array read from a result, or given to
 * {@code createArrayOf} to be bound as a parameter (PgJet encodes them with the element codec of
 * the type the server chose). Immutable once built.
 */
final class JdbcArray implements Array {
    private final String baseTypeName;
    private final int baseOid;
    private Object[] elements;

    JdbcArray(String baseTypeName, int baseOid, Object[] elements) {
        this.baseTypeName = baseTypeName;
        this.baseOid = baseOid;
        this.elements = elements;
    }

    private Object[] elements() throws SQLException {
        if (elements == null) {
            throw SqlErrors.of("the array was freed", SqlErrors.OBJECT_STATE);
        }
        return elements;
    }

    @Override
    public String getBaseTypeName() {
        return baseTypeName;
    }

    @Override
    public int getBaseType() {
        return PgTypes.sqlType(baseOid, baseTypeName);
    }

    @Override
    public Object getArray() throws SQLException {
        return elements().clone();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        Object[] all = elements();
        if (index < 1 || count < 0 || index - 1 + count > all.length) {
            throw SqlErrors.of("array slice out of range: " + index + ", " + count, SqlErrors.INVALID_PARAMETER);
        }
        return Arrays.copyOfRange(all, (int) index - 1, (int) index - 1 + count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw SqlErrors.unsupported("Array.getResultSet");
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        throw SqlErrors.unsupported("Array.getResultSet");
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        throw SqlErrors.unsupported("Array.getResultSet");
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        throw SqlErrors.unsupported("Array.getResultSet");
    }

    @Override
    public void free() {
        elements = null;
    }

    @Override
    public String toString() {
        return elements == null ? "freed array" : Arrays.deepToString(elements);
    }
}
