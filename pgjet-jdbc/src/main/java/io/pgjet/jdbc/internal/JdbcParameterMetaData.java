package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** The parameter types the server inferred for a prepared statement. Immutable. */
final class JdbcParameterMetaData extends AttributeMetaData implements ParameterMetaData {

    JdbcParameterMetaData(List<Attribute> parameters) {
        super(parameters, "parameter");
    }

    @Override
    public int getParameterCount() {
        return attributes().size();
    }

    @Override
    public int isNullable(int param) throws SQLException {
        attribute(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return signed(param);
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        attribute(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        attribute(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return sqlType(param);
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return typeName(param);
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return className(param);
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        attribute(param);
        return parameterModeIn;
    }
}
