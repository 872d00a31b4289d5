package io.pgjet;

/**
 * One row of a query result. Values are decoded only when asked for.
 *
 * <p>Rows are immutable and safe to share between threads once the query's future completed.
 * Column indexes start at 0. A getter on a column index that does not exist throws
 * {@link IndexOutOfBoundsException}; an unknown column name throws {@link PgInterfaceException}.
 */
public interface Row {

    /** Returns the number of columns. */
    int columnCount();

    /** Returns the name of column {@code index} as the server reported it. */
    String columnName(int index);

    /** Returns the index of the first column named {@code name}, or -1 when there is none. */
    int indexOf(String name);

    /** Returns the PostgreSQL type OID of column {@code index}. */
    int columnTypeOid(int index);

    /** Returns whether the value of column {@code index} is SQL NULL. */
    boolean isNull(int index);

    /**
     * Returns the value of column {@code index} in PostgreSQL's text form, or null for SQL NULL.
     */
    String getString(int index);

    /**
     * Returns the value of the column named {@code name} in PostgreSQL's text form, or null.
     *
     * @throws PgInterfaceException if no column has that name
     */
    default String getString(String name) {
        return getString(requireIndex(name));
    }

    /**
     * Returns a copy of the raw bytes the server sent for column {@code index}, or null for SQL
     * NULL.
     */
    byte[] getBytes(int index);

    /**
     * Returns the index of the column named {@code name}.
     *
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
