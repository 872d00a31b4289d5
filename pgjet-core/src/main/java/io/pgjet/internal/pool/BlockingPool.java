package io.pgjet.internal.pool;

import io.pgjet.AsyncPool;
import io.pgjet.CommandStatus;
import io.pgjet.Connection;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.Row;
import io.pgjet.internal.blocking.BlockingConnection;
import io.pgjet.internal.blocking.Futures;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The blocking facade of a {@link ConnectionPool}. Each convenience verb borrows a connection,
 * runs on it with the caller's thread doing the I/O (the pool's connections are caller-driven),
 * and gives it back without waiting for its reset — one hand-off fewer than going through the
 * asynchronous pool's verbs, whose answers a helper thread would have to read.
 */
public final class BlockingPool implements Pool {
    private final ConnectionPool pool;

    /** Wraps {@code pool}. */
    public BlockingPool(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public Pool readOnly() {
        ConnectionPool readOnly = pool.readOnly();
        return readOnly == pool ? this : new BlockingPool(readOnly);
    }

    @Override
    public List<io.pgjet.HostStatus> hostStatus() {
        return Futures.await(pool.hostStatus());
    }

    @Override
    public Connection acquire() {
        return new BlockingConnection(pool.acquireBlocking(pool.options().acquireTimeout()));
    }

    @Override
    public Connection acquire(Duration timeout) {
        return new BlockingConnection(pool.acquireBlocking(timeout));
    }

    /** Runs {@code work}; the connection's reset and return happen in the background afterwards. */
    @Override
    public <T> T withConnection(Function<Connection, T> work) {
        Connection connection = acquire();
        try {
            return work.apply(connection);
        } finally {
            connection.async().closeAsync();
        }
    }

    @Override
    public java.util.stream.Stream<Row> stream(String sql, Object... args) {
        io.pgjet.AsyncConnection lease = pool.acquireBlocking(pool.options().acquireTimeout());
        io.pgjet.internal.stream.RowQueue queue = PoolVerbs.openStream(lease, sql, args);
        return io.pgjet.internal.stream.BlockingRowStream.of(io.pgjet.internal.blocking.Awaiter.of(lease), queue, null);
    }

    @Override
    public CommandStatus execute(String sql, Object... args) {
        return withConnection(c -> c.execute(sql, args));
    }

    @Override
    public List<Row> fetch(String sql, Object... args) {
        return withConnection(c -> c.fetch(sql, args));
    }

    @Override
    public <R extends Record> List<R> fetch(Class<R> type, String sql, Object... args) {
        return withConnection(c -> c.fetch(type, sql, args));
    }

    @Override
    public Row fetchRow(String sql, Object... args) {
        return withConnection(c -> c.fetchRow(sql, args));
    }

    @Override
    public <T> T fetchVal(String sql, Object... args) {
        return withConnection(c -> c.<T>fetchVal(sql, args));
    }

    @Override
    public long executeMany(String sql, Iterable<Object[]> parameterSets) {
        return withConnection(c -> c.executeMany(sql, parameterSets));
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public int idleSize() {
        return pool.idleSize();
    }

    @Override
    public PoolOptions options() {
        return pool.options();
    }

    @Override
    public void expireConnections() {
        pool.expireConnections();
    }

    @Override
    public AsyncPool async() {
        return pool;
    }

    @Override
    public void terminate() {
        pool.terminate();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return pool.toString();
    }
}
