package io.pgjet.replication;

/**
 * One row image in a change (the new row of an insert or update, the old key or old row of an
 * update or delete), with its relation's column names and type OIDs.
 *
 * <p>{@code pgoutput} sends values in text format. {@link #value(int)} converts the text of the
 * built-in types {@code bool}, {@code int2}, {@code int4}, {@code int8}, {@code oid},
 * {@code float4}, {@code float8}, {@code numeric}, {@code uuid}, {@code date},
 * {@code timestamp}, {@code timestamptz}, {@code bytea} and the text types
 * ({@code text}, {@code varchar}, {@code bpchar}, {@code name}, {@code json}, {@code jsonb})
 * to {@code Boolean}, {@code Short}, {@code Integer}, {@code Long}, {@code Long}, {@code Float},
 * {@code Double}, {@code BigDecimal}, {@code UUID}, {@code LocalDate}, {@code LocalDateTime},
 * {@code OffsetDateTime}, {@code byte[]} and {@code String}; any other type is returned as its
 * text. Immutable; safe to keep after the message was delivered.
 */
public interface Tuple {
    /** {@return the number of columns} */
    int size();

    /**
     * Returns the relation this row belongs to.
     *
     * @return the relation, as its last Relation message described it
     */
    ReplicationMessage.Relation relation();

    /**
     * Returns a column's name.
     *
     * @param index 0-based column index
     * @return the name
     */
    String name(int index);

    /**
     * Returns a column's type OID.
     *
     * @param index 0-based column index
     * @return the OID
     */
    int typeOid(int index);

    /**
     * Returns the index of the column named {@code name}.
     *
     * @param name a column name
     * @return the 0-based index
     * @throws IllegalArgumentException when there is no such column
     */
    int indexOf(String name);

    /**
     * Returns whether a column is SQL NULL.
     *
     * @param index 0-based column index
     * @return true for NULL
     */
    boolean isNull(int index);

    /**
     * Returns whether a column is an unchanged TOASTed value that the server did not send (an
     * update that did not touch a large column); {@link #text(int)} is then null.
     *
     * @param index 0-based column index
     * @return true when the value was not sent
     */
    boolean isUnchangedToast(int index);

    /**
     * Returns a column's value as the server's text, or null for NULL or an unchanged TOASTed value.
     *
     * @param index 0-based column index
     * @return the text
     */
    String text(int index);

    /**
     * Returns a column's text by name.
     *
     * @param name a column name
     * @return the text, or null
     */
    default String text(String name) {
        return text(indexOf(name));
    }

    /**
     * Returns a column's value converted from text as the type list above says.
     *
     * @param index 0-based column index
     * @return the value, or null for NULL or an unchanged TOASTed value
     */
    Object value(int index);

    /**
     * Returns a column's converted value by name.
     *
     * @param name a column name
     * @return the value, or null
     */
    default Object value(String name) {
        return value(indexOf(name));
    }
}
