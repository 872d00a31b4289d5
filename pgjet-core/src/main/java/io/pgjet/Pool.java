package io.pgjet;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The blocking facade of a connection pool: the same pool as {@link AsyncPool}, with verbs that
 * wait. Made by {@link PgJet#createPool}.
 *
 * <pre>{@code
 * try (Pool pool = PgJet.createPool("postgresql://app@localhost/appdb")) {
 *     long users = pool.fetchVal("select count(*) from users");   // one query, any connection
 *     try (Connection conn = pool.acquire()) {                     // several on one connection
 *         try (Transaction tx = conn.transaction()) {
 *             conn.execute("update accounts set balance = balance - $1 where id = $2", 10, 1);
 *             tx.commit();
 *         }
 *     }                                                            // back to the pool, reset
 * }
 * }</pre>
 *
 * <p>{@code close()} on an acquired connection returns it to the pool; see {@link AsyncPool} for
 * what that means. Waiting never holds a monitor, so virtual threads can share a small pool.
 */
public interface Pool extends AutoCloseable {

    /**
     * Takes a free connection, waiting up to {@link PoolOptions#acquireTimeout()} for one.
     *
     * @return a connection that is the caller's until its {@code close()} returns it to the pool
     * @throws PgTimeoutException if none became free in time
     * @throws PgInterfaceException if the pool is closed
     */
    Connection acquire();

    /**
     * Like {@link #acquire()}, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait for a free connection, instead of
     *     {@link PoolOptions#acquireTimeout()}
     * @return a connection that is the caller's until its {@code close()}
     */
    Connection acquire(Duration timeout);

    /**
     * Takes a connection, runs {@code work} with it and returns it to the pool; returns the work's
     * result without waiting for the connection's reset.
     *
     * @param <T> the type of the work's result
     * @param work runs with the connection, which it must not keep
     * @return what {@code work} returned; its exception propagates after the connection is returned
     */
    <T> T withConnection(Function<Connection, T> work);

    /**
     * Runs {@link Connection#execute} on a pooled connection.
     *
     * @param sql the SQL, as for {@link Connection#execute}
     * @param args the values of {@code $1..$n}, in order
     * @return the command status
     */
    CommandStatus execute(String sql, Object... args);

    /**
     * Runs {@link Connection#fetch(String, Object...)} on a pooled connection.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return every row of the result
     */
    List<Row> fetch(String sql, Object... args);

    /**
     * Runs {@link Connection#fetch(Class, String, Object...)} on a pooled connection.
     *
     * @param <R> the record type
     * @param type the record class, see {@link Row#as(Class)}
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return one record per row
     */
    <R extends Record> List<R> fetch(Class<R> type, String sql, Object... args);

    /**
     * Runs {@link Connection#fetchRow(String, Object...)} on a pooled connection.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return the first row, or null
     */
    Row fetchRow(String sql, Object... args);

    /**
     * Runs {@link Connection#fetchVal} on a pooled connection.
     *
     * @param <T> the Java type the caller expects
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return the first column of the first row, or null
     */
    <T> T fetchVal(String sql, Object... args);

    /**
     * Runs {@link Connection#executeMany} on a pooled connection.
     *
     * @param sql one statement, with {@code $1..$n} placeholders
     * @param parameterSets one {@code Object[]} of values per execution
     * @return the total number of rows the executions affected
     */
    long executeMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Runs {@link Connection#stream} on a pooled connection, held until the statement is over
     * (read to its end, failed, or closed early and its cancel answered), then returned to the
     * pool. Close the stream (try-with-resources) when not reading it to the end.
     *
     * @param sql one statement, with {@code $1..$n} parameters
     * @param args the parameter values
     * @return the rows, read lazily
     * @throws PgTimeoutException if no connection became free in time
     */
    java.util.stream.Stream<Row> stream(String sql, Object... args);

    /**
     * Returns the read-only side of this pool (standbys first, load-balanced, the primary when
     * none is up); see {@link AsyncPool#readOnly()}.
     *
     * @return the read-only pool
     */
    Pool readOnly();

    /**
     * Reports every configured host's role and replay lag; see {@link AsyncPool#hostStatus()}.
     *
     * @return one status per configured host
     */
    List<HostStatus> hostStatus();

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
     * Returns the options the pool was made with.
     *
     * @return the options given at creation
     */
    PoolOptions options();

    /** Replaces every connection; see {@link AsyncPool#expireConnections()}. */
    void expireConnections();

    /**
     * Returns the asynchronous side of this pool.
     *
     * @return the asynchronous pool sharing these connections
     */
    AsyncPool async();

    /** Closes every connection at once; see {@link AsyncPool#terminate()}. */
    void terminate();

    /**
     * Closes the pool gracefully: waits until every connection in use is released and closed, at
     * most {@link PoolOptions#acquireTimeout()} (30 s if that is zero); connections still lent out
     * then are closed at once.
     */
    @Override
    void close();
}
