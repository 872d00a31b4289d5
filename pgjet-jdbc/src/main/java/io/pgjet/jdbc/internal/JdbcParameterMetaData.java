package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** The parameter types the server inferred for a prepared statement. Immutable. */
final class JdbcParameterMetaData implements ParameterMetaData {
    private final List<Attribute> parameters;

    JdbcParameterMetaData(List<Attribute> parameters) {
        this.parameters = parameters;
    }

    private Attribute parameter(int param) throws SQLException {
        if (param < 1 || param > parameters.size()) {
            throw SqlErrors.of("parameter index out of range: " + param, SqlErrors.INVALID_PARAMETER);
        }
        return parameters.get(param - 1);
    }

    @Override
    public int getParameterCount() {
        return parameters.size();
    }

    @Override
    public int isNullable(int param) throws SQLException {
        parameter(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return PgTypes.isSigned(parameter(param).typeOid());
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        parameter(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        parameter(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        Attribute p = parameter(param);
        return PgTypes.sqlType(p.typeOid(), p.typeName());
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        Attribute p = parameter(param);
        return PgTypes.name(p.typeOid(), p.typeName());
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        Attribute p = parameter(param);
        return PgTypes.className(p.typeOid(), p.typeName());
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        parameter(param);
        return parameterModeIn;
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
