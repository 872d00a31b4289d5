package io.pgjet.internal.conn;

import io.pgjet.QueryResult;
import io.pgjet.internal.batch.BatchedInserts;
import io.pgjet.internal.batch.PublisherBatchSource;
import io.pgjet.internal.blocking.Awaiter;
import io.pgjet.internal.copy.CopyInWriter;
import io.pgjet.internal.cursor.CursorPublisher;
import io.pgjet.internal.cursor.PortalCursor;
import io.pgjet.internal.cursor.ScrollCursor;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncCursor;
import io.pgjet.AsyncPreparedStatement;
import io.pgjet.AsyncTransaction;
import io.pgjet.TransactionOptions;
import io.pgjet.CommandStatus;
import io.pgjet.ConnectionConfig;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.CopySource;
import io.pgjet.Notice;
import io.pgjet.Notification;
import io.pgjet.PgException;
import io.pgjet.PgInterfaceException;
import io.pgjet.QueryRecord;
import io.pgjet.internal.observe.Observers;
import io.pgjet.internal.observe.ServerInfos;
import io.pgjet.observe.Operation;
import io.pgjet.observe.OperationKind;
import io.pgjet.observe.PgJetListener;
import io.pgjet.observe.ServerInfo;
import io.pgjet.Row;
import io.pgjet.internal.engine.BindCommand;
import io.pgjet.internal.engine.BatchSource;
import io.pgjet.internal.engine.BindEncoder;
import io.pgjet.internal.engine.CloseCommand;
import io.pgjet.internal.engine.CopyInCommand;
import io.pgjet.internal.engine.CopyOutCommand;
import io.pgjet.internal.engine.ExecuteManyCommand;
import io.pgjet.internal.engine.ExecuteCommand;
import io.pgjet.internal.engine.ParameterLimit;
import io.pgjet.internal.engine.PrepareCommand;
import io.pgjet.internal.engine.QueryCommand;
import io.pgjet.internal.engine.PreparedInfo;
import io.pgjet.internal.engine.ResultCommand;
import io.pgjet.internal.engine.SimpleQueryCommand;
import io.pgjet.internal.stream.RowPublisher;
import io.pgjet.internal.stream.RowQueue;
import io.pgjet.internal.engine.StatementRef;
import io.pgjet.internal.engine.Transport;
import io.pgjet.internal.net.Connector;
import io.pgjet.internal.net.Dialer;
import io.pgjet.internal.net.NettyDialer;
import io.pgjet.internal.socket.SocketDialer;
import io.pgjet.internal.net.NettyRuntime;
import io.pgjet.internal.copy.CopyOperations;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.internal.types.UserCodecs;
import io.pgjet.types.JsonMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The implementation of {@link AsyncConnection}: turns each verb into an engine command and
 * submits it to the connection's I/O. Views made by {@link #withTimeout} share the connection
 * and differ only in their default timeout.
 */
public final class RealConnection implements AsyncConnection, Awaiter.Source, io.pgjet.internal.stream.StreamSource {
    /** Rows per round trip of a cursor read as a stream, as asyncpg's default. */
    public static final int DEFAULT_PREFETCH = 50;
    private static final boolean BLOCKING_ON_EVENT_LOOPS = "eventloop".equals(System.getProperty("pgjet.blockingTransport"));
    private static final AtomicLong CURSOR_NAMES = new AtomicLong();
    private final Transport io;
    private final ConnectionListeners listeners;
    private final StatementCache statements;
    private final Transactions transactions;
    /** Sets the session's application_name for listeners that ask (a bound value: nothing to escape). */
    private static final String SET_APPLICATION_NAME = "select pg_catalog.set_config('application_name', $1, false)";
    private final SessionTypes types;
    /** What rewriteBatchedInserts knows per SQL text; null when the option is off. */
    private final BatchedInserts batchedInserts;
    private final long timeoutNanos;
    private final QueryCommand.StaleRetry staleRetry = this::retryStale;
    /** The server and database listeners are told about. */
    private final ServerInfo server;

    private RealConnection(Transport io, ConnectionListeners listeners, StatementCache statements,
            Transactions transactions, SessionTypes types, BatchedInserts batchedInserts, long timeoutNanos,
            ServerInfo server) {
        this.server = server;
        this.types = types;
        this.batchedInserts = batchedInserts;
        this.io = io;
        this.listeners = listeners;
        this.statements = statements;
        this.transactions = transactions;
        this.timeoutNanos = timeoutNanos;
    }

    /** Connects per {@code config} on PgJet's event loops; see {@link Connector#connect}. */
    public static CompletableFuture<RealConnection> connect(ConnectionConfig config) {
        return connect(config, NettyDialer.INSTANCE);
    }

    /**
     * Connects per {@code config} for blocking use: over the caller-driven socket, connecting on
     * the calling thread, unless {@code -Dpgjet.blockingTransport=eventloop} asks for PgJet's
     * event loops (the transport of the asynchronous API).
     */
    public static CompletableFuture<RealConnection> connectBlocking(ConnectionConfig config) {
        return connect(config, BLOCKING_ON_EVENT_LOOPS ? NettyDialer.INSTANCE : SocketDialer.INSTANCE);
    }

    /**
     * Connects like {@link #connectBlocking} from a worker thread, for callers that must not block
     * (a pool opening connections from its timer or a callback).
     */
    public static CompletableFuture<RealConnection> connectBlockingOffThread(ConnectionConfig config) {
        // Connected inside the task, not in a stage after it: a stage added to an already completed
        // future would run on the caller.
        return CompletableFuture.supplyAsync(() -> connectBlocking(config), NettyRuntime.shared().blockingWork())
                .thenCompose(connecting -> connecting);
    }

    /**
     * Connects per {@code config} over the transport {@code dialer} opens: the event loops
     * ({@link NettyDialer}) or the caller-driven socket ({@link SocketDialer},
     * which connects on the calling thread).
     */
    public static CompletableFuture<RealConnection> connect(ConnectionConfig config, Dialer dialer) {
        ConnectionListeners listeners = new ConnectionListeners(config.listeners());
        PgJetListener observer = listeners.observer();
        if (observer == null) {
            return connectObserved(config, dialer, listeners);
        }
        Observers.Started started = Observers.start(observer,
                new Operation(OperationKind.CONNECT, null, null, null, ServerInfos.configured(config)));
        CompletableFuture<RealConnection> connecting;
        try {
            connecting = connectObserved(config, dialer, listeners);
        } catch (RuntimeException e) {
            connecting = CompletableFuture.failedFuture(e);
        }
        return started.end(connecting, null, null);
    }

    private static CompletableFuture<RealConnection> connectObserved(ConnectionConfig config, Dialer dialer,
            ConnectionListeners listeners) {
        Duration timeout = config.commandTimeout();
        long nanos = timeout == null ? 0 : timeout.toNanos();
        return Connector.connect(config, listeners, dialer).thenApply(io -> {
            io.closeFuture().thenRun(listeners::terminated);
            io.session().reparseUnnamed(config.transactionPooler());
            io.session().replication(config.replication());
            StatementCache cache = new StatementCache(config.transactionPooler() ? 0 : config.statementCacheSize(),
                    config.statementCacheMaxLifetime().toNanos(), config.maxCacheableStatementSize());
            SessionTypes types = new SessionTypes(io.session(), io.serverKey() + "/" + config.database(),
                    JsonMapper.STRINGS_ONLY);
            return new RealConnection(io, listeners, cache, new Transactions(), types,
                    config.rewriteBatchedInserts() ? new BatchedInserts() : null, nanos,
                    ServerInfos.connected(io.serverAddress(), config));
        });
    }

    @Override
    public Awaiter awaiter() {
        return io;
    }

    /**
     * Takes in, without blocking, what an idle connection received — typically the server's FATAL
     * before it ended the session — so a pool notices a free caller-driven connection the server
     * closed; the event-loop transport reads while idle anyway.
     */
    public void pollIdle() {
        io.pollIdle();
    }

    /** Returns the connection's I/O binding; for PgJet's own packages and tests. */
    public Transport io() {
        return io;
    }

    private <T, C extends ResultCommand<T>> CompletableFuture<T> submit(C command) {
        if (io.session().replication() && !ReplicationGuard.allows(command)) {
            return CompletableFuture.failedFuture(ReplicationGuard.refused(command));
        }
        return io.submit(command, timeoutNanos).future();
    }

    @Override
    public CompletableFuture<CommandStatus> execute(String sql, Object... args) {
        if (args == null || args.length == 0) {
            PgJetListener observer = listeners.observer();
            if (observer == null) {
                return lastStatus(simpleQuery(sql));
            }
            Observers.Started started = start(observer, OperationKind.QUERY, sql, null, null);
            return started.end(lastStatus(simpleQuery(sendable(started, sql))), status -> status == null ? -1 : status.rowCount(),
                    status -> status == null ? null : status.tag());
        }
        return run(sql, args, StatementResult::status);
    }

    /**
     * Returns the SQL to send for a started query (with the listeners' comment, if any), after
     * submitting the application name they ask for, so it is set when the statement runs.
     */
    private String sendable(Observers.Started started, String sql) {
        String applicationName = started.applicationName();
        if (applicationName != null) {
            // Its answer is not awaited and its failure ignored: the statement after it decides.
            runQuery(SET_APPLICATION_NAME, new Object[] {applicationName}, r -> r).exceptionally(error -> null);
        }
        return started.commented(sql);
    }

    private static CompletableFuture<CommandStatus> lastStatus(CompletableFuture<List<StatementResult>> results) {
        return results.thenApply(list -> list.isEmpty() ? null : list.get(list.size() - 1).status());
    }

    /** Reports {@code kind} as started to {@code observer} (not null), on the calling thread. */
    private Observers.Started start(PgJetListener observer, OperationKind kind, String sql, String table, Object[] args) {
        return Observers.start(observer, new Operation(kind, sql, table, args, server, transactions.observedTransaction()));
    }

    /**
     * Runs {@code request} as an operation the listeners hear about, if there are any (else it
     * costs one field read): its start now, its end when its answer arrives.
     */
    private <T> CompletableFuture<T> observed(OperationKind kind, String sql, String table, Object[] args,
            Supplier<CompletableFuture<T>> request, ToLongFunction<T> rows, Function<T, String> tag) {
        PgJetListener observer = listeners.observer();
        if (observer == null) {
            return request.get();
        }
        Observers.Started started = start(observer, kind, sql, table, args);
        CompletableFuture<T> result;
        try {
            result = request.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return started.end(result, rows, tag);
    }

    private static long rowCount(StatementResult result) {
        return result.status() != null && result.rows().isEmpty() ? result.status().rowCount() : result.rows().size();
    }

    private static String tag(StatementResult result) {
        return result.status() == null ? null : result.status().tag();
    }

    private static long copyRows(CommandStatus status) {
        return status == null ? -1 : status.rowCount();
    }

    private static String copyTag(CommandStatus status) {
        return status == null ? null : status.tag();
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return run(sql, args, StatementResult::rows);
    }

    @Override
    public CompletableFuture<QueryResult> fetchResult(String sql, Object... args) {
        return run(sql, args, RealConnection::publicResult);
    }

    @Override
    public CompletableFuture<List<QueryResult>> executeScript(String sql) {
        PgJetListener observer = listeners.observer();
        if (observer == null) {
            return simpleQuery(sql).thenApply(RealConnection::publicResults);
        }
        Observers.Started started = start(observer, OperationKind.QUERY, sql, null, null);
        return started.end(simpleQuery(sendable(started, sql)).thenApply(RealConnection::publicResults),
                results -> results.isEmpty() || results.get(results.size() - 1).status() == null ? -1
                        : results.get(results.size() - 1).status().rowCount(),
                results -> results.isEmpty() || results.get(results.size() - 1).status() == null ? null
                        : results.get(results.size() - 1).status().tag());
    }

    private static QueryResult publicResult(StatementResult result) {
        return new QueryResult(result.rows(), result.status());
    }

    private static List<QueryResult> publicResults(List<StatementResult> results) {
        List<QueryResult> out = new ArrayList<>(results.size());
        for (StatementResult result : results) {
            // an empty script gets the server's EmptyQueryResponse (no status): it is no statement
            if (result.status() != null || !result.rows().isEmpty()) {
                out.add(publicResult(result));
            }
        }
        return out;
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return run(sql, args, result -> result.rows().isEmpty() ? null : result.rows().get(0));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> fetchVal(String sql, Object... args) {
        return run(sql, args, result -> result.rows().isEmpty() ? null : (T) result.rows().get(0).get(0));
    }

    @Override
    public <R extends Record> CompletableFuture<List<R>> fetch(Class<R> type, String sql, Object... args) {
        return run(sql, args, result -> {
            List<R> mapped = new java.util.ArrayList<>(result.rows().size());
            for (Row row : result.rows()) {
                mapped.add(row.as(type));
            }
            return mapped;
        });
    }

    @Override
    public <R extends Record> CompletableFuture<R> fetchRow(Class<R> type, String sql, Object... args) {
        return run(sql, args, result -> result.rows().isEmpty() ? null : result.rows().get(0).as(type));
    }

    /**
     * Runs one statement. Cacheable SQL runs as a named prepared statement: the first time it is
     * parsed and described, then bound and executed (two round trips, later requests held back to
     * keep their order); later executions only Bind and Execute (one round trip). Other SQL runs
     * the same way on the unnamed statement.
     */
    public CompletableFuture<StatementResult> query(String sql, Object... args) {
        return run(sql, args, result -> result);
    }

    /**
     * Runs one statement and maps its result on the I/O thread, so a verb costs one future.
     * With listeners the raw result is reported first.
     */
    private <T> CompletableFuture<T> run(String sql, Object[] args, Function<StatementResult, T> mapper) {
        PgJetListener observer = listeners.observer();
        if (observer == null) {
            return runQuery(sql, args, mapper);
        }
        Observers.Started started = start(observer, OperationKind.QUERY, sql, null, args);
        CompletableFuture<StatementResult> result;
        try {
            String sent = sendable(started, sql);
            // A commented text is new every time: it runs on the unnamed statement, not cached.
            result = sent == sql ? runQuery(sql, args, r -> r) : runUncached(sent, args);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return started.end(result, RealConnection::rowCount, RealConnection::tag, mapper);
    }

    private <T> CompletableFuture<T> runQuery(String sql, Object[] args, Function<StatementResult, T> mapper) {
        if (args != null && args.length > ParameterLimit.MAX) {
            // Refused before the statement is even parsed: nothing is sent, the connection is untouched.
            return CompletableFuture.failedFuture(ParameterLimit.tooMany(args.length, "the call"));
        }
        return runQuery(sql, parameters(args), mapper);
    }

    private CompletableFuture<StatementResult> runUncached(String sql, Object[] args) {
        if (args != null && args.length > ParameterLimit.MAX) {
            return CompletableFuture.failedFuture(ParameterLimit.tooMany(args.length, "the call"));
        }
        return submit(new QueryCommand<>(new StatementRef("", sql), parameters(args), types, "", 0, true,
                result -> result, null));
    }

    private <T> CompletableFuture<T> runQuery(String sql, BindEncoder parameters, Function<StatementResult, T> mapper) {
        return runQuery(sql, parameters, mapper, staleRetry);
    }

    private <T> CompletableFuture<T> runQuery(String sql, BindEncoder parameters, Function<StatementResult, T> mapper,
            QueryCommand.StaleRetry retry) {
        Statement statement = statementFor(sql);
        return track(statement, submit(new QueryCommand<>(statement.ref(), parameters, types,
                "", 0, true, mapper, retry)));
    }

    /**
     * A cached statement the server no longer accepts (schema change, DISCARD) is prepared again,
     * and a result whose user type turned out to be altered is read again; the call is retried
     * once, unless that is unsafe (see {@link StaleStatements#mayRetry}).
     */
    private <T> CompletableFuture<T> retryStale(QueryCommand<T> failed, io.pgjet.PgJetException error,
            byte transactionStatus) {
        if (!StaleStatements.isStale(error, failed.preparedStatement())) {
            return null;
        }
        if (error instanceof PgException) {
            statements.invalidate(failed.statement());
        }
        boolean retry = StaleStatements.mayRetry(error, transactionStatus, failed.statement().sql(), failed.commandTag());
        StaleStatements.log(error, retry);
        return retry ? runQuery(failed.statement().sql(), failed.parameters(), failed.mapper(), null) : null;
    }

    /** A statement to run: the cached (or unnamed) reference and whether it must be prepared first. */
    private record Statement(StatementRef ref, boolean needsPrepare, boolean cached) {}

    private Statement statementFor(String sql) {
        if (!statements.accepts(sql)) {
            return new Statement(new StatementRef("", sql), true, false);
        }
        StatementCache.Lookup lookup = statements.lookup(sql);
        for (StatementRef evicted : lookup.evicted()) {
            // Closed even while its preparation is still in flight: the Close is queued behind it,
            // and closing a statement that never came to exist is not an error.
            io.submit(new CloseCommand(evicted.name(), false), 0);
        }
        return new Statement(lookup.statement(), lookup.needsPrepare(), true);
    }

    /** Returns the Bind encoder of one execution's arguments. */
    private BindEncoder parameters(Object[] args) {
        return new BinaryParameters(args, types);
    }

    /** Returns the codec context (registry + session facts) for encoding outside a statement, e.g. binary COPY. */
    public io.pgjet.internal.types.CodecContext codecContext() {
        return types.context();
    }

    /** Returns the Bind encoder for {@code args} (for engine-level tests). */
    public BindEncoder bindEncoderFor(Object[] args) {
        return parameters(args);
    }

    /** Returns the type resolver commands of this connection use (for engine-level tests). */
    public io.pgjet.internal.engine.TypeResolver typeResolver() {
        return types;
    }

    /** Returns this connection's type system (for PgJet's own packages). */
    SessionTypes types() {
        return types;
    }

    /** Drops a cached statement whose preparation failed, so the next use prepares it again. */
    private <T> CompletableFuture<T> track(Statement statement, CompletableFuture<T> result) {
        if (statement.cached() && statement.needsPrepare()) {
            result.whenComplete((value, error) -> {
                if (statement.ref().failure() != null) {
                    statements.invalidate(statement.ref());
                }
            });
        }
        return result;
    }

    /**
     * Executes {@code sql} once per parameter set, pipelined under one Sync (all or nothing);
     * completes with the total row count. With {@code rewriteBatchedInserts} a plain single-row
     * INSERT ... VALUES runs as one multi-row insert per chunk of rows instead (see
     * {@link #insertBatch}); only this variant does that, not fetchMany, the publisher variant
     * nor prepared statements.
     */
    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets) {
        Iterator<Object[]> rows = parameterSets.iterator();
        CompletableFuture<ExecuteManyCommand.Outcome> outcome = batchedInserts == null
                ? batch(sql, rows, false)
                : observed(OperationKind.BATCH, sql, null, null, () -> insertBatch(sql, rows),
                        ExecuteManyCommand.Outcome::rowCount, null);
        return outcome.thenApply(ExecuteManyCommand.Outcome::rowCount);
    }

    /**
     * executeMany with {@code rewriteBatchedInserts}: when {@code sql} has the shape
     * {@link BatchedInsertSql} rewrites, there are at least two rows and its parameter types
     * allow it, the batch executes the rewritten statement once per chunk of rows
     * ({@link InsertChunks}), still under one Sync; otherwise it runs as any batch.
     *
     * <p>The first time a text is seen its statement is described (through the statement cache,
     * so a later ordinary use reuses it) inside the batch's own command, which then decides and
     * swaps in the rewritten statement: requests issued after the batch still run after it. Later
     * batches of the text know the decision and go straight to the rewritten statement.
     */
    private CompletableFuture<ExecuteManyCommand.Outcome> insertBatch(String sql, Iterator<Object[]> rows) {
        BatchedInserts.Entry entry = batchedInserts.entry(sql);
        // The SQL tokenizer reads '...' as a standard string: with the (deprecated) setting off,
        // a backslash would escape the quote and the rewrite could misread the statement.
        if (!entry.mayRewrite() || !"on".equals(io.session().parameter("standard_conforming_strings"))) {
            return plainBatch(sql, BatchSource.of(rows), false);
        }
        BatchedInserts.PeekedRows peeked = new BatchedInserts.PeekedRows(rows, 2);
        if (!peeked.hasAtLeast(2)) {
            return plainBatch(sql, BatchSource.of(peeked), false); // a single row gains nothing from an array
        }
        Statement rewritten = statementFor(entry.rewrittenSql());
        // Once decided, the original statement is not needed; the placeholder is only prepared
        // (unnamed) if the decision is forgotten meanwhile (reloadSchemaState on another thread).
        Statement original = entry.decided() ? new Statement(new StatementRef("", sql), true, false) : statementFor(sql);
        ExecuteManyCommand.Rewrite rewrite = batchedInserts.rewrite(entry, rewritten.ref(), peeked, types,
                remaining -> plainBatch(sql, BatchSource.of(remaining), false),
                () -> statements.invalidate(rewritten.ref()));
        CompletableFuture<ExecuteManyCommand.Outcome> outcome = submit(new ExecuteManyCommand(original.ref(),
                BatchSource.of(peeked), this::parameters, false, types, rewrite));
        return track(rewritten, track(original, outcome));
    }

    /** Executes {@code sql} once per parameter set, reporting each execution's row count (never rewritten). */
    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets,
            java.util.function.LongConsumer rowCounts) {
        java.util.Objects.requireNonNull(rowCounts, "rowCounts");
        BatchSource source = BatchSource.of(parameterSets.iterator());
        return observed(OperationKind.BATCH, sql, null, null, () -> {
            Statement statement = statementFor(sql);
            ExecuteManyCommand command = new ExecuteManyCommand(statement.ref(), source, this::parameters, false, types);
            command.reportCounts(rowCounts);
            return track(statement, submit(command));
        }, ExecuteManyCommand.Outcome::rowCount, null).thenApply(ExecuteManyCommand.Outcome::rowCount);
    }

    /** Executes {@code sql} once per parameter set and returns every row the executions returned. */
    @Override
    public CompletableFuture<List<Row>> fetchMany(String sql, Iterable<Object[]> parameterSets) {
        return batch(sql, parameterSets.iterator(), true).thenApply(ExecuteManyCommand.Outcome::rows);
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Flow.Publisher<Object[]> parameterSets) {
        return batch(sql, PublisherBatchSource.subscribe(parameterSets), false).thenApply(ExecuteManyCommand.Outcome::rowCount);
    }

    private CompletableFuture<ExecuteManyCommand.Outcome> batch(String sql, Iterator<Object[]> source, boolean collect) {
        return batch(sql, BatchSource.of(source), collect);
    }

    private CompletableFuture<ExecuteManyCommand.Outcome> batch(String sql, BatchSource source, boolean collect) {
        return observed(OperationKind.BATCH, sql, null, null, () -> plainBatch(sql, source, collect),
                ExecuteManyCommand.Outcome::rowCount, null);
    }

    /** Runs a batch one execution per parameter set, without logging it. */
    private CompletableFuture<ExecuteManyCommand.Outcome> plainBatch(String sql, BatchSource source, boolean collect) {
        Statement statement = statementFor(sql);
        return track(statement, submit(new ExecuteManyCommand(statement.ref(), source, this::parameters, collect, types)));
    }

    /** Binds {@code sql} to a named portal without executing it (the seed's BIND state). */
    public CompletableFuture<PortalCursor.Bound> bindPortal(String sql, String portal, Object[] args) {
        Statement statement = statementFor(sql);
        return track(statement, bindPortal(statement.ref(), portal, args));
    }

    /** Binds an already prepared {@code statement} to the named {@code portal} without executing it. */
    public CompletableFuture<PortalCursor.Bound> bindPortal(StatementRef statement, String portal, Object[] args) {
        return submit(QueryCommand.of(statement, parameters(args), types, portal, 0, false))
                .thenApply(result -> new PortalCursor.Bound(statement, result));
    }

    /** Opens a forward-only cursor over an explicitly prepared statement. */
    CompletableFuture<AsyncCursor> openCursor(StatementRef statement, Object[] args) {
        return PortalCursor.open(this, "pgjet_cursor_" + CURSOR_NAMES.incrementAndGet(), statement, args);
    }

    /** Submits any result command with this view's timeout. */
    <T> CompletableFuture<T> submitCommand(ResultCommand<T> command) {
        return submit(command);
    }

    /** Executes an explicitly prepared statement (Bind/Execute, one round trip). */
    CompletableFuture<StatementResult> runPrepared(StatementRef statement, Object[] args) {
        return observed(OperationKind.QUERY, statement.sql(), null, args,
                () -> submit(new QueryCommand<>(statement, parameters(args), types, "", 0, true, result -> result,
                        this::retryOutdatedType)), RealConnection::rowCount, RealConnection::tag);
    }

    /** An explicitly prepared statement is re-run once when its result showed an altered type, if safe. */
    private <T> CompletableFuture<T> retryOutdatedType(QueryCommand<T> failed, io.pgjet.PgJetException error,
            byte transactionStatus) {
        return error instanceof io.pgjet.types.OutdatedSchemaCacheException
                && StaleStatements.mayRetry(error, transactionStatus, failed.statement().sql(), failed.commandTag())
                ? submit(new QueryCommand<>(failed.statement(), failed.parameters(), types, "", 0, true, failed.mapper(), null))
                : null;
    }

    /** Runs a batch of an explicitly prepared statement. */
    CompletableFuture<Long> executeManyPrepared(StatementRef statement, Iterable<Object[]> parameterSets) {
        return observed(OperationKind.BATCH, statement.sql(), null, null,
                () -> submit(new ExecuteManyCommand(statement, BatchSource.of(parameterSets.iterator()), this::parameters,
                        false, types)), ExecuteManyCommand.Outcome::rowCount, null)
                .thenApply(ExecuteManyCommand.Outcome::rowCount);
    }

    @Override
    public CompletableFuture<AsyncPreparedStatement> prepare(String sql) {
        return observed(OperationKind.PREPARE, sql, null, null, () -> RealPreparedStatement.prepare(this, sql), null, null);
    }

    @Override
    public CompletableFuture<AsyncPreparedStatement> prepare(String sql, String name) {
        return observed(OperationKind.PREPARE, sql, null, null, () -> RealPreparedStatement.prepare(this, sql, name),
                null, null);
    }

    /**
     * Runs {@code sql} on the unnamed statement with the given parameter types declared in its
     * Parse (for copyFromQuery's arguments, bound to the types the query's own description gave).
     */
    public CompletableFuture<StatementResult> queryDeclared(String sql, int[] parameterTypes, Object... args) {
        StatementRef statement = new StatementRef("", sql);
        statement.declareTypes(parameterTypes);
        return submit(QueryCommand.of(statement, parameters(args), types, "", 0, true));
    }

    /** Runs one statement on the unnamed statement, never cached (cursor commands, DECLARE). */
    public CompletableFuture<StatementResult> queryUncached(String sql, Object... args) {
        return submit(QueryCommand.of(new StatementRef("", sql), parameters(args), types, "", 0, true));
    }

    @Override
    public Flow.Publisher<Row> cursor(String sql, Object... args) {
        return cursor(DEFAULT_PREFETCH, sql, args);
    }

    @Override
    public Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args) {
        return new CursorPublisher(() -> openCursor(sql, args), prefetch);
    }

    @Override
    public Flow.Publisher<Row> stream(String sql, Object... args) {
        return new RowPublisher(() -> CompletableFuture.completedFuture(openStream(sql, args)));
    }

    /**
     * Submits {@code sql} as one Execute of the unnamed portal with no row limit and returns the
     * queue its rows arrive in (the engine of {@link #stream} and of the blocking stream). No
     * client-side timeout applies: the stream lasts as long as its consumer reads.
     *
     * @throws io.pgjet.PgInterfaceException for more parameters than the protocol allows
     */
    @Override
    public RowQueue openStream(String sql, Object... args) {
        if (args != null && args.length > ParameterLimit.MAX) {
            throw ParameterLimit.tooMany(args.length, "the call");
        }
        if (io.session().replication()) {
            throw ReplicationGuard.refused(null);
        }
        Statement statement = statementFor(sql);
        RowQueue queue = new RowQueue(io, io.readsOnDemand());
        PgJetListener observer = listeners.observer();
        // Reported as a query that ends when the stream does (its last row read, or cancelled).
        Observers.Started started = observer == null ? null : start(observer, OperationKind.QUERY, sql, null, args);
        CompletableFuture<CommandStatus> done;
        try {
            QueryCommand<CommandStatus> command = QueryCommand.streaming(statement.ref(), parameters(args), types, queue);
            queue.attach(command);
            done = io.submit(command, 0).future();
        } catch (RuntimeException e) {
            if (started != null) {
                started.failed(e);
            }
            throw e;
        }
        track(statement, done);
        if (started != null) {
            started.end(done, RealConnection::copyRows, RealConnection::copyTag);
        }
        return queue;
    }

    @Override
    public CompletableFuture<AsyncCursor> openCursor(String sql, Object... args) {
        return observed(OperationKind.CURSOR_OPEN, sql, null, args,
                () -> PortalCursor.open(this, "pgjet_cursor_" + CURSOR_NAMES.incrementAndGet(), sql, args), null, null);
    }

    @Override
    public CompletableFuture<AsyncCursor> openScrollableCursor(String sql, Object... args) {
        return observed(OperationKind.CURSOR_OPEN, sql, null, args,
                () -> ScrollCursor.open(this, "pgjet_cursor_" + CURSOR_NAMES.incrementAndGet(), sql, args), null, null);
    }

    /**
     * Runs a cursor's fetch or move as an operation of {@code kind} the listeners hear about
     * ({@code cursorSql} is the cursor's query), reporting the rows the result holds.
     */
    public <T> CompletableFuture<T> observedCursor(OperationKind kind, String cursorSql,
            Supplier<CompletableFuture<T>> request, ToLongFunction<T> rows) {
        return observed(kind, cursorSql, null, null, request, rows, null);
    }

    /** Runs a (multi-statement) script through the simple query protocol. */
    public CompletableFuture<List<StatementResult>> simpleQuery(String sql) {
        return submit(new SimpleQueryCommand(sql));
    }

    /** Prepares {@code sql} as statement {@code name} (Parse, Describe, Sync). */
    public CompletableFuture<PreparedInfo> prepareStatement(String name, String sql) {
        return submit(new PrepareCommand(name, sql, new int[0], types));
    }

    /** Binds and executes a prepared statement in one round trip. */
    public CompletableFuture<StatementResult> bindExecute(PreparedInfo statement, String portal, int maxRows, Object... args) {
        return submit(QueryCommand.of(StatementRef.of(statement), parameters(args), types, portal, maxRows, true));
    }

    /** Binds a prepared statement to a portal without executing it. */
    public CompletableFuture<Void> bind(PreparedInfo statement, String portal, Object... args) {
        return submit(new BindCommand(statement, portal, parameters(args)));
    }

    /** Executes (part of) an existing portal. */
    public CompletableFuture<StatementResult> executePortal(PreparedInfo statement, String portal, int maxRows) {
        return submit(new ExecuteCommand(portal, maxRows, statement.columns(), statement.sql()));
    }

    /** Executes a prepared statement once per argument list, all under one Sync. */
    public CompletableFuture<Long> executeMany(PreparedInfo statement, Iterable<Object[]> rows) {
        return submit(new ExecuteManyCommand(StatementRef.of(statement), BatchSource.of(rows.iterator()), this::parameters, false, types))
                .thenApply(ExecuteManyCommand.Outcome::executions);
    }

    /** Closes a prepared statement or a portal on the server. */
    public CompletableFuture<Void> closeServerObject(String name, boolean portal) {
        return submit(new CloseCommand(name, portal));
    }

    /** Runs {@code COPY ... TO STDOUT}, handing each chunk to {@code sink} on the I/O thread. */
    public CompletableFuture<CommandStatus> copyOut(String sql, Consumer<byte[]> sink) {
        return submit(new CopyOutCommand(sql, sink));
    }

    /**
     * Runs {@code COPY ... FROM STDIN}, sending the chunks {@code source} yields; reads the source
     * on a worker thread. A source that throws aborts the copy with CopyFail.
     */
    public CompletableFuture<CommandStatus> copyIn(String sql, Iterator<byte[]> source) {
        CopyInCommand command = io.submit(new CopyInCommand(sql), timeoutNanos);
        command.ready().thenRunAsync(() -> new CopyInWriter(io, command).pump(source),
                NettyRuntime.shared().blockingWork());
        return command.future();
    }

    @Override
    public CompletableFuture<AsyncTransaction> transaction() {
        return transaction(TransactionOptions.DEFAULT);
    }

    @Override
    public CompletableFuture<AsyncTransaction> transaction(TransactionOptions options) {
        PgJetListener observer = listeners.observer();
        if (observer == null) {
            return transactions.begin(this, options, null);
        }
        // Ended by the transaction's commit or rollback (or here, if BEGIN fails).
        Observers.Started started = start(observer, OperationKind.TRANSACTION, null, null, null);
        return transactions.begin(this, options, started);
    }

    @Override
    public CompletableFuture<CommandStatus> copyFromTable(String table, CopySink sink, CopyOptions options) {
        return observed(OperationKind.COPY_OUT, null, table, null,
                () -> CopyOperations.copyFromTable(this, table, sink, options), RealConnection::copyRows, RealConnection::copyTag);
    }

    @Override
    public CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options) {
        return observed(OperationKind.COPY_OUT, query, null, null,
                () -> CopyOperations.copyFromQuery(this, query, sink, options), RealConnection::copyRows, RealConnection::copyTag);
    }

    @Override
    public CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options,
            Object... args) {
        return observed(OperationKind.COPY_OUT, query, null, args,
                () -> CopyOperations.copyFromQuery(this, query, sink, options, args), RealConnection::copyRows,
                RealConnection::copyTag);
    }

    @Override
    public CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, CopyOptions options) {
        return observed(OperationKind.COPY_IN, null, table, null,
                () -> CopyOperations.copyRecordsToTable(this, table, records, options), RealConnection::copyRows,
                RealConnection::copyTag);
    }

    @Override
    public CompletableFuture<CommandStatus> copyToTable(String table, CopySource source, CopyOptions options) {
        return observed(OperationKind.COPY_IN, null, table, null,
                () -> CopyOperations.copyToTable(this, table, source, options), RealConnection::copyRows, RealConnection::copyTag);
    }

    @Override
    public CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, String... columns) {
        return observed(OperationKind.COPY_IN, null, table, null,
                () -> CopyOperations.copyRecordsToTable(this, table, records, columns), RealConnection::copyRows,
                RealConnection::copyTag);
    }

    @Override
    public CompletableFuture<CommandStatus> copyRecordsToTable(String table, Flow.Publisher<?> records, String... columns) {
        return observed(OperationKind.COPY_IN, null, table, null,
                () -> CopyOperations.copyRecordsToTable(this, table, records, columns), RealConnection::copyRows,
                RealConnection::copyTag);
    }

    @Override
    public AsyncConnection withTimeout(Duration timeout) {
        return withTimeoutView(timeout);
    }

    /** Returns a view of this connection with another default timeout; see {@link #withTimeout}. */
    public RealConnection withTimeoutView(Duration timeout) {
        if (timeout.isNegative()) {
            throw new PgInterfaceException("timeout must not be negative: " + timeout);
        }
        return new RealConnection(io, listeners, statements, transactions, types, batchedInserts, timeout.toNanos(),
                server);
    }

    @Override
    public CompletableFuture<Void> addListener(String channel, Consumer<Notification> listener) {
        if (behindTransactionPooler()) {
            return CompletableFuture.failedFuture(new PgInterfaceException("LISTEN does not work behind a"
                    + " transaction pooler (transactionPooler=true): notifications would go to whichever server"
                    + " connection ran the LISTEN; listen on a direct connection (or a session-mode pool) instead"));
        }
        String quoted;
        try {
            quoted = Identifiers.channel(channel); // before registering: a refused name leaves nothing behind
        } catch (PgInterfaceException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (listeners.addChannelListener(channel, listener)) {
            io.keepReadingWhileIdle(true);
            return simpleQuery("LISTEN " + quoted).thenApply(r -> null);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Returns whether this connection was opened with {@code transactionPooler}: no named statements, no LISTEN. */
    boolean behindTransactionPooler() {
        return io.session().reparsesUnnamed();
    }

    @Override
    public CompletableFuture<Void> removeListener(String channel, Consumer<Notification> listener) {
        if (listeners.removeChannelListener(channel, listener)) {
            io.keepReadingWhileIdle(listeners.hasChannelListeners());
            return simpleQuery("UNLISTEN " + Identifiers.quote(channel)).thenApply(r -> null);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Flow.Publisher<Notification> notifications(String channel) {
        return new NotificationPublisher(this, channel);
    }

    @Override
    public void addQueryLogger(Consumer<QueryRecord> logger) {
        listeners.addQueryLogger(logger);
    }

    @Override
    public void removeQueryLogger(Consumer<QueryRecord> logger) {
        listeners.removeQueryLogger(logger);
    }

    @Override
    public CompletableFuture<Void> reset() {
        CompletableFuture<?> rolledBack = isInTransaction()
                ? simpleQuery("ROLLBACK") : CompletableFuture.completedFuture(null);
        return rolledBack.thenCompose(done -> {
            transactions.clear();
            listeners.clearChannelListeners();
            io.keepReadingWhileIdle(false);
            return simpleQuery("CLOSE ALL; SELECT pg_advisory_unlock_all(); UNLISTEN *; RESET ALL; DISCARD TEMP");
        }).thenApply(done -> null);
    }

    /** Returns whether a transaction opened with {@link #transaction} is still open (for the pool's tracked reset). */
    public boolean hasOpenTransactions() {
        return transactions.hasOpen();
    }

    /** Forgets every channel listener, after an {@code UNLISTEN *} the caller sent (the pool's tracked reset). */
    public void forgetChannelListeners() {
        listeners.clearChannelListeners();
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.TextTypeCodec<T> codec) {
        return installCodec(typeName, schema, (oid, name, base) -> UserCodecs.text(oid, name, javaType, codec));
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.BinaryTypeCodec<T> codec) {
        return installCodec(typeName, schema, (oid, name, base) -> UserCodecs.binary(oid, name, javaType, codec));
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.TupleTypeCodec<T> codec) {
        return installCodec(typeName, schema, (oid, name, base) -> {
            if (base == null) {
                throw new PgInterfaceException("type " + schema + "." + typeName + " has no tuple form PgJet knows");
            }
            return UserCodecs.tuple(base, javaType, codec);
        });
    }

    /** Builds a user codec from the type's OID, name and the codec PgJet has for it now (or null). */
    private interface UserCodecFactory {
        io.pgjet.internal.types.Codec create(int oid, String name, io.pgjet.internal.types.Codec base);
    }

    private CompletableFuture<Void> installCodec(String typeName, String schema, UserCodecFactory factory) {
        // Describing a statement that uses the type makes sure composites/ranges are introspected first.
        return query("select t.oid, t.typarray from pg_catalog.pg_type t join pg_catalog.pg_namespace n"
                + " on n.oid = t.typnamespace where t.typname = $1 and n.nspname = $2", typeName, schema)
                .thenCompose(found -> {
                    if (found.rows().isEmpty()) {
                        throw new PgInterfaceException("no type \"" + schema + "\".\"" + typeName + "\" exists");
                    }
                    int oid = found.rows().get(0).getInt(0);
                    int array = found.rows().get(0).getInt(1);
                    return queryUncached("select null::" + Identifiers.quote(schema) + "." + Identifiers.quote(typeName))
                            .thenApply(described -> {
                                types.installUserCodec(factory.create(oid, typeName, types.registry().codec(oid)), array);
                                return null;
                            });
                })
                .thenCompose(done -> forgetStatements());
    }

    @Override
    public CompletableFuture<Void> reloadSchemaState() {
        types.reload();
        return forgetStatements();
    }

    private CompletableFuture<Void> forgetStatements() {
        if (batchedInserts != null) {
            batchedInserts.clear(); // parameter types and codecs may differ now
        }
        List<CompletableFuture<Void>> closes = new java.util.ArrayList<>();
        for (StatementRef statement : statements.clear()) {
            if (statement.info() != null && !isClosed()) {
                closes.add(submit(new CloseCommand(statement.name(), false)));
            }
        }
        return CompletableFuture.allOf(closes.toArray(new CompletableFuture<?>[0]));
    }

    @Override
    public void addLogListener(Consumer<Notice> listener) {
        listeners.addLogListener(listener);
    }

    @Override
    public void removeLogListener(Consumer<Notice> listener) {
        listeners.removeLogListener(listener);
    }

    @Override
    public void addTerminationListener(Runnable listener) {
        listeners.addTerminationListener(listener);
    }

    @Override
    public boolean isInTransaction() {
        return io.session().inTransaction();
    }

    @Override
    public boolean isClosed() {
        return io.isClosed();
    }

    /**
     * Returns whether the calling thread is the I/O thread serving this connection: requests
     * issued from it are written at once, without a hand-over between threads (the pool prefers
     * such a connection when a callback on an I/O thread borrows one).
     */
    public boolean servedByCurrentThread() {
        return io.inIoThread();
    }

    @Override
    public int getServerPid() {
        return io.session().processId();
    }

    @Override
    public String getServerVersion() {
        return io.session().parameter("server_version");
    }

    @Override
    public Map<String, String> getSettings() {
        return io.session().parameters();
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        return io.close();
    }

    @Override
    public void terminate() {
        io.terminate();
    }

    @Override
    public void close() {
        closeAsync().join();
    }
}
