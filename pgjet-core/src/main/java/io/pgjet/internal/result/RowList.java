package io.pgjet.internal.result;

import io.pgjet.Row;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The rows of a result as an unmodifiable {@code List<Row>} over a {@link RowBuffer}: each
 * {@link #get} returns a light view; no per-row objects are kept.
 */
public final class RowList extends AbstractList<Row> implements RandomAccess {
    private final RowBuffer buffer;

    /** Wraps a filled buffer. */
    public RowList(RowBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public Row get(int index) {
        if (index < 0 || index >= buffer.rowCount()) {
            throw new IndexOutOfBoundsException("row " + index + " of " + buffer.rowCount());
        }
        return new BufferedRow(buffer, index);
    }

    @Override
    public int size() {
        return buffer.rowCount();
    }
}
