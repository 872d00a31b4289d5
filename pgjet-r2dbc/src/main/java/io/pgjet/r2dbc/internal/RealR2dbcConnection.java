package io.pgjet.r2dbc.internal;

import io.pgjet.AsyncConnection;
import io.pgjet.CommandStatus;
import io.pgjet.CopyOptions;
import io.pgjet.CopySource;
import io.pgjet.Notice;
import io.pgjet.Notification;
import io.pgjet.QueryResult;
import io.pgjet.r2dbc.PgJetR2dbcConnection;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

/**
 * The R2DBC connection over one PgJet {@link AsyncConnection}. Statements become PgJet requests
 * (pipelined when issued concurrently); transaction control is plain SQL on the same
 * connection, so PgJet's view of the transaction state (from ReadyForQuery) is the truth.
 * With auto-commit off, the first statement outside a transaction begins one.
 */
public final class RealR2dbcConnection implements PgJetR2dbcConnection {
    private final AsyncConnection async;
    private final Queue<Notice> notices = new ConcurrentLinkedQueue<>();
    private volatile boolean autoCommit = true;
    private volatile IsolationLevel sessionIsolation;
    private volatile IsolationLevel transactionIsolation;

    private RealR2dbcConnection(AsyncConnection async, IsolationLevel isolation) {
        this.async = async;
        this.sessionIsolation = isolation;
        async.addLogListener(notices::add);
    }

    /** Wraps an open PgJet connection, reading the session's isolation level first. */
    public static CompletableFuture<RealR2dbcConnection> open(AsyncConnection async) {
        return async.<String>fetchVal("SELECT current_setting('default_transaction_isolation')")
                .handle((level, error) -> {
                    if (error != null) {
                        async.terminate();
                        throw new java.util.concurrent.CompletionException(error);
                    }
                    return new RealR2dbcConnection(async, Isolations.of(level));
                });
    }

    // ---- statements ---------------------------------------------------------------------------

    @Override
    public Statement createStatement(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        return new PgStatement(this, sql);
    }

    @Override
    public Batch createBatch() {
        return new PgBatch(this);
    }

    /** Returns a publisher that runs {@code sql} once per parameter set when first asked. */
    Publisher<Result> execute(SqlText sql, List<Object[]> sets, int fetchSize) {
        return new ConcatMapPublisher<List<Result>, Result>(new FuturePublisher<>(() -> issue(sql, sets, fetchSize)),
                ListPublisher::new);
    }

    private CompletableFuture<List<Result>> issue(SqlText sql, List<Object[]> sets, int fetchSize) {
        boolean begin = !autoCommit && !async.isInTransaction();
        boolean lobs = BindValues.hasLobs(sets);
        if (!begin && !lobs) {
            return run(sql, sets, fetchSize, async.isInTransaction());
        }
        CompletableFuture<?> before = begin ? async.execute("BEGIN") : CompletableFuture.completedFuture(null);
        CompletableFuture<List<Object[]>> values = lobs ? BindValues.resolve(sets) : CompletableFuture.completedFuture(sets);
        return before.thenCombine(values, (ignored, resolved) -> resolved)
                .thenCompose(resolved -> run(sql, resolved, fetchSize, begin || async.isInTransaction()));
    }

    private CompletableFuture<List<Result>> run(SqlText sql, List<Object[]> sets, int fetchSize, boolean inTransaction) {
        if (sql.isMultiStatement() && sets.size() == 1 && sets.get(0).length == 0) {
            return linked(async.executeScript(sql.sql()), (results, error) -> {
                List<Result> out = new ArrayList<>();
                if (error != null) {
                    out.add(PgResult.of(List.of(Segments.error(error))));
                    return out;
                }
                for (QueryResult result : results) {
                    out.add(PgResult.of(Segments.of(result, drainNotices())));
                }
                return out;
            });
        }
        if (sets.size() > 1 && sql.isSingleRowInsert()) {
            return CompletableFuture.completedFuture(batchInsert(sql, sets));
        }
        List<Result> results = new ArrayList<>(sets.size());
        for (Object[] args : sets) {
            results.add(single(sql, args, fetchSize, inTransaction));
        }
        return CompletableFuture.completedFuture(results);
    }

    private Result single(SqlText sql, Object[] args, int fetchSize, boolean inTransaction) {
        if (RowSource.streams(fetchSize, sql)) {
            return new PgResult(RowSource.stream(async, fetchSize, sql.sql(), args, inTransaction));
        }
        return PgResult.of(linked(async.fetchResult(sql.sql(), args), (result, error) -> error != null
                ? List.of(Segments.error(error)) : Segments.of(result, drainNotices())));
    }

    /**
     * Runs a batch of single-row INSERTs as one pipelined executeMany (one Sync: all or nothing,
     * one commit). Each binding inserts one row, so each result reports 1; should the total
     * differ (a trigger skipped rows) the first result reports the total and the others 0.
     */
    private List<Result> batchInsert(SqlText sql, List<Object[]> sets) {
        CompletableFuture<Long> total = async.executeMany(sql.sql(), sets);
        int n = sets.size();
        List<Result> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            results.add(PgResult.of(linked(total, (count, error) -> {
                if (error != null) {
                    return List.of(Segments.error(error));
                }
                long each = count == n ? 1 : count == 0 ? 0 : index == 0 ? count : 0;
                return List.of(new Segments.UpdateCount(each));
            })));
        }
        return results;
    }

    private List<Notice> drainNotices() {
        if (notices.isEmpty()) {
            return List.of();
        }
        List<Notice> drained = new ArrayList<>();
        for (Notice notice; (notice = notices.poll()) != null; ) {
            drained.add(notice);
        }
        return drained;
    }

    /**
     * Returns {@code source} mapped by {@code mapper}, where cancelling the result cancels
     * {@code source} (so unsubscribing reaches PgJet, which sends a cancel request).
     */
    private static <A, B> CompletableFuture<B> linked(CompletableFuture<A> source, BiFunction<A, Throwable, B> mapper) {
        CompletableFuture<B> out = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                source.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        source.whenComplete((value, error) -> {
            try {
                out.complete(mapper.apply(value, error));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    // ---- transactions -------------------------------------------------------------------------

    private Publisher<Void> sql(String sql) {
        return new FuturePublisher<Void>(() -> async.execute(sql).thenApply(status -> null));
    }

    private Publisher<Void> sqlIf(java.util.function.BooleanSupplier condition, String sql, Runnable after) {
        return new FuturePublisher<Void>(() -> {
            if (!condition.getAsBoolean()) {
                after.run();
                return CompletableFuture.completedFuture(null);
            }
            return async.execute(sql).thenApply(status -> {
                after.run();
                return null;
            });
        });
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return sqlIf(() -> !async.isInTransaction(), "BEGIN", () -> { });
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException("definition must not be null");
        }
        IsolationLevel isolation = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
        String begin = Isolations.beginSql(definition);
        return sqlIf(() -> !async.isInTransaction(), begin, () -> transactionIsolation = isolation);
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return sqlIf(async::isInTransaction, "COMMIT", () -> transactionIsolation = null);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return sqlIf(async::isInTransaction, "ROLLBACK", () -> transactionIsolation = null);
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        String savepoint = "SAVEPOINT " + Isolations.identifier(name);
        return new FuturePublisher<Void>(() -> async.execute(async.isInTransaction() ? savepoint : "BEGIN; " + savepoint)
                .thenApply(status -> null));
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return sql("RELEASE SAVEPOINT " + Isolations.identifier(name));
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return sql("ROLLBACK TO SAVEPOINT " + Isolations.identifier(name));
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit && !async.isInTransaction();
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean enabled) {
        return sqlIf(() -> enabled && async.isInTransaction(), "COMMIT", () -> {
            autoCommit = enabled;
            if (enabled) {
                transactionIsolation = null;
            }
        });
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        IsolationLevel current = transactionIsolation;
        return current != null && async.isInTransaction() ? current : sessionIsolation;
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
        if (level == null) {
            throw new IllegalArgumentException("isolation level must not be null");
        }
        return new FuturePublisher<Void>(() -> async.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL "
                + level.asSql()).thenApply(status -> {
                    sessionIsolation = level;
                    return null;
                }));
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return sql("SET lock_timeout = " + Isolations.millis(timeout));
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return sql("SET statement_timeout = " + Isolations.millis(timeout));
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        if (depth == null) {
            throw new IllegalArgumentException("depth must not be null");
        }
        return new FuturePublisher<>(() -> {
            if (async.isClosed()) {
                return CompletableFuture.completedFuture(false);
            }
            if (depth == ValidationDepth.LOCAL) {
                return CompletableFuture.completedFuture(true);
            }
            return async.fetchVal("SELECT 1").handle((value, error) -> error == null);
        });
    }

    @Override
    public Publisher<Void> close() {
        return new FuturePublisher<Void>(() -> async.isClosed() ? CompletableFuture.completedFuture(null) : async.closeAsync());
    }

    @Override
    public ConnectionMetadata getMetadata() {
        String version = async.getServerVersion();
        return new ConnectionMetadata() {
            @Override
            public String getDatabaseProductName() {
                return "PostgreSQL";
            }

            @Override
            public String getDatabaseVersion() {
                return version;
            }
        };
    }

    // ---- PgJet extensions ---------------------------------------------------------------------

    @Override
    public Publisher<Long> copyIn(String table, Publisher<ByteBuffer> data, CopyOptions options) {
        if (table == null || data == null || options == null) {
            throw new IllegalArgumentException("table, data and options must not be null");
        }
        return new FuturePublisher<>(() -> async.copyToTable(table, CopySource.of(FlowAdapters.toFlowPublisher(data)),
                options).thenApply(CommandStatus::rowCount));
    }

    @Override
    public Publisher<Long> copyInRecords(String table, Publisher<?> records, String... columns) {
        if (table == null || records == null) {
            throw new IllegalArgumentException("table and records must not be null");
        }
        return new FuturePublisher<>(() -> async.copyRecordsToTable(table, FlowAdapters.toFlowPublisher(records), columns)
                .thenApply(CommandStatus::rowCount));
    }

    @Override
    public Publisher<ByteBuffer> copyOut(String query, CopyOptions options) {
        if (query == null || options == null) {
            throw new IllegalArgumentException("query and options must not be null");
        }
        return new CopyOutPublisher(sink -> async.copyFromQuery(query, sink, options));
    }

    @Override
    public Publisher<Notification> notifications(String channel) {
        if (channel == null) {
            throw new IllegalArgumentException("channel must not be null");
        }
        return FlowAdapters.toPublisher(async.notifications(channel));
    }

    @Override
    public AsyncConnection unwrap() {
        return async;
    }

    @Override
    public String toString() {
        return "PgJetR2dbcConnection{pid=" + async.getServerPid() + "}";
    }
}
