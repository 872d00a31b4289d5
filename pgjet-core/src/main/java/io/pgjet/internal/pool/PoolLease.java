package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncPreparedStatement;
import io.pgjet.Notice;
import io.pgjet.Notification;
import io.pgjet.PgInterfaceException;
import io.pgjet.QueryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One acquisition of a pooled connection: from {@code acquire} until the first
 * {@code close()}. Tracks the listeners the caller added, so that they are taken off the
 * connection on release instead of hearing the next borrower's session, and the statements it
 * prepared, so that they are closed on release instead of staying on the server (and usable
 * on the next borrower's lease); makes the release happen once however many views
 * ({@code withTimeout}) close it.
 */
final class PoolLease {
    private final ConnectionPool pool;
    final PoolSlot slot;
    private final AtomicReference<CompletableFuture<Void>> released = new AtomicReference<>();
    /** What the borrower added; made on first use, since most borrowers add nothing. */
    private final AtomicReference<Added> added = new AtomicReference<>();

    PoolLease(ConnectionPool pool, PoolSlot slot) {
        this.pool = pool;
        this.slot = slot;
    }

    /** Returns the pooled connection, or throws if this lease has ended. */
    AsyncConnection connection() {
        if (released.get() != null) {
            throw new PgInterfaceException(
                    "this connection was returned to the pool (close() was called); acquire another one");
        }
        return slot.connection;
    }

    /** Checks that the lease lasts and counts a query against {@link io.pgjet.PoolOptions#maxQueries()}. */
    void countQuery() {
        connection();
        slot.queries.incrementAndGet();
    }

    boolean isReleased() {
        return released.get() != null;
    }

    /** Ends the lease (once): takes the caller's listeners off and closes its statements, then hands the slot back. */
    CompletableFuture<Void> release() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!released.compareAndSet(null, done)) {
            return released.get();
        }
        Added added = this.added.get();
        CompletableFuture<Void> back = added == null ? pool.release(slot, true)
                : PoolHooks.within(added.removeFrom(slot.connection.withTimeout(pool.resetTimeout())),
                        pool.resetTimeout(), "giving back the lease's listeners and statements")
                        .exceptionally(error -> false) // not clean: the connection is closed
                        .thenCompose(clean -> pool.release(slot, clean));
        if (back.isDone()) {
            done.complete(null);
        } else {
            back.whenComplete((ok, error) -> done.complete(null));
        }
        return done;
    }

    private Added added() {
        Added l = added.get();
        if (l == null) {
            added.compareAndSet(null, new Added());
            l = added.get();
        }
        return l;
    }

    void addedListener(String channel, Consumer<Notification> listener) {
        added().channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    void removedListener(String channel, Consumer<Notification> listener) {
        List<Consumer<Notification>> forChannel = added().channels.get(channel);
        if (forChannel != null) {
            forChannel.remove(listener);
        }
    }

    /** Records a statement the borrower prepared; returns it. */
    AsyncPreparedStatement addedStatement(AsyncPreparedStatement statement) {
        added().statements.add(statement);
        return statement;
    }

    void addedLogListener(Consumer<Notice> listener) {
        added().log.add(listener);
    }

    void removedLogListener(Consumer<Notice> listener) {
        added().log.remove(listener);
    }

    void addedQueryLogger(Consumer<QueryRecord> logger) {
        added().queries.add(logger);
    }

    void removedQueryLogger(Consumer<QueryRecord> logger) {
        added().queries.remove(logger);
    }

    void addedTerminationListener(Runnable listener) {
        added().termination.add(listener);
    }

    /** Tells this lease's termination listeners that the connection ended while it was lent out. */
    void connectionTerminated() {
        Added l = added.get();
        if (!isReleased() && l != null) {
            l.termination.forEach(Runnable::run);
        }
    }

    /** The listeners a borrower added through its lease, and the statements it prepared. */
    private static final class Added {
        final Map<String, List<Consumer<Notification>>> channels = new ConcurrentHashMap<>();
        final List<Consumer<Notice>> log = new CopyOnWriteArrayList<>();
        final List<Consumer<QueryRecord>> queries = new CopyOnWriteArrayList<>();
        final List<Runnable> termination = new CopyOnWriteArrayList<>();
        final List<AsyncPreparedStatement> statements = new CopyOnWriteArrayList<>();

        /**
         * Takes them off {@code connection} and closes the statements (closing one already
         * closed does nothing); the future says whether every UNLISTEN and Close worked.
         */
        CompletableFuture<Boolean> removeFrom(AsyncConnection connection) {
            log.forEach(connection::removeLogListener);
            queries.forEach(connection::removeQueryLogger);
            List<CompletableFuture<Void>> unlistened = new ArrayList<>();
            channels.forEach((channel, listeners) -> listeners.forEach(listener ->
                    unlistened.add(connection.removeListener(channel, listener))));
            statements.forEach(statement -> unlistened.add(statement.close()));
            return CompletableFuture.allOf(unlistened.toArray(new CompletableFuture<?>[0]))
                    .handle((ok, error) -> error == null);
        }
    }
}
