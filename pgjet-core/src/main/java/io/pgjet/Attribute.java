package io.pgjet;

/**
 * A parameter or result column of a prepared statement: its name (empty for parameters) and its
 * PostgreSQL type.
 *
 * @param name the column name, or "" for a parameter
 * @param typeOid the type OID
 * @param typeName the type as {@code format_type} spells it, e.g. {@code integer} or {@code text[]}
 */
public record Attribute(String name, int typeOid, String typeName) {}
