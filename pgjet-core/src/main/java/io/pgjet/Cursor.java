package io.pgjet;

import java.util.List;

/**
 * The blocking facade of {@link AsyncCursor}, for try-with-resources.
 */
public interface Cursor extends AutoCloseable {

    /**
     * Returns the next up to {@code n} rows; see {@link AsyncCursor#fetch}.
     *
     * @param n the most rows to return
     * @return the rows, in cursor order; empty at the end
     */
    List<Row> fetch(int n);

    /**
     * Returns the next row, or null at the end.
     *
     * @return the next row, or null at the end
     */
    Row fetchRow();

    /**
     * Skips up to {@code n} rows; returns how many were skipped.
     *
     * @param n the most rows to skip
     * @return the number of rows skipped, less than {@code n} at the end
     */
    long forward(long n);

    /**
     * Returns the up to {@code n} previous rows, nearest first (scrollable only).
     *
     * @param n the most rows to return
     * @return the rows before the current position, nearest first
     */
    List<Row> backward(int n);

    /**
     * Moves to row {@code position} and returns it, or null (scrollable only).
     *
     * @param position the row number, from 1; negative counts from the end (-1 is the last row)
     * @return that row, or null when there is no such row
     */
    Row absolute(long position);

    /**
     * Moves {@code offset} rows and returns that row, or null (scrollable only).
     *
     * @param offset rows to move; negative moves backwards, 0 re-reads the current row
     * @return the row reached, or null past either end
     */
    Row relative(long offset);

    /**
     * Returns whether the cursor is scrollable.
     *
     * @return true if opened with {@link Connection#openScrollableCursor}
     */
    boolean isScrollable();

    /** Closes the cursor on the server. */
    @Override
    void close();
}
