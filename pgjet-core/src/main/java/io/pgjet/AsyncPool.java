package io.pgjet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A pool of connections to one server (or one multi-host list), shared by many callers: each
 * takes a connection for a while and gives it back, so a few connections serve many concurrent
 * tasks. The asynchronous side of {@link Pool}; made by {@link PgJet#createPoolAsync}.
 *
 * <pre>{@code
 * AsyncPool pool = PgJet.createPoolAsync(dsn, PoolOptions.DEFAULT.withSize(2, 20)).join();
 * pool.fetchVal("select count(*) from users").thenAccept(n -> ...);        // one query, any connection
 * pool.withConnection(conn -> conn.transaction().thenCompose(tx -> ...));  // several on one
 * }</pre>
 *
 * <p>A connection handed out by {@link #acquire} is the caller's until its {@code close()} (or
 * {@code closeAsync()}), which returns it to the pool instead of closing it: the pool resets the
 * session ({@link PoolOptions#reset()}), and any later use of that object fails with
 * {@link PgInterfaceException}. Prepared statements, cursors and transactions obtained from it
 * must not be used after that either. Broken connections are dropped and replaced, connections
 * past their query count or lifetime are replaced when free (see {@link PoolOptions}).
 *
 * <p>Safe for use from any thread; never blocks a caller (waiting callers get a future).
 */
public interface AsyncPool extends AutoCloseable {

    /**
     * Takes a free connection, opening one if fewer than {@code maxSize} are open, else waits up
     * to {@link PoolOptions#acquireTimeout()} for one to be released. Waiters are served in
     * order. Cancelling the returned future gives up the wait.
     *
     * @return the connection; the future fails with {@link PgTimeoutException} if none became
     *     free in time, with {@link PgInterfaceException} if the pool is closed, or with the
     *     connect error if a new connection could not be opened
     */
    CompletableFuture<AsyncConnection> acquire();

    /**
     * Like {@link #acquire()}, waiting at most {@code timeout} for a free connection.
     *
     * @param timeout the longest wait for a free connection, instead of
     *     {@link PoolOptions#acquireTimeout()}
     * @return a future of the connection, failing as {@link #acquire()}'s does
     */
    CompletableFuture<AsyncConnection> acquire(Duration timeout);

    /**
     * Takes a connection, runs {@code work} on it and returns the connection when the work's
     * future completes (either way); the result is the work's, and completes without waiting for
     * the connection's reset. The convenience verbs below work the same way.
     *
     * @param <T> the type of the work's result
     * @param work runs with the connection and returns a future; it must not keep the connection
     * @return a future of the work's result (or its failure)
     */
    <T> CompletableFuture<T> withConnection(Function<AsyncConnection, CompletableFuture<T>> work);

    /**
     * Runs {@link AsyncConnection#execute} on a pooled connection.
     *
     * @param sql the SQL, as for {@link AsyncConnection#execute}
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the command status
     */
    CompletableFuture<CommandStatus> execute(String sql, Object... args);

    /**
     * Runs {@link AsyncConnection#fetch(String, Object...)} on a pooled connection.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of every row of the result
     */
    CompletableFuture<List<Row>> fetch(String sql, Object... args);

    /**
     * Runs {@link AsyncConnection#fetch(Class, String, Object...)} on a pooled connection.
     *
     * @param <R> the record type
     * @param type the record class, see {@link Row#as(Class)}
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of one record per row
     */
    <R extends Record> CompletableFuture<List<R>> fetch(Class<R> type, String sql, Object... args);

    /**
     * Runs {@link AsyncConnection#fetchRow(String, Object...)} on a pooled connection.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the first row, or of null
     */
    CompletableFuture<Row> fetchRow(String sql, Object... args);

    /**
     * Runs {@link AsyncConnection#fetchVal} on a pooled connection.
     *
     * @param <T> the Java type the caller expects
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the first column of the first row, or of null
     */
    <T> CompletableFuture<T> fetchVal(String sql, Object... args);

    /**
     * Runs {@link AsyncConnection#executeMany(String, Iterable)} on a pooled connection.
     *
     * @param sql one statement, with {@code $1..$n} placeholders
     * @param parameterSets one {@code Object[]} of values per execution, read lazily
     * @return a future of the total number of rows the executions affected
     */
    CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Runs {@link AsyncConnection#stream} on a pooled connection, taken when the publisher is
     * subscribed and held until the statement is over (every row read, an error, or a cancel
     * answered by the server), then returned to the pool. A subscription that cannot get a
     * connection gets the acquire error ({@link PgTimeoutException}...) through {@code onError}.
     *
     * @param sql one statement, with {@code $1..$n} parameters
     * @param args the parameter values
     * @return a publisher of the statement's rows (cold: each subscription borrows a connection)
     */
    java.util.concurrent.Flow.Publisher<Row> stream(String sql, Object... args);

    /**
     * Returns the read-only side of this pool: a pool of its own, made on first call, over the
     * same hosts with {@code target_session_attrs=prefer-standby} and
     * {@code load_balance_hosts=random}, so its connections go to standbys, spread over them at
     * random, and to the primary when no standby is up (checked when each connection opens).
     * Same options (sizes, hooks) as this pool; closed with it. Use it for read-only work and
     * read-only transactions: what a standby serves may lag the primary (see
     * {@link #hostStatus()}), and writes on it fail with SQLSTATE 25006. On the read-only side
     * itself this returns that side.
     *
     * @return the read-only pool
     */
    AsyncPool readOnly();

    /**
     * Connects once to every host of the configuration (without the pool's connections, and
     * whatever {@code target_session_attrs} says) and reports whether it is up, a standby, and
     * how far its replay lags. Hosts are asked one after the other; each is bounded by the
     * configuration's {@code connect_timeout}.
     *
     * @return one status per configured host, in the configuration's order; never fails
     */
    CompletableFuture<List<HostStatus>> hostStatus();

    /**
     * Returns how many connections are open or being opened.
     *
     * @return the number of connections, free or in use, including those still connecting
     */
    int size();

    /**
     * Returns how many open connections are free.
     *
     * @return the number of open connections nobody holds
     */
    int idleSize();

    /**
     * Returns how many callers are waiting for a connection.
     *
     * @return the number of {@code acquire} calls waiting for a connection
     */
    int waiting();

    /**
     * Returns the options the pool was made with.
     *
     * @return the options given at creation
     */
    PoolOptions options();

    /**
     * Replaces every connection: free ones are closed now, connections in use when they are
     * released. For example after a schema change or a failover.
     */
    void expireConnections();

    /**
     * Closes the pool gracefully: waiting callers fail, free connections close now, connections
     * in use close when released. The future completes when every connection is closed.
     *
     * @return a future that completes when every connection is closed
     */
    CompletableFuture<Void> closeAsync();

    /** Closes every connection at once, in use or not; their pending requests fail. */
    void terminate();

    /**
     * Closes gracefully and waits for it (see {@link #closeAsync()}), at most
     * {@link PoolOptions#acquireTimeout()} (30 s if that is zero): connections still lent out
     * then are closed at once, as by {@link #terminate()}, instead of waited for forever.
     */
    @Override
    void close();
}
