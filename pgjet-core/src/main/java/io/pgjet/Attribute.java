package io.pgjet;

/**
 * A parameter or result column of a prepared statement: its name (empty for parameters), its
 * PostgreSQL type and, for a result column read straight from a table, where it comes from (what
 * the server's RowDescription says; JDBC drivers and tools look up nullability and precision
 * with it).
 *
 * @param name the column name, or "" for a parameter
 * @param typeOid the type OID
 * @param typeName the type as {@code format_type} spells it, e.g. {@code integer} or {@code text[]}
 * @param tableOid the OID of the table the column comes from, or 0 when it is not a plain table column
 * @param columnNumber the column's attribute number in that table ({@code pg_attribute.attnum}), or 0
 * @param typeModifier the type modifier ({@code pg_attribute.atttypmod}: length, precision...), or -1 for none
 */
public record Attribute(String name, int typeOid, String typeName, int tableOid, int columnNumber, int typeModifier) {

    /**
     * Returns an attribute that comes from no table and has no type modifier (a parameter or a
     * computed column).
     *
     * @param name the column name, or "" for a parameter
     * @param typeOid the type OID
     * @param typeName the type as {@code format_type} spells it
     */
    public Attribute(String name, int typeOid, String typeName) {
        this(name, typeOid, typeName, 0, 0, -1);
    }
}
