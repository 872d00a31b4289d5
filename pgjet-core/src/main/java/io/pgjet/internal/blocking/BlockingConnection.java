package io.pgjet.internal.blocking;

import io.pgjet.QueryResult;
import io.pgjet.internal.conn.RealConnection;

import io.pgjet.AsyncConnection;
import io.pgjet.CommandStatus;
import io.pgjet.Connection;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.CopySource;
import io.pgjet.Cursor;
import io.pgjet.Isolation;
import io.pgjet.PreparedStatement;
import io.pgjet.QueryRecord;
import io.pgjet.Transaction;
import io.pgjet.TransactionOptions;
import io.pgjet.Notice;
import io.pgjet.Notification;
import io.pgjet.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import io.pgjet.PgInterfaceException;
import io.pgjet.internal.stream.BlockingRowStream;
import io.pgjet.internal.stream.RowQueue;
import io.pgjet.internal.stream.StreamSource;

/** The blocking facade: each verb calls the asynchronous connection and waits. */
public final class BlockingConnection implements Connection {
    private final AsyncConnection async;
    /** How this facade's own stream waits: unguarded. */
    private final Awaiter streamAwaiter;
    /** How every other verb waits: first refuses the call while a stream is open. */
    private final Awaiter awaiter;
    /** The queue of the stream last opened here; other calls are refused until it is over. */
    private volatile RowQueue streaming;

    /**
     * Wraps {@code async} (a connection of PgJet's own, or a pool's lease on one); each verb
     * waits the way the connection's transport wants ({@link Awaiter#of}).
     */
    public BlockingConnection(AsyncConnection async) {
        this.async = async;
        this.streamAwaiter = Awaiter.of(async);
        this.awaiter = new Awaiter() {
            @Override
            public <T> T call(Supplier<CompletableFuture<T>> request) {
                checkNotStreaming();
                return streamAwaiter.call(request);
            }
        };
    }

    /**
     * Refuses a call while a stream of this facade is open and its statement still running: the
     * call's answer would come after rows nobody reads (reading is paused), so it would wait
     * forever if the stream's own reader made it.
     */
    private void checkNotStreaming() {
        RowQueue open = streaming;
        if (open != null && !open.whenFinished().isDone()) {
            throw new PgInterfaceException("a stream of this connection is still open: read it to its end or close it"
                    + " before the next call (its answer would wait behind the stream's unread rows)");
        }
    }

    @Override
    public Stream<Row> stream(String sql, Object... args) {
        checkNotStreaming();
        if (!(async instanceof StreamSource)) {
            throw new PgInterfaceException("this connection cannot stream rows to a blocking caller");
        }
        RowQueue queue = ((StreamSource) async).openStream(sql, args);
        streaming = queue;
        return BlockingRowStream.of(streamAwaiter, queue, null);
    }

    @Override
    public CommandStatus execute(String sql, Object... args) {
        return awaiter.call(() -> async.execute(sql, args));
    }

    @Override
    public List<Row> fetch(String sql, Object... args) {
        return awaiter.call(() -> async.fetch(sql, args));
    }

    @Override
    public QueryResult fetchResult(String sql, Object... args) {
        return awaiter.call(() -> async.fetchResult(sql, args));
    }

    @Override
    public List<QueryResult> executeScript(String sql) {
        return awaiter.call(() -> async.executeScript(sql));
    }

    @Override
    public Row fetchRow(String sql, Object... args) {
        return awaiter.call(() -> async.fetchRow(sql, args));
    }

    @Override
    public PreparedStatement prepare(String sql) {
        return new BlockingPreparedStatement(awaiter, awaiter.call(() -> async.prepare(sql)));
    }

    @Override
    public PreparedStatement prepare(String sql, String name) {
        return new BlockingPreparedStatement(awaiter, awaiter.call(() -> async.prepare(sql, name)));
    }

    @Override
    public Stream<Row> cursor(String sql, Object... args) {
        return new BlockingCursor(awaiter, awaiter.call(() -> async.openCursor(sql, args))).stream(RealConnection.DEFAULT_PREFETCH);
    }

    @Override
    public Cursor openCursor(String sql, Object... args) {
        return new BlockingCursor(awaiter, awaiter.call(() -> async.openCursor(sql, args)));
    }

    @Override
    public Cursor openScrollableCursor(String sql, Object... args) {
        return new BlockingCursor(awaiter, awaiter.call(() -> async.openScrollableCursor(sql, args)));
    }

    @Override
    public Transaction transaction() {
        return transaction(TransactionOptions.DEFAULT);
    }

    @Override
    public Transaction transaction(Isolation isolation) {
        return transaction(TransactionOptions.of(isolation));
    }

    @Override
    public Transaction transaction(TransactionOptions options) {
        return new BlockingTransaction(awaiter, awaiter.call(() -> async.transaction(options)), this);
    }

    @Override
    public long executeMany(String sql, Iterable<Object[]> parameterSets) {
        return awaiter.call(() -> async.executeMany(sql, parameterSets));
    }

    @Override
    public long executeMany(String sql, Iterable<Object[]> parameterSets, java.util.function.LongConsumer rowCounts) {
        return awaiter.call(() -> async.executeMany(sql, parameterSets, rowCounts));
    }

    @Override
    public List<Row> fetchMany(String sql, Iterable<Object[]> parameterSets) {
        return awaiter.call(() -> async.fetchMany(sql, parameterSets));
    }

    @Override
    public CommandStatus copyFromTable(String table, CopySink sink, CopyOptions options) {
        return awaiter.call(() -> async.copyFromTable(table, sink, options));
    }

    @Override
    public CommandStatus copyFromQuery(String query, CopySink sink, CopyOptions options) {
        return awaiter.call(() -> async.copyFromQuery(query, sink, options));
    }

    @Override
    public CommandStatus copyFromQuery(String query, CopySink sink, CopyOptions options, Object... args) {
        return awaiter.call(() -> async.copyFromQuery(query, sink, options, args));
    }

    @Override
    public CommandStatus copyRecordsToTable(String table, Iterable<?> records, CopyOptions options) {
        return awaiter.call(() -> async.copyRecordsToTable(table, records, options));
    }

    @Override
    public CommandStatus copyToTable(String table, CopySource source, CopyOptions options) {
        return awaiter.call(() -> async.copyToTable(table, source, options));
    }

    @Override
    public CommandStatus copyRecordsToTable(String table, Iterable<?> records, String... columns) {
        return awaiter.call(() -> async.copyRecordsToTable(table, records, columns));
    }

    @Override
    public <T> T fetchVal(String sql, Object... args) {
        return awaiter.call(() -> async.<T>fetchVal(sql, args));
    }

    @Override
    public <R extends Record> List<R> fetch(Class<R> type, String sql, Object... args) {
        return awaiter.call(() -> async.fetch(type, sql, args));
    }

    @Override
    public <R extends Record> R fetchRow(Class<R> type, String sql, Object... args) {
        return awaiter.call(() -> async.fetchRow(type, sql, args));
    }

    @Override
    public Connection withTimeout(Duration timeout) {
        return new BlockingConnection(async.withTimeout(timeout));
    }

    @Override
    public void addListener(String channel, Consumer<Notification> listener) {
        awaiter.call(() -> async.addListener(channel, listener));
    }

    @Override
    public void removeListener(String channel, Consumer<Notification> listener) {
        awaiter.call(() -> async.removeListener(channel, listener));
    }

    @Override
    public void addLogListener(Consumer<Notice> listener) {
        async.addLogListener(listener);
    }

    @Override
    public void removeLogListener(Consumer<Notice> listener) {
        async.removeLogListener(listener);
    }

    @Override
    public void addTerminationListener(Runnable listener) {
        async.addTerminationListener(listener);
    }

    @Override
    public void addQueryLogger(Consumer<QueryRecord> logger) {
        async.addQueryLogger(logger);
    }

    @Override
    public void removeQueryLogger(Consumer<QueryRecord> logger) {
        async.removeQueryLogger(logger);
    }

    @Override
    public void reset() {
        awaiter.call(() -> async.reset());
    }

    @Override
    public <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.TextTypeCodec<T> codec) {
        awaiter.call(() -> async.setTypeCodec(typeName, schema, javaType, codec));
    }

    @Override
    public <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.BinaryTypeCodec<T> codec) {
        awaiter.call(() -> async.setTypeCodec(typeName, schema, javaType, codec));
    }

    @Override
    public <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.TupleTypeCodec<T> codec) {
        awaiter.call(() -> async.setTypeCodec(typeName, schema, javaType, codec));
    }

    @Override
    public void reloadSchemaState() {
        awaiter.call(() -> async.reloadSchemaState());
    }

    @Override
    public boolean isInTransaction() {
        return async.isInTransaction();
    }

    @Override
    public boolean isClosed() {
        return async.isClosed();
    }

    @Override
    public int getServerPid() {
        return async.getServerPid();
    }

    @Override
    public String getServerVersion() {
        return async.getServerVersion();
    }

    @Override
    public Map<String, String> getSettings() {
        return async.getSettings();
    }

    @Override
    public AsyncConnection async() {
        return async;
    }

    @Override
    public void terminate() {
        async.terminate();
    }

    /** Closes the connection; a stream still open is closed first (its statement cancelled), so closing never waits for it. */
    @Override
    public void close() {
        RowQueue open = streaming;
        if (open != null) {
            open.close();
        }
        streamAwaiter.call(() -> async.closeAsync());
    }
}
