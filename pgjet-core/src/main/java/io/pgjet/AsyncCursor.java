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

    /** Returns the next up to {@code n} rows; fewer (or none) at the end of the result. */
    CompletableFuture<List<Row>> fetch(int n);

    /** Returns the next row, or null at the end of the result. */
    CompletableFuture<Row> fetchRow();

    /** Skips up to {@code n} rows without transferring them; returns how many were skipped. */
    CompletableFuture<Long> forward(long n);

    /** Returns the up to {@code n} rows before the current position, nearest first (scrollable only). */
    CompletableFuture<List<Row>> backward(int n);

    /** Moves to row {@code position} (1-based; negative counts from the end) and returns it, or null (scrollable only). */
    CompletableFuture<Row> absolute(long position);

    /** Moves {@code offset} rows from the current position and returns that row, or null (scrollable only). */
    CompletableFuture<Row> relative(long offset);

    /** Returns whether the cursor can move backwards and jump. */
    boolean isScrollable();

    /** Closes the cursor on the server; closing twice does nothing. */
    CompletableFuture<Void> close();
}
