package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncPool;
import io.pgjet.CommandStatus;
import io.pgjet.Row;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.stream.RowPublisher;
import io.pgjet.internal.stream.RowQueue;
import io.pgjet.internal.stream.StreamSource;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The pool verbs that borrow a connection for one piece of work, built on {@link #acquire()}. */
abstract class PoolVerbs implements AsyncPool {

    /**
     * {@inheritDoc}
     *
     * <p>The result completes as soon as the work's does; the connection's reset and return
     * follow in the background (the caller does not wait a round trip for them).
     */
    @Override
    public <T> CompletableFuture<T> withConnection(Function<AsyncConnection, CompletableFuture<T>> work) {
        return acquire().thenCompose(connection -> {
            CompletableFuture<T> done;
            try {
                done = work.apply(connection);
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
            if (done == null) {
                done = CompletableFuture.failedFuture(new NullPointerException("the work returned no future"));
            }
            // Released before the caller's callbacks run, so a caller that borrows again from its
            // callback finds this connection free instead of queueing behind itself.
            return done.handle((value, error) -> {
                connection.closeAsync();
                if (error != null) {
                    throw Futures.asCompletionException(error);
                }
                return value;
            });
        });
    }

    @Override
    public Flow.Publisher<Row> stream(String sql, Object... args) {
        return new RowPublisher(() -> acquire().thenApply(connection -> openStream(connection, sql, args)));
    }

    /**
     * Starts a streamed statement on a borrowed connection and returns the connection to the pool
     * once the statement is over on the wire (its remaining queued rows need no connection).
     */
    static RowQueue openStream(AsyncConnection connection, String sql, Object[] args) {
        RowQueue queue;
        try {
            queue = ((StreamSource) connection).openStream(sql, args);
        } catch (RuntimeException e) {
            connection.closeAsync();
            throw e;
        }
        queue.whenFinished().whenComplete((done, error) -> connection.closeAsync());
        return queue;
    }

    @Override
    public CompletableFuture<CommandStatus> execute(String sql, Object... args) {
        return withConnection(c -> c.execute(sql, args));
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return withConnection(c -> c.fetch(sql, args));
    }

    @Override
    public <R extends Record> CompletableFuture<List<R>> fetch(Class<R> type, String sql, Object... args) {
        return withConnection(c -> c.fetch(type, sql, args));
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return withConnection(c -> c.fetchRow(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Object... args) {
        return withConnection(c -> c.fetchVal(sql, args));
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets) {
        return withConnection(c -> c.executeMany(sql, parameterSets));
    }
}
