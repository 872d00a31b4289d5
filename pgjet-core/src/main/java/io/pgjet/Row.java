package io.pgjet;

/**
 * One row of a query result. Values are decoded only when asked for.
 *
 * <p>Values travel in PostgreSQL's binary format and are decoded to Java types as documented in
 * {@code docs/types.md} ({@code int4} → {@code Integer}, {@code timestamptz} →
 * {@code OffsetDateTime}, arrays → Java arrays, ...); a type PgJet has no codec for arrives as
 * text and is returned as a {@code String}. The primitive getters decode without boxing.
 *
 * <p>Rows are immutable and safe to share between threads once the query's future completed.
 * Column indexes start at 0. A getter on a column index that does not exist throws
 * {@link IndexOutOfBoundsException}; an unknown column name throws {@link PgInterfaceException};
 * a primitive getter on SQL NULL throws {@link PgInterfaceException} (use {@link #isNull} or
 * {@link #get}).
 */
public interface Row {

    /**
     * Returns the number of columns.
     *
     * @return the number of columns of the result, as in its RowDescription
     */
    int columnCount();

    /**
     * Returns the name of column {@code index} as the server reported it.
     *
     * @param index the column index, from 0
     * @return the column name (an alias if the query gave one; {@code ?column?} for an unnamed
     *     expression)
     */
    String columnName(int index);

    /**
     * Returns the index of the first column named {@code name}, or -1 when there is none.
     *
     * @param name the column name, compared exactly (case-sensitive)
     * @return the index of the first column with that name, or -1
     */
    int indexOf(String name);

    /**
     * Returns the PostgreSQL type OID of column {@code index}.
     *
     * @param index the column index, from 0
     * @return the type OID (e.g. 23 for {@code int4}); for a domain, the server reports its base
     *     type
     */
    int columnTypeOid(int index);

    /**
     * Returns whether the value of column {@code index} is SQL NULL.
     *
     * @param index the column index, from 0
     * @return true if the value is SQL NULL
     */
    boolean isNull(int index);

    /**
     * Returns the value of column {@code index} in PostgreSQL's text form, or null for SQL NULL.
     *
     * @param index the column index, from 0
     * @return the text form (as {@code ::text} would give it), or null for SQL NULL
     */
    String getString(int index);

    /**
     * Returns the value of the column named {@code name} in PostgreSQL's text form, or null.
     *
     * @param name the column name
     * @return the text form, or null for SQL NULL
     * @throws PgInterfaceException if no column has that name
     */
    default String getString(String name) {
        return getString(requireIndex(name));
    }

    /**
     * Returns a copy of the raw bytes the server sent for column {@code index} (for {@code bytea}
     * the value itself), or null for SQL NULL.
     *
     * @param index the column index, from 0
     * @return a fresh array the caller may keep and modify, or null for SQL NULL
     */
    byte[] getBytes(int index);

    /**
     * Returns the value of column {@code index} as its default Java type, or null for SQL NULL.
     *
     * @param index the column index, from 0
     * @return the decoded value (e.g. {@code Integer} for int4), or null for SQL NULL
     */
    Object get(int index);

    /**
     * Returns the value of column {@code index} converted to {@code type} (e.g. {@code Instant}
     * for a timestamptz, {@code BigDecimal} for an int8, {@code int[]} for an int4[]), or null.
     *
     * @param <T> the requested Java type
     * @param index the column index, from 0
     * @param type the class to decode to; docs/types.md lists what each PostgreSQL type can be read as
     * @return the value as {@code type}, or null for SQL NULL
     * @throws PgInterfaceException if the column's type cannot be read as {@code type}
     */
    <T> T get(int index, Class<T> type);

    /**
     * Returns the value of the column named {@code name}; see {@link #get(int)}.
     *
     * @param name the column name
     * @return the decoded value, or null for SQL NULL
     */
    default Object get(String name) {
        return get(requireIndex(name));
    }

    /**
     * Returns the value of the column named {@code name} as {@code type}; see
     *  {@link #get(int, Class)}.
     *
     * @param <T> the requested Java type
     * @param name the column name
     * @param type the class to decode to
     * @return the value as {@code type}, or null for SQL NULL
     */
    default <T> T get(String name, Class<T> type) {
        return get(requireIndex(name), type);
    }

    /**
     * Returns an integer column (int2, int4, int8 within range, oid...) without boxing.
     *
     * @param index the column index, from 0
     * @return the value; an int8 outside the int range throws {@link PgInterfaceException}
     */
    int getInt(int index);

    /**
     * Returns an integer column as a long without boxing.
     *
     * @param index the column index, from 0
     * @return the value as a long
     */
    long getLong(int index);

    /**
     * Returns a numeric column (float4, float8, integers) as a double without boxing.
     *
     * @param index the column index, from 0
     * @return the value as a double
     */
    double getDouble(int index);

    /**
     * Returns a boolean column without boxing.
     *
     * @param index the column index, from 0
     * @return the value
     */
    boolean getBoolean(int index);

    /**
     * Returns {@link #getInt(int)} of the column named {@code name}.
     *
     * @param name the column name
     * @return the value as an int
     */
    default int getInt(String name) {
        return getInt(requireIndex(name));
    }

    /**
     * Returns {@link #getLong(int)} of the column named {@code name}.
     *
     * @param name the column name
     * @return the value as a long
     */
    default long getLong(String name) {
        return getLong(requireIndex(name));
    }

    /**
     * Returns {@link #getDouble(int)} of the column named {@code name}.
     *
     * @param name the column name
     * @return the value as a double
     */
    default double getDouble(String name) {
        return getDouble(requireIndex(name));
    }

    /**
     * Returns {@link #getBoolean(int)} of the column named {@code name}.
     *
     * @param name the column name
     * @return the value
     */
    default boolean getBoolean(String name) {
        return getBoolean(requireIndex(name));
    }

    /**
     * Maps this row to a Java record whose component names match column names (case-insensitive;
     * {@code snake_case} columns also match {@code camelCase} components), converting each value
     * to the component's type.
     *
     * @param <R> the record type
     * @param recordType the record class; its canonical constructor is called with the converted
     *     values
     * @return a new record holding this row's values
     * @throws PgInterfaceException if a component has no matching column or a value cannot be converted
     */
    <R extends Record> R as(Class<R> recordType);

    /**
     * Returns the index of the column named {@code name}.
     *
     * @param name the column name, compared exactly
     * @return the index of the first column with that name
     * @throws PgInterfaceException if no column has that name
     */
    default int requireIndex(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new PgInterfaceException("no column named \"" + name + "\" in this row");
        }
        return index;
    }
}
