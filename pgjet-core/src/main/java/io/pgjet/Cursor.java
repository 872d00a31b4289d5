package io.pgjet;

import java.util.List;

/**
 * The blocking facade of {@link AsyncCursor}, for try-with-resources.
 */
public interface Cursor extends AutoCloseable {

    /** Returns the next up to {@code n} rows; see {@link AsyncCursor#fetch}. */
    List<Row> fetch(int n);

    /** Returns the next row, or null at the end. */
    Row fetchRow();

    /** Skips up to {@code n} rows; returns how many were skipped. */
    long forward(long n);

    /** Returns the up to {@code n} previous rows, nearest first (scrollable only). */
    List<Row> backward(int n);

    /** Moves to row {@code position} and returns it, or null (scrollable only). */
    Row absolute(long position);

    /** Moves {@code offset} rows and returns that row, or null (scrollable only). */
    Row relative(long offset);

    /** Returns whether the cursor is scrollable. */
    boolean isScrollable();

    /** Closes the cursor on the server. */
    @Override
    void close();
}
