package io.pgjet.internal.cursor;

import io.pgjet.internal.conn.Identifiers;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.observe.OperationKind;

import io.pgjet.AsyncCursor;
import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scrollable cursor declared in SQL ({@code DECLARE name SCROLL CURSOR FOR ...}) and moved with
 * {@code FETCH}/{@code MOVE}. DECLARE needs a transaction block; the server says so otherwise.
 */
public final class ScrollCursor implements AsyncCursor {
    private final RealConnection connection;
    private final String name;
    /** The cursor's query, as the listeners see each fetch and move. */
    private final String sql;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ScrollCursor(RealConnection connection, String name, String sql) {
        this.connection = connection;
        this.name = name;
        this.sql = sql;
    }

    /** Opens a scrollable cursor {@code name} over {@code sql} (DECLARE ... SCROLL CURSOR). */
    public static CompletableFuture<AsyncCursor> open(RealConnection connection, String name, String sql, Object[] args) {
        return connection.queryUncached("DECLARE " + Identifiers.quote(name) + " SCROLL CURSOR FOR " + sql, args)
                .thenApply(declared -> new ScrollCursor(connection, name, sql));
    }

    private CompletableFuture<List<Row>> run(String command) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new PgInterfaceException("the cursor is closed"));
        }
        return connection.observedCursor(OperationKind.CURSOR_FETCH, sql,
                () -> connection.queryUncached(command + " " + Identifiers.quote(name)).thenApply(r -> r.rows()), List::size);
    }

    private static Row first(List<Row> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public CompletableFuture<List<Row>> fetch(int n) {
        return run("FETCH FORWARD " + n + " FROM");
    }

    @Override
    public CompletableFuture<Row> fetchRow() {
        return run("FETCH NEXT FROM").thenApply(ScrollCursor::first);
    }

    @Override
    public CompletableFuture<Long> forward(long n) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new PgInterfaceException("the cursor is closed"));
        }
        return connection.observedCursor(OperationKind.CURSOR_MOVE, sql,
                () -> connection.queryUncached("MOVE FORWARD " + n + " IN " + Identifiers.quote(name))
                        .thenApply(result -> Math.max(0, result.status().rowCount())), Long::longValue);
    }

    @Override
    public CompletableFuture<List<Row>> backward(int n) {
        return run("FETCH BACKWARD " + n + " FROM");
    }

    @Override
    public CompletableFuture<Row> absolute(long position) {
        return run("FETCH ABSOLUTE " + position + " FROM").thenApply(ScrollCursor::first);
    }

    @Override
    public CompletableFuture<Row> relative(long offset) {
        return run("FETCH RELATIVE " + offset + " FROM").thenApply(ScrollCursor::first);
    }

    @Override
    public boolean isScrollable() {
        return true;
    }

    @Override
    public CompletableFuture<Void> close() {
        if (!closed.compareAndSet(false, true) || connection.isClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.execute("CLOSE " + Identifiers.quote(name)).handle((status, error) -> {
            // Ending the transaction already closed it on the server (a try-with-resources that
            // commits inside closes the cursor after the commit): nothing left to close.
            if (error != null && !(io.pgjet.internal.blocking.Futures.unwrap(error) instanceof io.pgjet.PgException pg
                    && "34000".equals(pg.sqlState()))) {
                throw new java.util.concurrent.CompletionException(io.pgjet.internal.blocking.Futures.unwrap(error));
            }
            return null;
        });
    }
}
