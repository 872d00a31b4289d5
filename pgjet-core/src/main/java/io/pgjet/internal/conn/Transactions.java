package io.pgjet.internal.conn;

import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.observe.Observers;

import io.pgjet.AsyncTransaction;
import io.pgjet.PgInterfaceException;
import io.pgjet.TransactionOptions;
import io.pgjet.observe.Operation;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transactions a connection has open: the outermost one issues BEGIN, every one opened
 * while it (or a transaction block begun by hand) is active becomes a savepoint. Shared by all
 * views of a connection. Thread-safe.
 */
final class Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<RealTransaction> open = new ArrayDeque<>();
    private int savepoints;
    /**
     * The listeners' operation of the innermost open transaction that has one, or null: read
     * without the lock by every observed operation to name its transaction.
     */
    private volatile Operation observedInnermost;

    /**
     * Opens a transaction (or savepoint); {@code observed}, when not null, is the listeners' view
     * of it, ended by its commit or rollback, or now if it cannot begin.
     */
    CompletableFuture<AsyncTransaction> begin(RealConnection connection, TransactionOptions options,
            Observers.Started observed) {
        RealTransaction transaction;
        String sql;
        lock.lock();
        try {
            boolean nested = !open.isEmpty() || connection.isInTransaction();
            if (nested && !options.isDefault()) {
                PgInterfaceException refused = new PgInterfaceException(
                        "a nested transaction is a savepoint: it cannot set isolation, read-only or deferrable");
                if (observed != null) {
                    observed.failed(refused);
                }
                return CompletableFuture.failedFuture(refused);
            }
            String savepoint = nested ? "pgjet_savepoint_" + (++savepoints) : null;
            transaction = new RealTransaction(connection, this, savepoint, observed);
            sql = nested ? "SAVEPOINT " + savepoint : beginSql(options);
            open.push(transaction);
            updateObserved();
        } finally {
            lock.unlock();
        }
        return connection.execute(sql).handle((status, error) -> {
            if (error != null) {
                forget(transaction);
                if (observed != null) {
                    observed.failed(error);
                }
                throw new java.util.concurrent.CompletionException(Futures.unwrap(error));
            }
            return transaction;
        });
    }

    private static String beginSql(TransactionOptions options) {
        StringBuilder sql = new StringBuilder("BEGIN");
        if (options.isolation() != null) {
            sql.append(" ISOLATION LEVEL ").append(options.isolation().sql());
        }
        if (options.readOnly()) {
            sql.append(" READ ONLY");
        }
        if (options.deferrable()) {
            sql.append(" DEFERRABLE");
        }
        return sql.toString();
    }

    /** Checks that {@code transaction} is the innermost open one, before ending it. */
    void checkInnermost(RealTransaction transaction) {
        lock.lock();
        try {
            if (open.peek() != transaction) {
                throw new PgInterfaceException("a nested transaction opened inside this one is still active: "
                        + "commit or roll it back first");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether a transaction object is still open (neither committed nor rolled back). */
    boolean hasOpen() {
        lock.lock();
        try {
            return !open.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every open transaction (after reset() rolled back on the server). */
    void clear() {
        lock.lock();
        try {
            open.clear();
            updateObserved();
        } finally {
            lock.unlock();
        }
    }

    void forget(RealTransaction transaction) {
        lock.lock();
        try {
            open.remove(transaction);
            updateObserved();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the listeners' operation of the innermost open transaction, or null: what an
     * operation starting now runs in (a BEGIN and a COMMIT included, as the transaction is open
     * from before its BEGIN is sent until its COMMIT is answered).
     */
    Operation observedTransaction() {
        return observedInnermost;
    }

    private void updateObserved() {
        RealTransaction innermost = open.peek();
        observedInnermost = innermost == null ? null : innermost.observedOperation();
    }
}
