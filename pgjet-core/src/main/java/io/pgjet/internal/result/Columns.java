package io.pgjet.internal.result;

import io.pgjet.protocol.RowDescription;

/**
 * The column layout shared by every row of one result: names, type OIDs and formats, taken once
 * from the RowDescription so rows carry only their bytes.
 */
public final class Columns {
    private final RowDescription description;

    /** Wraps a RowDescription. */
    public Columns(RowDescription description) {
        this.description = description;
    }

    /** Returns the number of columns. */
    public int count() {
        return description.columnCount();
    }

    /** Returns the name of column {@code index}. */
    public String name(int index) {
        return description.name(index);
    }

    /** Returns the type OID of column {@code index}. */
    public int typeOid(int index) {
        return description.typeOid(index);
    }

    /** Returns the format code of column {@code index} (0 text, 1 binary). */
    public int format(int index) {
        return description.format(index);
    }

    /** Returns the first column named {@code name}, or -1. */
    public int indexOf(String name) {
        return description.indexOf(name);
    }

    /** Returns the underlying RowDescription. */
    public RowDescription description() {
        return description;
    }
}
