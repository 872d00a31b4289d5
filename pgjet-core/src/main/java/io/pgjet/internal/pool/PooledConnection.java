package io.pgjet.internal.pool;

import io.pgjet.QueryResult;
import io.pgjet.AsyncConnection;
import io.pgjet.AsyncCursor;
import io.pgjet.AsyncPreparedStatement;
import io.pgjet.AsyncTransaction;
import io.pgjet.CommandStatus;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.CopySource;
import io.pgjet.Notice;
import io.pgjet.Notification;
import io.pgjet.QueryRecord;
import io.pgjet.Row;
import io.pgjet.TransactionOptions;
import io.pgjet.internal.blocking.Awaiter;
import io.pgjet.internal.stream.RowQueue;
import io.pgjet.internal.stream.StreamSource;
import io.pgjet.types.BinaryTypeCodec;
import io.pgjet.types.TextTypeCodec;
import io.pgjet.types.TupleTypeCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connection as a pool lends it out: every verb goes to the pooled connection while the lease
 * lasts and fails with {@link io.pgjet.PgInterfaceException} after it, and {@code close()}
 * returns the connection to the pool instead of closing it.
 */
final class PooledConnection implements AsyncConnection, Awaiter.Source, StreamSource {
    private final PoolLease lease;
    /** The connection this view talks to: the pooled one, or a {@code withTimeout} view of it. */
    private final AsyncConnection view;

    PooledConnection(PoolLease lease, AsyncConnection view) {
        this.lease = lease;
        this.view = view;
    }

    /** Blocking callers of a lease wait the way its connection's transport wants. */
    @Override
    public Awaiter awaiter() {
        return Awaiter.of(view);
    }

    /** Returns this view's connection while the lease lasts, counting a query. */
    private AsyncConnection query() {
        lease.countQuery();
        return view;
    }

    /** Returns this view's connection while the lease lasts. */
    private AsyncConnection use() {
        lease.connection();
        return view;
    }

    /** Runs a query with {@code call} if the lease lasts, else returns the lease's error as a failed future. */
    private <T> CompletableFuture<T> queryAsync(Function<AsyncConnection, CompletableFuture<T>> call) {
        return callAsync(true, call);
    }

    /** Like {@link #queryAsync} for calls that run no query of the caller's (not counted). */
    private <T> CompletableFuture<T> useAsync(Function<AsyncConnection, CompletableFuture<T>> call) {
        return callAsync(false, call);
    }

    private <T> CompletableFuture<T> callAsync(boolean query, Function<AsyncConnection, CompletableFuture<T>> call) {
        AsyncConnection connection;
        try {
            connection = query ? query() : use();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = call.apply(connection);
        if (result != null) {
            // A read-only error on a pool that promised a writable server: perhaps a failover.
            result.whenComplete((ok, error) -> {
                if (HostRecheck.saysReadOnly(error)) {
                    lease.slot.roleInDoubt = true;
                }
            });
        }
        return result;
    }

    @Override
    public CompletableFuture<CommandStatus> execute(String sql, Object... args) {
        return queryAsync(c -> c.execute(sql, args));
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return queryAsync(c -> c.fetch(sql, args));
    }

    @Override
    public CompletableFuture<QueryResult> fetchResult(String sql, Object... args) {
        return queryAsync(c -> c.fetchResult(sql, args));
    }

    @Override
    public CompletableFuture<List<QueryResult>> executeScript(String sql) {
        return queryAsync(c -> c.executeScript(sql));
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return queryAsync(c -> c.fetchRow(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Object... args) {
        return queryAsync(c -> c.fetchVal(sql, args));
    }

    @Override
    public <R extends Record> CompletableFuture<List<R>> fetch(Class<R> type, String sql, Object... args) {
        return queryAsync(c -> c.fetch(type, sql, args));
    }

    @Override
    public <R extends Record> CompletableFuture<R> fetchRow(Class<R> type, String sql, Object... args) {
        return queryAsync(c -> c.fetchRow(type, sql, args));
    }

    @Override
    public CompletableFuture<AsyncPreparedStatement> prepare(String sql) {
        return queryAsync(c -> c.prepare(sql)).thenApply(lease::addedStatement);
    }

    @Override
    public CompletableFuture<AsyncPreparedStatement> prepare(String sql, String name) {
        return queryAsync(c -> c.prepare(sql, name));
    }

    @Override
    public Flow.Publisher<Row> stream(String sql, Object... args) {
        return query().stream(sql, args);
    }

    @Override
    public RowQueue openStream(String sql, Object... args) {
        AsyncConnection connection = query();
        if (!(connection instanceof StreamSource)) {
            throw new io.pgjet.PgInterfaceException("this connection cannot stream rows to a blocking caller");
        }
        return ((StreamSource) connection).openStream(sql, args);
    }

    @Override
    public Flow.Publisher<Row> cursor(String sql, Object... args) {
        return query().cursor(sql, args);
    }

    @Override
    public Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args) {
        return query().cursor(prefetch, sql, args);
    }

    @Override
    public CompletableFuture<AsyncCursor> openCursor(String sql, Object... args) {
        return queryAsync(c -> c.openCursor(sql, args));
    }

    @Override
    public CompletableFuture<AsyncCursor> openScrollableCursor(String sql, Object... args) {
        return queryAsync(c -> c.openScrollableCursor(sql, args));
    }

    @Override
    public CompletableFuture<AsyncTransaction> transaction() {
        return queryAsync(AsyncConnection::transaction);
    }

    @Override
    public CompletableFuture<AsyncTransaction> transaction(TransactionOptions options) {
        return queryAsync(c -> c.transaction(options));
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets) {
        return queryAsync(c -> c.executeMany(sql, parameterSets));
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Flow.Publisher<Object[]> parameterSets) {
        return queryAsync(c -> c.executeMany(sql, parameterSets));
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets,
            java.util.function.LongConsumer rowCounts) {
        return queryAsync(c -> c.executeMany(sql, parameterSets, rowCounts));
    }

    @Override
    public CompletableFuture<List<Row>> fetchMany(String sql, Iterable<Object[]> parameterSets) {
        return queryAsync(c -> c.fetchMany(sql, parameterSets));
    }

    @Override
    public CompletableFuture<CommandStatus> copyFromTable(String table, CopySink sink, CopyOptions options) {
        return queryAsync(c -> c.copyFromTable(table, sink, options));
    }

    @Override
    public CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options) {
        return queryAsync(c -> c.copyFromQuery(query, sink, options));
    }

    @Override
    public CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options,
            Object... args) {
        return queryAsync(c -> c.copyFromQuery(query, sink, options, args));
    }

    @Override
    public CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, CopyOptions options) {
        return queryAsync(c -> c.copyRecordsToTable(table, records, options));
    }

    @Override
    public CompletableFuture<CommandStatus> copyToTable(String table, CopySource source, CopyOptions options) {
        return queryAsync(c -> c.copyToTable(table, source, options));
    }

    @Override
    public CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, String... columns) {
        return queryAsync(c -> c.copyRecordsToTable(table, records, columns));
    }

    @Override
    public CompletableFuture<CommandStatus> copyRecordsToTable(String table, Flow.Publisher<?> records,
            String... columns) {
        return queryAsync(c -> c.copyRecordsToTable(table, records, columns));
    }

    @Override
    public AsyncConnection withTimeout(Duration timeout) {
        return new PooledConnection(lease, use().withTimeout(timeout));
    }

    @Override
    public CompletableFuture<Void> addListener(String channel, Consumer<Notification> listener) {
        return useAsync(c -> c.addListener(channel, listener)).thenRun(() -> lease.addedListener(channel, listener));
    }

    @Override
    public CompletableFuture<Void> removeListener(String channel, Consumer<Notification> listener) {
        lease.removedListener(channel, listener);
        return useAsync(c -> c.removeListener(channel, listener));
    }

    @Override
    public void addLogListener(Consumer<Notice> listener) {
        use().addLogListener(listener);
        lease.addedLogListener(listener);
    }

    @Override
    public void removeLogListener(Consumer<Notice> listener) {
        lease.removedLogListener(listener);
        use().removeLogListener(listener);
    }

    @Override
    public void addTerminationListener(Runnable listener) {
        use();
        lease.addedTerminationListener(listener);
    }

    @Override
    public Flow.Publisher<Notification> notifications(String channel) {
        return use().notifications(channel);
    }

    @Override
    public void addQueryLogger(Consumer<QueryRecord> logger) {
        use().addQueryLogger(logger);
        lease.addedQueryLogger(logger);
    }

    @Override
    public void removeQueryLogger(Consumer<QueryRecord> logger) {
        lease.removedQueryLogger(logger);
        use().removeQueryLogger(logger);
    }

    @Override
    public CompletableFuture<Void> reset() {
        return useAsync(AsyncConnection::reset);
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            TextTypeCodec<T> codec) {
        return useAsync(c -> c.setTypeCodec(typeName, schema, javaType, codec));
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            BinaryTypeCodec<T> codec) {
        return useAsync(c -> c.setTypeCodec(typeName, schema, javaType, codec));
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            TupleTypeCodec<T> codec) {
        return useAsync(c -> c.setTypeCodec(typeName, schema, javaType, codec));
    }

    @Override
    public CompletableFuture<Void> reloadSchemaState() {
        return useAsync(AsyncConnection::reloadSchemaState);
    }

    @Override
    public boolean isInTransaction() {
        return use().isInTransaction();
    }

    /** Returns whether this connection can no longer be used: returned to the pool, or closed. */
    @Override
    public boolean isClosed() {
        return lease.isReleased() || view.isClosed();
    }

    @Override
    public int getServerPid() {
        return use().getServerPid();
    }

    @Override
    public String getServerVersion() {
        return use().getServerVersion();
    }

    @Override
    public Map<String, String> getSettings() {
        return use().getSettings();
    }

    /** Returns the connection to the pool; the future completes when the pool has it back (never fails). */
    @Override
    public CompletableFuture<Void> closeAsync() {
        return lease.release();
    }

    /** Closes the pooled connection itself at once; the pool replaces it. */
    @Override
    public void terminate() {
        if (!lease.isReleased()) {
            view.terminate();
            lease.release();
        }
    }

    /** Returns the connection to the pool and waits until it has it back. */
    @Override
    public void close() {
        closeAsync().join();
    }

    @Override
    public String toString() {
        return lease.isReleased() ? "pooled connection (returned to the pool)"
                : "pooled connection (server process " + view.getServerPid() + ")";
    }
}
