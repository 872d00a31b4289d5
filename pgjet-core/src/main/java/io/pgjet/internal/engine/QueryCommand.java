package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.CommandStatus;
import io.pgjet.PgException;
import io.pgjet.PgJetException;
import io.pgjet.internal.types.Codec;
import io.pgjet.types.OutdatedSchemaCacheException;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;
import io.pgjet.protocol.ServerMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One execution of a named (or unnamed) statement: the seed's BIND_EXECUTE state, preceded on
 * first use by its PREPARE state.
 *
 * <p>On first use it writes Parse/Describe/Sync and holds every later command back. When the
 * description arrives it asks the server about any type it does not know yet (one introspection
 * query, results cached per server), then writes Bind/Execute/Sync with each parameter encoded
 * for its described type and each result column requested in binary where a codec exists — so
 * requests keep the order in which they were issued. A statement already described costs one
 * round trip: Bind/Execute/Sync.
 *
 * <p>User types are checked against their cached descriptions: rows whose composite values do not
 * match (the type was altered) are not collected; the type is marked out of date and the call
 * fails with {@link OutdatedSchemaCacheException} or is retried ({@link StaleRetry}). A statement
 * described with an out-of-date type is resolved again (introspection only, no new Parse) before
 * its next execution.
 */
public final class QueryCommand<T> extends ResultCommand<T> {
    private static final int[] UNSPECIFIED = new int[0];

    private enum Phase { PREPARE, INTROSPECT, EXECUTE }

    private final StatementRef statement;
    /** Whether this command prepares the statement; decided when it is written. */
    private boolean prepare;
    private final BindEncoder parameters;
    private final TypeResolver types;
    private final String portal;
    private final int maxRows;
    private final boolean execute;
    private final RowCollector collector = new RowCollector(null);
    private Phase phase = Phase.EXECUTE;
    /** Whether the execution writes the unnamed statement's Parse again (behind a transaction pooler). */
    private boolean reparse;
    /** Set by this execution's BindComplete: rows and CommandComplete before it are not this command's. */
    private boolean bound;
    private int[] parameterTypes = UNSPECIFIED;
    private RowDescription described;
    private RowCollector introspected;
    private PgException prepareError;
    private RuntimeException clientError;
    /** Whether this command resolves an out-of-date type of a prepared statement before executing it. */
    private boolean refresh;
    private ShapeGuard shapes;
    /** What the rows showed to be out of date; once set, further rows are not collected. */
    private Codec.OutdatedDescription outdated;
    private String tag;
    private final Function<StatementResult, T> mapper;
    private final StaleRetry staleRetry;
    /** Where rows go as they arrive when this execution streams them; null when they are collected. */
    private RowSink sink;
    private boolean sinkFinished;

    /**
     * Runs a call again when the server rejected a cached statement as stale; returns null
     * when that is not the case or not safe (the error is then reported as is). One instance
     * serves every call of a connection: what to rerun is read from the failed command.
     */
    public interface StaleRetry {
        /**
         * Returns the retried call's future, or null to report {@code error}.
         *
         * @param failed the command that failed; its statement, parameters and mapper are reused
         * @param error the server's error, or the {@link OutdatedSchemaCacheException} the rows caused
         * @param transactionStatus the status of the ReadyForQuery that ended the failed attempt
         */
        <T> CompletableFuture<T> retry(QueryCommand<T> failed, PgJetException error, byte transactionStatus);
    }

    /**
     * Creates an execution returning the raw {@link StatementResult}; see the full constructor.
     */
    public static QueryCommand<StatementResult> of(StatementRef statement, BindEncoder parameters,
            TypeResolver types, String portal, int maxRows, boolean execute) {
        return new QueryCommand<>(statement, parameters, types, portal, maxRows, execute, r -> r, null);
    }

    /**
     * Creates an execution of {@code statement}.
     *
     * @param types resolves codecs once the statement is described
     * @param portal the portal name ("" for the unnamed portal)
     * @param maxRows the row limit, 0 for all rows
     * @param execute false to stop after Bind (a portal read later with {@link ExecuteCommand})
     * @param mapper turns the statement's result into the caller's (runs on the I/O thread)
     * @param staleRetry retries when a cached statement turned stale, or null
     */
    public QueryCommand(StatementRef statement, BindEncoder parameters, TypeResolver types,
            String portal, int maxRows, boolean execute, Function<StatementResult, T> mapper, StaleRetry staleRetry) {
        this.mapper = mapper;
        this.staleRetry = staleRetry;
        this.statement = statement;
        this.parameters = parameters;
        this.types = types;
        this.portal = portal;
        this.maxRows = maxRows;
        this.execute = execute;
    }

    /**
     * Creates an execution of {@code statement} on the unnamed portal with no row limit whose
     * rows go to {@code sink} as they arrive instead of being collected; its future completes
     * with the statement's status. Never retried (rows may already have been handed over).
     */
    public static QueryCommand<CommandStatus> streaming(StatementRef statement, BindEncoder parameters,
            TypeResolver types, RowSink sink) {
        QueryCommand<CommandStatus> command = new QueryCommand<>(statement, parameters, types, "", 0, true,
                StatementResult::status, null);
        command.sink = sink;
        return command;
    }

    /** Returns the statement this command runs. */
    public StatementRef statement() {
        return statement;
    }

    /** Returns the encoder of this execution's parameters (reusable: it keeps no encoding state). */
    public BindEncoder parameters() {
        return parameters;
    }

    /** Returns what turns the statement's result into the caller's. */
    public Function<StatementResult, T> mapper() {
        return mapper;
    }

    /** Returns the tag of the statement's CommandComplete (e.g. {@code SELECT 1}), or null. */
    public String commandTag() {
        return tag;
    }

    /** Returns whether this command itself prepared (Parse) its statement. */
    public boolean preparedStatement() {
        return prepare;
    }

    @Override
    protected String sql() {
        return statement.sql();
    }

    @Override
    protected boolean blocksPipeline() {
        return prepare || refresh;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        if (statement.isClosed()) {
            // Checked in wire order: a call racing the statement's close() never reaches the server.
            clientError = StatementRef.closedError();
            FrontendMessages.sync(out);
            return;
        }
        // Decided here, in wire order, not when the call was made: with several threads issuing
        // the same new SQL at once, whichever command is written first prepares it.
        prepare = statement.claimPreparation();
        if (prepare) {
            phase = Phase.PREPARE;
            FrontendMessages.parse(out, statement.name(), statement.sql(), statement.declaredTypes());
            FrontendMessages.describeStatement(out, statement.name());
            FrontendMessages.sync(out);
            return;
        }
        if (statement.failure() != null || statement.info() == null) {
            // The statement's preparation, written ahead of us, failed: nothing to execute.
            FrontendMessages.sync(out);
            return;
        }
        PreparedInfo info = statement.info();
        reparse = context.session().reparsesUnnamed() && statement.name().isEmpty();
        if (types.isOutdated(info)) {
            // A type it uses was altered: the server's description still holds (same OIDs), only
            // PgJet's codecs must be built again, after introspecting what is out of date.
            parameterTypes = info.parameterTypes();
            described = info.columns() == null ? null : info.columns().description();
            int[] unknown = types.unknownTypes(parameterTypes, described);
            if (unknown.length > 0) {
                refresh = true;
                phase = Phase.INTROSPECT;
                introspected = new RowCollector(null);
                types.writeIntrospection(out, unknown);
                return;
            }
            info = redescribe();
        }
        writeExecution(out, info);
    }

    /** Builds the statement's layout from its description with the codecs registered now. */
    private PreparedInfo redescribe() {
        Columns columns = described == null ? null : types.columns(described);
        PreparedInfo info = new PreparedInfo(statement.name(), statement.sql(), parameterTypes, columns);
        statement.prepared(info);
        return info;
    }

    private void writeExecution(ByteBuf out, PreparedInfo info) {
        int mark = out.writerIndex();
        try {
            ParameterLimit.check(info.parameterTypes().length, "the statement");
            if (reparse) {
                // Same batch as the Bind, so it runs on the server connection the Bind reaches.
                FrontendMessages.parse(out, "", statement.sql(), info.parameterTypes());
            }
            parameters.writeBind(out, portal, info);
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            clientError = e;
            FrontendMessages.sync(out);
            return;
        }
        if (execute) {
            FrontendMessages.execute(out, portal, maxRows);
        }
        FrontendMessages.sync(out);
    }

    @Override
    protected void parseComplete() {
        if (phase == Phase.EXECUTE && !reparse) {
            unexpected("ParseComplete");
        }
    }

    @Override
    protected void parameterDescription(int[] typeOids) {
        if (phase != Phase.PREPARE) {
            unexpected("ParameterDescription");
        }
        parameterTypes = typeOids;
    }

    @Override
    protected void rowDescription(RowDescription description) {
        if (phase == Phase.PREPARE) {
            described = description;
        } else if (phase == Phase.INTROSPECT) {
            introspected.describe(description);
        } else {
            unexpected("RowDescription");
        }
    }

    @Override
    protected void noData() {
        if (phase != Phase.PREPARE) {
            unexpected("NoData");
        }
    }

    @Override
    protected boolean continueAfterReadyForQuery(byte transactionStatus, EngineContext context) {
        if (phase == Phase.PREPARE) {
            int[] unknown = types.unknownTypes(parameterTypes, described);
            if (unknown.length > 0) {
                phase = Phase.INTROSPECT;
                introspected = new RowCollector(null);
                types.writeIntrospection(context.outbound(), unknown);
                context.requestFlush();
                return true;
            }
        } else if (phase == Phase.INTROSPECT) {
            types.registerIntrospected(introspected.result().rows());
            introspected = null;
        } else {
            return false;
        }
        phase = Phase.EXECUTE;
        reparse = context.session().reparsesUnnamed() && statement.name().isEmpty();
        PreparedInfo info = redescribe();
        writeExecution(context.outbound(), info);
        context.requestFlush();
        context.releasePipeline(this);
        return true;
    }

    @Override
    protected void bindComplete() {
        if (phase == Phase.EXECUTE) {
            bound = true;
        }
    }

    @Override
    protected void closeComplete() {
        if (phase != Phase.INTROSPECT) {
            unexpected("CloseComplete");
        }
    }

    @Override
    protected void dataRow(ByteBuf row) {
        if (phase == Phase.INTROSPECT) {
            introspected.row(row);
            return;
        }
        if (!bound) {
            unexpected("DataRow"); // before this command's BindComplete: not an answer to it
        }
        if (outdated != null) {
            return; // the result cannot be decoded: not worth keeping
        }
        if (!collector.hasColumns()) {
            collector.columns(statement.columns());
            shapes = ShapeGuard.of(statement.columns());
        }
        outdated = shapes.check(row);
        if (outdated == null) {
            if (sink != null) {
                sink.row(statement.columns(), row);
            } else {
                collector.row(row);
            }
        }
    }

    @Override
    protected void commandComplete(String tag) {
        if (phase == Phase.INTROSPECT) {
            return;
        }
        if (!bound) {
            // e.g. one the server sent while the connection was idle, read only now by the
            // blocking transport: taking it for this command's answer would be a wrong result
            unexpected("CommandComplete");
        }
        this.tag = tag;
        collector.complete(tag);
    }

    @Override
    protected void portalSuspended() {
        collector.suspend();
    }

    @Override
    protected void emptyQueryResponse() {
        // an empty statement: no rows, no status
    }

    @Override
    protected void errorResponse(ServerMessage error) {
        super.errorResponse(error);
        if (phase != Phase.EXECUTE && !refresh) {
            // Recorded now: commands held behind this one are written before failed() runs.
            prepareError = PgException.of(error.fields(), phase == Phase.PREPARE ? statement.sql() : null);
            statement.failed(prepareError);
        }
    }

    @Override
    protected void failed(byte transactionStatus) {
        try {
            failedAttempt(transactionStatus);
        } finally {
            streamFinished();
        }
    }

    @Override
    protected void abort(Throwable cause) {
        try {
            super.abort(cause);
        } finally {
            streamFinished();
        }
    }

    private void streamFinished() {
        if (sink != null && !sinkFinished) {
            sinkFinished = true; // once: failed() may abort() too
            sink.finished();
        }
    }

    private void failedAttempt(byte transactionStatus) {
        if (prepareError != null) {
            abort(prepareError);
            return;
        }
        PgException error = PgException.of(error().fields(), sql());
        if (phase != Phase.EXECUTE) {
            abort(error); // resolving an out-of-date type failed (e.g. in an aborted transaction)
            return;
        }
        if ("42804".equals(error.sqlState()) && "record_recv".equals(error.routine()) && statement.info() != null) {
            // A composite parameter encoded with an out-of-date description (the type was altered).
            Codec.OutdatedDescription outdatedParameter = types.outdatedParameters(statement.info(), error.serverMessage());
            if (outdatedParameter != null) {
                outdatedParameter.error().initCause(error);
                retryOrFail(outdatedParameter.error(), transactionStatus);
                return;
            }
        }
        retryOrFail(error, transactionStatus);
    }

    private void retryOrFail(PgJetException error, byte transactionStatus) {
        CompletableFuture<T> retried = staleRetry == null ? null : staleRetry.retry(this, error, transactionStatus);
        if (retried == null) {
            abort(error);
        } else {
            finishWith(retried);
        }
    }

    @Override
    protected void completed(byte transactionStatus) {
        try {
            if (outdated == null) {
                super.completed(transactionStatus);
                return;
            }
            types.outdated(outdated.codec());
            retryOrFail(outdated.error(), transactionStatus);
        } finally {
            streamFinished();
        }
    }

    @Override
    protected T result() {
        if (clientError != null) {
            throw clientError;
        }
        Throwable failure = statement.failure();
        if (failure != null && !prepare) {
            throw failure instanceof RuntimeException ? (RuntimeException) failure : new IllegalStateException(failure);
        }
        return mapper.apply(collector.result(endStatus()));
    }
}
