package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncPool;
import io.pgjet.CommandStatus;
import io.pgjet.Row;
import io.pgjet.internal.blocking.Futures;
import java.util.List;
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
