package io.pgjet.internal.conn;

import io.pgjet.internal.cursor.CursorPublisher;

import io.pgjet.AsyncPreparedStatement;
import io.pgjet.Attribute;
import io.pgjet.CommandStatus;
import io.pgjet.Row;
import io.pgjet.internal.engine.PrepareCommand;
import io.pgjet.internal.engine.PreparedInfo;
import io.pgjet.internal.engine.StatementRef;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.result.StatementResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A statement the caller prepared explicitly: named on the server, owned by this object (not by
 * the statement cache), executed with Bind/Execute only.
 */
public final class RealPreparedStatement implements AsyncPreparedStatement {
    private static final AtomicLong NAMES = new AtomicLong();

    private final RealConnection connection;
    private final StatementRef statement;
    private final List<Attribute> parameters;
    private final List<Attribute> attributes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RealPreparedStatement(RealConnection connection, StatementRef statement, List<Attribute> parameters,
            List<Attribute> attributes) {
        this.connection = connection;
        this.statement = statement;
        this.parameters = parameters;
        this.attributes = attributes;
    }

    static CompletableFuture<AsyncPreparedStatement> prepare(RealConnection connection, String sql) {
        // Behind a transaction pooler the unnamed statement is parsed again by every execution.
        String name = connection.behindTransactionPooler() ? "" : "pgjet_ps_" + NAMES.incrementAndGet();
        return prepare(connection, new StatementRef(name, sql));
    }

    /** Prepares {@code sql} under the caller's {@code name}; see {@link io.pgjet.AsyncConnection#prepare(String, String)}. */
    static CompletableFuture<AsyncPreparedStatement> prepare(RealConnection connection, String sql, String name) {
        if (name == null || name.isEmpty()) {
            return CompletableFuture.failedFuture(new io.pgjet.PgInterfaceException(
                    "a prepared statement's name must not be empty (use prepare(sql) for one PgJet names)"));
        }
        if (connection.behindTransactionPooler()) {
            return CompletableFuture.failedFuture(new io.pgjet.PgInterfaceException("a named prepared statement (\""
                    + name.replace('\0', ' ') + "\") does not survive a transaction pooler (transactionPooler=true):"
                    + " use prepare(sql), which re-parses the statement at each execution"));
        }
        if (name.indexOf('\0') >= 0 || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            return CompletableFuture.failedFuture(new io.pgjet.PgInterfaceException("invalid prepared statement name \""
                    + name.replace('\0', ' ') + "\": at most 63 bytes (PostgreSQL's identifier length), no U+0000"));
        }
        return prepare(connection, new StatementRef(name, sql));
    }

    private static CompletableFuture<AsyncPreparedStatement> prepare(RealConnection connection, StatementRef ref) {
        return connection.submitCommand(new PrepareCommand(ref, new int[0], connection.types()))
                .thenCompose(info -> typeNames(connection, info).thenApply(names -> new RealPreparedStatement(
                        connection, ref, parameters(info, names), attributes(info, names))));
    }

    /** Looks up how PostgreSQL spells each type the statement uses, in one query. */
    private static CompletableFuture<Map<Integer, String>> typeNames(RealConnection connection, PreparedInfo info) {
        StringBuilder oids = new StringBuilder("{");
        for (int oid : info.parameterTypes()) {
            oids.append(oids.length() > 1 ? "," : "").append(oid);
        }
        Columns columns = info.columns();
        for (int i = 0; columns != null && i < columns.count(); i++) {
            oids.append(oids.length() > 1 ? "," : "").append(columns.typeOid(i));
        }
        if (oids.length() == 1) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return connection.query("select t, format_type(t, null) from unnest($1::oid[]) t", oids.append('}').toString())
                .thenApply(result -> {
                    Map<Integer, String> names = new HashMap<>();
                    for (Row row : result.rows()) {
                        names.put(Integer.parseInt(row.getString(0)), row.getString(1));
                    }
                    return names;
                });
    }

    private static List<Attribute> parameters(PreparedInfo info, Map<Integer, String> names) {
        List<Attribute> list = new ArrayList<>();
        for (int oid : info.parameterTypes()) {
            list.add(new Attribute("", oid, names.get(oid)));
        }
        return List.copyOf(list);
    }

    private static List<Attribute> attributes(PreparedInfo info, Map<Integer, String> names) {
        List<Attribute> list = new ArrayList<>();
        Columns columns = info.columns();
        for (int i = 0; columns != null && i < columns.count(); i++) {
            io.pgjet.protocol.RowDescription d = columns.description();
            list.add(new Attribute(columns.name(i), columns.typeOid(i), names.get(columns.typeOid(i)),
                    d.tableOid(i), d.columnAttribute(i), d.typeModifier(i)));
        }
        return List.copyOf(list);
    }

    private <T> CompletableFuture<T> checkOpen() {
        return closed.get() ? CompletableFuture.failedFuture(StatementRef.closedError()) : null;
    }

    /** Returns the server-side statement behind this object. */
    StatementRef statementRef() {
        return statement;
    }

    /** Opens a cursor over this statement on its connection (for the blocking facade's streams). */
    public CompletableFuture<io.pgjet.AsyncCursor> openCursor(Object... args) {
        CompletableFuture<io.pgjet.AsyncCursor> closedFailure = checkOpen();
        return closedFailure != null ? closedFailure : connection.openCursor(statement, args);
    }

    @Override
    public String sql() {
        return statement.sql();
    }

    @Override
    public List<Attribute> getParameters() {
        return parameters;
    }

    @Override
    public List<Attribute> getAttributes() {
        return attributes;
    }

    private CompletableFuture<StatementResult> run(Object[] args) {
        CompletableFuture<StatementResult> closedFailure = checkOpen();
        return closedFailure != null ? closedFailure : connection.runPrepared(statement, args);
    }

    @Override
    public CompletableFuture<List<Row>> fetch(Object... args) {
        return run(args).thenApply(StatementResult::rows);
    }

    @Override
    public CompletableFuture<Row> fetchRow(Object... args) {
        return run(args).thenApply(result -> result.rows().isEmpty() ? null : result.rows().get(0));
    }

    @Override
    public CompletableFuture<CommandStatus> execute(Object... args) {
        return run(args).thenApply(StatementResult::status);
    }

    @Override
    public CompletableFuture<Long> executeMany(Iterable<Object[]> parameterSets) {
        CompletableFuture<Long> closedFailure = checkOpen();
        return closedFailure != null ? closedFailure : connection.executeManyPrepared(statement, parameterSets);
    }

    @Override
    public Flow.Publisher<Row> cursor(Object... args) {
        return new CursorPublisher(() -> {
            CompletableFuture<io.pgjet.AsyncCursor> closedFailure = checkOpen();
            return closedFailure != null ? closedFailure : connection.openCursor(statement, args);
        }, RealConnection.DEFAULT_PREFETCH);
    }

    @Override
    public CompletableFuture<String> explain(boolean analyze, Object... args) {
        CompletableFuture<String> closedFailure = checkOpen();
        if (closedFailure != null) {
            return closedFailure;
        }
        String sql = "EXPLAIN (FORMAT JSON" + (analyze ? ", ANALYZE" : "") + ") " + statement.sql();
        return connection.queryUncached(sql, args).thenApply(result -> {
            StringBuilder plan = new StringBuilder();
            for (Row row : result.rows()) {
                plan.append(row.getString(0));
            }
            return plan.toString();
        });
    }

    @Override
    public CompletableFuture<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        statement.markClosed();
        if (connection.isClosed() || statement.name().isEmpty()) {
            return CompletableFuture.completedFuture(null); // the unnamed statement needs no Close
        }
        return connection.closeServerObject(statement.name(), false);
    }
}
