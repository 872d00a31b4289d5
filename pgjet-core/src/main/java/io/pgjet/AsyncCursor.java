package io.pgjet;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A server-side cursor over a query's result, read a slice at a time so a result of any size
 * needs bounded memory. Cursors live inside a transaction and end with it.
 *
 * <p>Thread-safe; requests on one cursor run in the order issued. Scrolling methods need a
 * cursor opened with {@link AsyncConnection#openScrollableCursor}; on other cursors they fail
 * with {@link PgInterfaceException}.
 */
public interface AsyncCursor {

    /**
     * Returns the next up to {@code n} rows; fewer (or none) at the end of the result.
     *
     * @param n the most rows to return
     * @return a future of the rows, in cursor order; empty at the end
     */
    CompletableFuture<List<Row>> fetch(int n);

    /**
     * Returns the next row, or null at the end of the result.
     *
     * @return a future of the next row, or of null at the end
     */
    CompletableFuture<Row> fetchRow();

    /**
     * Skips up to {@code n} rows without transferring them; returns how many were skipped.
     *
     * @param n the most rows to skip
     * @return a future of the number of rows skipped, less than {@code n} at the end
     */
    CompletableFuture<Long> forward(long n);

    /**
     * Returns the up to {@code n} rows before the current position, nearest first (scrollable
     *  only).
     *
     * @param n the most rows to return
     * @return a future of the rows before the current position, nearest first
     */
    CompletableFuture<List<Row>> backward(int n);

    /**
     * Moves to row {@code position} (1-based; negative counts from the end) and returns it, or null
     *  (scrollable only).
     *
     * @param position the row number, from 1; negative counts from the end (-1 is the last row)
     * @return a future of that row, or of null when there is no such row
     */
    CompletableFuture<Row> absolute(long position);

    /**
     * Moves {@code offset} rows from the current position and returns that row, or null (scrollable
     *  only).
     *
     * @param offset rows to move; negative moves backwards, 0 re-reads the current row
     * @return a future of the row reached, or of null past either end
     */
    CompletableFuture<Row> relative(long offset);

    /**
     * Returns whether the cursor can move backwards and jump.
     *
     * @return true if opened with {@link AsyncConnection#openScrollableCursor}
     */
    boolean isScrollable();

    /**
     * Closes the cursor on the server; closing twice does nothing.
     *
     * @return a future that completes when the cursor is closed
     */
    CompletableFuture<Void> close();
}
