package io.pgjet.r2dbc.internal;

import io.pgjet.Row;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.RowMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The columns of a result, shared by all its rows. Names are matched as R2DBC asks: exactly
 * first, then ignoring case; with duplicate names the first column wins.
 */
final class PgRowMetadata implements RowMetadata {
    private final List<ColumnMetadata> columns;

    private PgRowMetadata(List<ColumnMetadata> columns) {
        this.columns = columns;
    }

    /** Returns the metadata of {@code row}'s columns. */
    static PgRowMetadata of(Row row) {
        List<ColumnMetadata> columns = new ArrayList<>(row.columnCount());
        for (int i = 0; i < row.columnCount(); i++) {
            columns.add(new PgColumnMetadata(row.columnName(i), row.columnTypeOid(i)));
        }
        return new PgRowMetadata(Collections.unmodifiableList(columns));
    }

    /** Returns whether this metadata describes {@code row}'s shape (same column count). */
    boolean fits(Row row) {
        return row.columnCount() == columns.size();
    }

    @Override
    public ColumnMetadata getColumnMetadata(int index) {
        if (index < 0 || index >= columns.size()) {
            throw new IndexOutOfBoundsException("column index " + index + " out of range (0.." + (columns.size() - 1) + ")");
        }
        return columns.get(index);
    }

    @Override
    public ColumnMetadata getColumnMetadata(String name) {
        return columns.get(requireIndex(name));
    }

    @Override
    public List<? extends ColumnMetadata> getColumnMetadatas() {
        return columns;
    }

    @Override
    public boolean contains(String columnName) {
        return indexOf(columnName) >= 0;
    }

    /** Returns the index of the column named {@code name}, or -1. */
    int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("column name must not be null");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the index of the column named {@code name}, or throws NoSuchElementException. */
    int requireIndex(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new NoSuchElementException("no column named \"" + name + "\"; columns: " + columns);
        }
        return index;
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
