package io.pgjet.protocol;

/**
 * Describes the columns of a result, as sent in a RowDescription message. Immutable and
 * thread-safe; per-column values are read through index-based getters so no array escapes.
 */
public final class RowDescription {

    private final String[] names;
    private final int[] tableOids;
    private final short[] columnAttributes;
    private final int[] typeOids;
    private final short[] typeSizes;
    private final int[] typeModifiers;
    private final short[] formats;

    private RowDescription(String[] names, int[] tableOids, short[] columnAttributes, int[] typeOids,
            short[] typeSizes, int[] typeModifiers, short[] formats) {
        this.names = names;
        this.tableOids = tableOids;
        this.columnAttributes = columnAttributes;
        this.typeOids = typeOids;
        this.typeSizes = typeSizes;
        this.typeModifiers = typeModifiers;
        this.formats = formats;
    }

    /**
     * Creates a description from per-column arrays, all of the same length.
     *
     * @param names column names
     * @param tableOids source table OIDs (0 if not a table column)
     * @param columnAttributes source column attribute numbers (0 if not a table column)
     * @param typeOids data type OIDs
     * @param typeSizes data type sizes ({@code pg_type.typlen}; negative for variable width)
     * @param typeModifiers type modifiers ({@code pg_attribute.atttypmod})
     * @param formats format codes (0 text, 1 binary)
     * @return the description, holding copies of the arrays
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws NullPointerException if an array or a name is null
     */
    public static RowDescription of(String[] names, int[] tableOids, short[] columnAttributes, int[] typeOids,
            short[] typeSizes, int[] typeModifiers, short[] formats) {
        int n = names.length;
        if (tableOids.length != n || columnAttributes.length != n || typeOids.length != n || typeSizes.length != n
                || typeModifiers.length != n || formats.length != n) {
            throw new IllegalArgumentException("all column arrays must have length " + n);
        }
        for (String name : names) {
            java.util.Objects.requireNonNull(name, "column name");
        }
        return new RowDescription(names.clone(), tableOids.clone(), columnAttributes.clone(), typeOids.clone(),
                typeSizes.clone(), typeModifiers.clone(), formats.clone());
    }

    /** Wraps unshared arrays built by the decoder, without copying. */
    static RowDescription wrap(String[] names, int[] tableOids, short[] columnAttributes, int[] typeOids,
            short[] typeSizes, int[] typeModifiers, short[] formats) {
        return new RowDescription(names, tableOids, columnAttributes, typeOids, typeSizes, typeModifiers, formats);
    }

    /**
     * Returns the number of columns.
     *
     * @return the column count, possibly 0
     */
    public int columnCount() {
        return names.length;
    }

    /**
     * Returns a column's name.
     *
     * @param index zero-based column index
     * @return the column name (possibly {@code "?column?"} for expressions)
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public String name(int index) {
        return names[index];
    }

    /**
     * Returns the OID of the table a column comes from.
     *
     * @param index zero-based column index
     * @return the table OID, or 0 if the column is not a simple table column
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public int tableOid(int index) {
        return tableOids[index];
    }

    /**
     * Returns the attribute number of a column within its table.
     *
     * @param index zero-based column index
     * @return the attribute number, or 0 if the column is not a simple table column
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public int columnAttribute(int index) {
        return columnAttributes[index];
    }

    /**
     * Returns the OID of a column's data type.
     *
     * @param index zero-based column index
     * @return the type OID
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public int typeOid(int index) {
        return typeOids[index];
    }

    /**
     * Returns the size of a column's data type.
     *
     * @param index zero-based column index
     * @return {@code pg_type.typlen}: a positive fixed size, or -1/-2 for variable-width types
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public int typeSize(int index) {
        return typeSizes[index];
    }

    /**
     * Returns a column's type modifier.
     *
     * @param index zero-based column index
     * @return the type-specific modifier, -1 if none
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public int typeModifier(int index) {
        return typeModifiers[index];
    }

    /**
     * Returns a column's format code. In a Describe of a statement this is always 0, because the
     * result formats are not known until Bind.
     *
     * @param index zero-based column index
     * @return 0 for text, 1 for binary
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public int format(int index) {
        return formats[index];
    }

    /**
     * Finds the first column with the given name, compared case-sensitively.
     *
     * @param name the column name
     * @return the zero-based index of the first match, or -1 if there is none
     */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Lists the column names and type OIDs for diagnostics. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RowDescription[");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append(':').append(typeOids[i]);
        }
        return sb.append(']').toString();
    }
}
