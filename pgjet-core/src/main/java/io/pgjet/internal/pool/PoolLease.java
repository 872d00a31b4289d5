package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
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
 * connection on release instead of hearing the next borrower's session, and makes the release
 * happen once however many views ({@code withTimeout}) close it.
 */
final class PoolLease {
    private final ConnectionPool pool;
    final PoolSlot slot;
    private final AtomicReference<CompletableFuture<Void>> released = new AtomicReference<>();
    private final Map<String, List<Consumer<Notification>>> channelListeners = new ConcurrentHashMap<>();
    private final List<Consumer<Notice>> logListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<QueryRecord>> queryLoggers = new CopyOnWriteArrayList<>();
    private final List<Runnable> terminationListeners = new CopyOnWriteArrayList<>();

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

    /** Counts a query against {@link io.pgjet.PoolOptions#maxQueries()} and returns the connection. */
    AsyncConnection forQuery() {
        AsyncConnection connection = connection();
        slot.queries.incrementAndGet();
        return connection;
    }

    boolean isReleased() {
        return released.get() != null;
    }

    /** Ends the lease (once): takes the caller's listeners off, then hands the slot back. */
    CompletableFuture<Void> release() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!released.compareAndSet(null, done)) {
            return released.get();
        }
        AsyncConnection connection = slot.connection;
        logListeners.forEach(connection::removeLogListener);
        queryLoggers.forEach(connection::removeQueryLogger);
        List<CompletableFuture<Void>> unlistened = new ArrayList<>();
        channelListeners.forEach((channel, listeners) -> listeners.forEach(listener ->
                unlistened.add(connection.removeListener(channel, listener))));
        CompletableFuture.allOf(unlistened.toArray(new CompletableFuture<?>[0]))
                .handle((ok, error) -> pool.release(slot, error == null))
                .thenCompose(released -> released)
                .whenComplete((ok, error) -> done.complete(null));
        return done;
    }

    void addedListener(String channel, Consumer<Notification> listener) {
        channelListeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    void removedListener(String channel, Consumer<Notification> listener) {
        List<Consumer<Notification>> listeners = channelListeners.get(channel);
        if (listeners != null) {
            listeners.remove(listener);
        }
    }

    void addedLogListener(Consumer<Notice> listener) {
        logListeners.add(listener);
    }

    void removedLogListener(Consumer<Notice> listener) {
        logListeners.remove(listener);
    }

    void addedQueryLogger(Consumer<QueryRecord> logger) {
        queryLoggers.add(logger);
    }

    void removedQueryLogger(Consumer<QueryRecord> logger) {
        queryLoggers.remove(logger);
    }

    void addedTerminationListener(Runnable listener) {
        terminationListeners.add(listener);
    }

    /** Tells this lease's termination listeners that the connection ended while it was lent out. */
    void connectionTerminated() {
        if (!isReleased()) {
            terminationListeners.forEach(Runnable::run);
        }
    }
}
