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
final class JdbcResultSetMetaData extends AttributeMetaData implements ResultSetMetaData {
    private final ColumnCatalog catalog;

    JdbcResultSetMetaData(List<Attribute> columns, ColumnCatalog catalog) {
        super(columns, "column");
        this.catalog = catalog;
    }

    private ColumnCatalog.Column source(int column) throws SQLException {
        Attribute a = attribute(column);
        return catalog == null ? null : catalog.column(a.tableOid(), a.columnNumber(), attributes());
    }

    @Override
    public int getColumnCount() {
        return attributes().size();
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
        attribute(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return attribute(column).typeOid() == 790;
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
        return signed(column);
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        Attribute c = attribute(column);
        return TypeSizes.displaySize(c.typeOid(), c.typeModifier());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return attribute(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return attribute(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        ColumnCatalog.Column source = source(column);
        return source == null ? "" : source.schema();
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        Attribute c = attribute(column);
        return TypeSizes.precision(c.typeOid(), c.typeModifier());
    }

    @Override
    public int getScale(int column) throws SQLException {
        Attribute c = attribute(column);
        return TypeSizes.scale(c.typeOid(), c.typeModifier());
    }

    @Override
    public String getTableName(int column) throws SQLException {
        ColumnCatalog.Column source = source(column);
        return source == null ? "" : source.table();
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        attribute(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return sqlType(column);
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return typeName(column);
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        attribute(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        attribute(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        attribute(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return className(column);
    }
}
