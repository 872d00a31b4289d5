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
     * @return an open blocking connection, ready for queries
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
     *
     * @param config the parsed or built connection settings
     * @return an open blocking connection
     */
    public static Connection connect(ConnectionConfig config) {
        return new BlockingConnection(Futures.await(RealConnection.connectBlocking(config)));
    }

    /**
     * Connects asynchronously; the future fails as {@link #connect(String)} throws.
     *
     * @param dsn a libpq connection URI or keyword/value string, as for {@link #connect(String)}
     * @return a future of the open connection
     */
    public static CompletableFuture<AsyncConnection> connectAsync(String dsn) {
        ConnectionConfig config;
        try {
            config = ConnectionConfig.parse(dsn);
        } catch (PgJetException e) {
            return CompletableFuture.failedFuture(e);
        }
        return connectAsync(config);
    }

    /**
     * Connects asynchronously per {@code config}.
     *
     * @param config the parsed or built connection settings
     * @return a future of the open connection
     */
    public static CompletableFuture<AsyncConnection> connectAsync(ConnectionConfig config) {
        return RealConnection.connect(config).thenApply(connection -> connection);
    }

    /**
     * Creates a connection pool with the default options ({@link PoolOptions#DEFAULT}: 10
     * connections) and waits until its first connections are open.
     *
     * @param dsn a libpq connection URI or keyword/value string, as for {@link #connect(String)}
     * @return the open pool
     * @throws InvalidDsnException if the DSN is malformed
     * @throws PgConnectionException if the first connections could not be opened
     */
    public static Pool createPool(String dsn) {
        return createPool(ConnectionConfig.parse(dsn), PoolOptions.DEFAULT);
    }

    /**
     * Creates a connection pool per {@code options}; see {@link #createPool(String)}.
     *
     * @param dsn a libpq connection URI or keyword/value string, as for {@link #connect(String)}
     * @param options sizes, lifetimes and hooks of the pool
     * @return the open pool
     */
    public static Pool createPool(String dsn, PoolOptions options) {
        return createPool(ConnectionConfig.parse(dsn), options);
    }

    /**
     * Creates a connection pool to the server(s) {@code config} names; see {@link #createPool(String)}.
     * Its connections are caller-driven, like {@link #connect(ConnectionConfig)}'s.
     *
     * @param config the connection settings every pooled connection uses
     * @param options sizes, lifetimes and hooks of the pool
     * @return the open pool
     */
    public static Pool createPool(ConnectionConfig config, PoolOptions options) {
        return new BlockingPool(Futures.await(ConnectionPool.create(config, options,
                RealConnection::connectBlockingOffThread)));
    }

    /**
     * Creates a connection pool; the future completes when its {@link PoolOptions#minSize()}
     * connections are open, and fails (with the pool closed) if one of them cannot be opened.
     *
     * @param dsn a libpq connection URI or keyword/value string, as for {@link #connect(String)}
     * @param options sizes, lifetimes and hooks of the pool
     * @return a future of the pool, complete once its first connections are open
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

    /**
     * Creates a connection pool to the server(s) {@code config} names; see
     *  {@link #createPoolAsync(String, PoolOptions)}.
     *
     * @param config the connection settings every pooled connection uses
     * @param options sizes, lifetimes and hooks of the pool
     * @return a future of the pool, complete once its first connections are open
     */
    public static CompletableFuture<AsyncPool> createPoolAsync(ConnectionConfig config, PoolOptions options) {
        return ConnectionPool.create(config, options, RealConnection::connect).thenApply(pool -> pool);
    }
}
