package io.pgjet;

import io.pgjet.internal.blocking.BlockingConnection;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.pool.BlockingPool;
import io.pgjet.internal.pool.ConnectionPool;
import java.util.concurrent.CompletableFuture;

/**
 * Opens connections. The entry point of PgJet:
 *
 * <pre>{@code
 * try (Connection conn = PgJet.connect("postgresql://app@localhost/db")) {
 *     List<Row> rows = conn.fetch("select id, name from users where id > $1", 10);
 * }
 * }</pre>
 */
public final class PgJet {
    private PgJet() {}

    /**
     * Connects and returns a blocking connection.
     *
     * @param dsn a libpq connection URI ({@code postgresql://...}) or keyword/value string;
     *     PG* environment variables and {@code ~/.pgpass} fill what it leaves out
     * @throws InvalidDsnException if the DSN is malformed
     * @throws PgConnectionException if no host could be reached or authentication was refused
     * @throws PgException if the server rejected the connection (e.g. wrong password)
     */
    public static Connection connect(String dsn) {
        return connect(ConnectionConfig.parse(dsn));
    }

    /**
     * Connects per {@code config} and returns a blocking connection; see {@link #connect(String)}.
     * The connection is caller-driven: each call writes its request and reads the answer on the
     * calling thread, with no hand-off to an I/O thread (docs/guide.md, "Which transport").
     */
    public static Connection connect(ConnectionConfig config) {
        return new BlockingConnection(Futures.await(RealConnection.connectBlocking(config)));
    }

    /** Connects asynchronously; the future fails as {@link #connect(String)} throws. */
    public static CompletableFuture<AsyncConnection> connectAsync(String dsn) {
        ConnectionConfig config;
        try {
            config = ConnectionConfig.parse(dsn);
        } catch (PgJetException e) {
            return CompletableFuture.failedFuture(e);
        }
        return connectAsync(config);
    }

    /** Connects asynchronously per {@code config}. */
    public static CompletableFuture<AsyncConnection> connectAsync(ConnectionConfig config) {
        return RealConnection.connect(config).thenApply(connection -> connection);
    }

    /**
     * Creates a connection pool with the default options ({@link PoolOptions#DEFAULT}: 10
     * connections) and waits until its first connections are open.
     *
     * @throws InvalidDsnException if the DSN is malformed
     * @throws PgConnectionException if the first connections could not be opened
     */
    public static Pool createPool(String dsn) {
        return createPool(ConnectionConfig.parse(dsn), PoolOptions.DEFAULT);
    }

    /** Creates a connection pool per {@code options}; see {@link #createPool(String)}. */
    public static Pool createPool(String dsn, PoolOptions options) {
        return createPool(ConnectionConfig.parse(dsn), options);
    }

    /**
     * Creates a connection pool to the server(s) {@code config} names; see {@link #createPool(String)}.
     * Its connections are caller-driven, like {@link #connect(ConnectionConfig)}'s.
     */
    public static Pool createPool(ConnectionConfig config, PoolOptions options) {
        return new BlockingPool(Futures.await(ConnectionPool.create(config, options,
                RealConnection::connectBlockingOffThread)));
    }

    /**
     * Creates a connection pool; the future completes when its {@link PoolOptions#minSize()}
     * connections are open, and fails (with the pool closed) if one of them cannot be opened.
     */
    public static CompletableFuture<AsyncPool> createPoolAsync(String dsn, PoolOptions options) {
        ConnectionConfig config;
        try {
            config = ConnectionConfig.parse(dsn);
        } catch (PgJetException e) {
            return CompletableFuture.failedFuture(e);
        }
        return createPoolAsync(config, options);
    }

    /** Creates a connection pool to the server(s) {@code config} names; see {@link #createPoolAsync(String, PoolOptions)}. */
    public static CompletableFuture<AsyncPool> createPoolAsync(ConnectionConfig config, PoolOptions options) {
        return ConnectionPool.create(config, options, RealConnection::connect).thenApply(pool -> pool);
    }
}
