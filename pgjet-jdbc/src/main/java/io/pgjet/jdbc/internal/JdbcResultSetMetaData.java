package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The columns of a result: names and types as the server described them; precision and scale from
 * the type modifier; nullability, table and schema names and auto-increment from the connection's
 * {@link ColumnCatalog} (looked up on first use, for columns read straight from a table; computed
 * columns report "unknown" and empty names, as pgjdbc does). Immutable.
 */
final class JdbcResultSetMetaData implements ResultSetMetaData {
    private final List<Attribute> columns;
    private final ColumnCatalog catalog;

    JdbcResultSetMetaData(List<Attribute> columns, ColumnCatalog catalog) {
        this.columns = columns;
        this.catalog = catalog;
    }

    private ColumnCatalog.Column source(int column) throws SQLException {
        Attribute a = column(column);
        return catalog == null ? null : catalog.column(a.tableOid(), a.columnNumber(), columns);
    }

    private Attribute column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw SqlErrors.of("column index out of range: " + column, SqlErrors.INVALID_PARAMETER);
        }
        return columns.get(column - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        ColumnCatalog.Column source = source(column);
        return source != null && source.autoIncrement();
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        int type = getColumnType(column);
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.OTHER;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return column(column).typeOid() == 790;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        ColumnCatalog.Column source = source(column);
        if (source == null) {
            return columnNullableUnknown;
        }
        return source.notNull() ? columnNoNulls : columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return PgTypes.isSigned(column(column).typeOid());
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        Attribute c = column(column);
        return TypeSizes.displaySize(c.typeOid(), c.typeModifier());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        ColumnCatalog.Column source = source(column);
        return source == null ? "" : source.schema();
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        Attribute c = column(column);
        return TypeSizes.precision(c.typeOid(), c.typeModifier());
    }

    @Override
    public int getScale(int column) throws SQLException {
        Attribute c = column(column);
        return TypeSizes.scale(c.typeOid(), c.typeModifier());
    }

    @Override
    public String getTableName(int column) throws SQLException {
        ColumnCatalog.Column source = source(column);
        return source == null ? "" : source.table();
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        Attribute c = column(column);
        return PgTypes.sqlType(c.typeOid(), c.typeName());
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        Attribute c = column(column);
        return PgTypes.name(c.typeOid(), c.typeName());
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        Attribute c = column(column);
        return PgTypes.className(c.typeOid(), c.typeName());
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
