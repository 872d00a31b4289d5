package io.pgjet.internal.cursor;

import io.pgjet.internal.conn.Identifiers;
import io.pgjet.internal.conn.RealConnection;

import io.pgjet.AsyncCursor;
import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import io.pgjet.internal.engine.StatementRef;
import io.pgjet.observe.OperationKind;
import io.pgjet.internal.result.StatementResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A forward-only cursor on a protocol-level portal: Bind once, then Execute with a row limit per
 * fetch (one round trip each), Close at the end. Portals only outlive their Sync inside a
 * transaction block, so opening one outside a transaction fails clearly.
 */
public final class PortalCursor implements AsyncCursor {
    private final RealConnection connection;
    private final String portal;
    private final StatementRef statement;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean exhausted;

    private PortalCursor(RealConnection connection, String portal, StatementRef statement) {
        this.connection = connection;
        this.portal = portal;
        this.statement = statement;
    }

    /** Opens a forward-only cursor over {@code sql} in the named {@code portal} (inside a transaction). */
    public static CompletableFuture<AsyncCursor> open(RealConnection connection, String portal, String sql, Object[] args) {
        return opened(connection, portal, connection.bindPortal(sql, portal, args));
    }

    /** Opens a forward-only cursor over a prepared {@code statement} in the named {@code portal}. */
    public static CompletableFuture<AsyncCursor> open(RealConnection connection, String portal, StatementRef statement,
            Object[] args) {
        return opened(connection, portal, connection.bindPortal(statement, portal, args));
    }

    private static CompletableFuture<AsyncCursor> opened(RealConnection connection, String portal,
            CompletableFuture<Bound> binding) {
        return binding.thenApply(bound -> {
            if (bound.result().transactionStatus() == 'I') {
                throw new PgInterfaceException("a cursor needs a transaction: open it inside transaction() "
                        + "(outside one, the server drops the portal at once)");
            }
            return new PortalCursor(connection, portal, bound.statement());
        });
    }

    @Override
    public CompletableFuture<List<Row>> fetch(int n) {
        if (n <= 0) {
            return CompletableFuture.failedFuture(new PgInterfaceException("fetch needs a positive row count: " + n));
        }
        if (exhausted || closed.get()) {
            return closed.get() ? closedFuture() : CompletableFuture.completedFuture(List.of());
        }
        return connection.observedCursor(OperationKind.CURSOR_FETCH, statement.sql(),
                () -> connection.executePortal(statement.info(), portal, n).thenApply(result -> {
                    if (!result.suspended()) {
                        exhausted = true;
                    }
                    return result.rows();
                }), List::size);
    }

    @Override
    public CompletableFuture<Row> fetchRow() {
        return fetch(1).thenApply(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    @Override
    public CompletableFuture<Long> forward(long n) {
        if (closed.get()) {
            return closedFuture();
        }
        return connection.observedCursor(OperationKind.CURSOR_MOVE, statement.sql(),
                () -> connection.queryUncached("MOVE FORWARD " + n + " IN " + Identifiers.quote(portal))
                        .thenApply(result -> Math.max(0, result.status().rowCount())), Long::longValue);
    }

    @Override
    public CompletableFuture<List<Row>> backward(int n) {
        return notScrollable();
    }

    @Override
    public CompletableFuture<Row> absolute(long position) {
        return notScrollable();
    }

    @Override
    public CompletableFuture<Row> relative(long offset) {
        return notScrollable();
    }

    private static <T> CompletableFuture<T> notScrollable() {
        return CompletableFuture.failedFuture(new PgInterfaceException(
                "this cursor only moves forward; open it with openScrollableCursor to scroll"));
    }

    private static <T> CompletableFuture<T> closedFuture() {
        return CompletableFuture.failedFuture(new PgInterfaceException("the cursor is closed"));
    }

    @Override
    public boolean isScrollable() {
        return false;
    }

    @Override
    public CompletableFuture<Void> close() {
        if (!closed.compareAndSet(false, true) || connection.isClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.closeServerObject(portal, true);
    }

    /** What binding a portal produced: the statement behind it and the Bind's own result. */
    public record Bound(StatementRef statement, StatementResult result) {}
}
