package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.List;

/**
 * What {@link JdbcResultSetMetaData} and {@link JdbcParameterMetaData} share: the attributes the
 * server described (columns or parameters), addressed by 1-based index, with the JDBC type, type
 * name, Java class name and signedness of each. Immutable.
 */
abstract class AttributeMetaData implements Wrapper {
    private final List<Attribute> attributes;
    private final String kind;

    /**
     * Creates metadata over {@code attributes}.
     *
     * @param attributes the described columns or parameters, in order
     * @param kind what an index addresses ("column" or "parameter"), for the out-of-range message
     */
    AttributeMetaData(List<Attribute> attributes, String kind) {
        this.attributes = attributes;
        this.kind = kind;
    }

    /** {@return every attribute, in order} */
    final List<Attribute> attributes() {
        return attributes;
    }

    /**
     * Returns the attribute at 1-based {@code index}.
     *
     * @param index the 1-based index
     * @return the attribute
     * @throws SQLException (22023) when there is no attribute at {@code index}
     */
    final Attribute attribute(int index) throws SQLException {
        if (index < 1 || index > attributes.size()) {
            throw SqlErrors.of(kind + " index out of range: " + index, SqlErrors.INVALID_PARAMETER);
        }
        return attributes.get(index - 1);
    }

    /** {@return the {@link java.sql.Types} code of the attribute at 1-based {@code index}} */
    final int sqlType(int index) throws SQLException {
        Attribute a = attribute(index);
        return PgTypes.sqlType(a.typeOid(), a.typeName());
    }

    /** {@return the PostgreSQL type name of the attribute at 1-based {@code index}} */
    final String typeName(int index) throws SQLException {
        Attribute a = attribute(index);
        return PgTypes.name(a.typeOid(), a.typeName());
    }

    /** {@return the name of the Java class {@code getObject} returns for the attribute at 1-based {@code index}} */
    final String className(int index) throws SQLException {
        Attribute a = attribute(index);
        return PgTypes.className(a.typeOid(), a.typeName());
    }

    /** {@return whether the attribute at 1-based {@code index} is of a signed numeric type} */
    final boolean signed(int index) throws SQLException {
        return PgTypes.isSigned(attribute(index).typeOid());
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        return SqlErrors.unwrapSelf(this, iface);
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
