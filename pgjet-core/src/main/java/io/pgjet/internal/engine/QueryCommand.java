package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgException;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;
import io.pgjet.protocol.ServerMessage;

/**
 * One execution of a named (or unnamed) statement: the seed's BIND_EXECUTE state, preceded on
 * first use by its PREPARE state.
 *
 * <p>On first use it writes Parse/Describe/Sync and holds every later command back, so that when
 * the description (parameter and column types) arrives it can write Bind/Execute/Sync with the
 * right encodings and still keep the order in which requests were issued. A statement already
 * described costs one round trip: Bind/Execute/Sync.
 */
public final class QueryCommand extends ResultCommand<StatementResult> {
    private static final int[] UNSPECIFIED = new int[0];
    private final StatementRef statement;
    private final boolean prepare;
    private final BindEncoder parameters;
    private final String portal;
    private final int maxRows;
    private final boolean execute;
    private final RowCollector collector = new RowCollector(null);
    private boolean preparing;
    private int[] parameterTypes = UNSPECIFIED;
    private Columns columns;
    private PgException prepareError;
    private RuntimeException clientError;

    /**
     * Creates an execution of {@code statement}.
     *
     * @param prepare whether to Parse and Describe it first (it is not on the server yet)
     * @param portal the portal name ("" for the unnamed portal)
     * @param maxRows the row limit, 0 for all rows
     */
    public QueryCommand(StatementRef statement, boolean prepare, BindEncoder parameters, String portal, int maxRows) {
        this(statement, prepare, parameters, portal, maxRows, true);
    }

    /**
     * Creates a command that binds {@code statement} to {@code portal} and, when {@code execute}
     * is false, stops there (the seed's BIND state): the portal is then read in steps with
     * {@link ExecuteCommand}, which only works inside a transaction block.
     */
    public QueryCommand(StatementRef statement, boolean prepare, BindEncoder parameters, String portal, int maxRows,
            boolean execute) {
        this.statement = statement;
        this.prepare = prepare;
        this.parameters = parameters;
        this.portal = portal;
        this.maxRows = maxRows;
        this.execute = execute;
    }

    @Override
    protected String sql() {
        return statement.sql();
    }

    @Override
    protected boolean blocksPipeline() {
        return prepare;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        if (prepare) {
            preparing = true;
            FrontendMessages.parse(out, statement.name(), statement.sql(), UNSPECIFIED);
            FrontendMessages.describeStatement(out, statement.name());
            FrontendMessages.sync(out);
            return;
        }
        if (statement.failure() != null || statement.info() == null) {
            // The statement's own preparation failed ahead of us: nothing to execute.
            FrontendMessages.sync(out);
            return;
        }
        writeExecution(out, statement.info());
    }

    private void writeExecution(ByteBuf out, PreparedInfo info) {
        int mark = out.writerIndex();
        try {
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
        if (!preparing) {
            unexpected("ParseComplete");
        }
    }

    @Override
    protected void parameterDescription(int[] typeOids) {
        if (!preparing) {
            unexpected("ParameterDescription");
        }
        parameterTypes = typeOids;
    }

    @Override
    protected void rowDescription(RowDescription description) {
        if (!preparing) {
            unexpected("RowDescription");
        }
        columns = new Columns(description);
    }

    @Override
    protected void noData() {
        if (!preparing) {
            unexpected("NoData");
        }
    }

    @Override
    protected boolean continueAfterReadyForQuery(byte transactionStatus, EngineContext context) {
        if (!preparing) {
            return false;
        }
        preparing = false;
        PreparedInfo info = new PreparedInfo(statement.name(), statement.sql(), parameterTypes, columns);
        statement.prepared(info);
        writeExecution(context.outbound(), info);
        context.requestFlush();
        context.releasePipeline(this);
        return true;
    }

    @Override
    protected void bindComplete() {
        // expected
    }

    @Override
    protected void dataRow(ByteBuf row) {
        if (!collector.hasColumns()) {
            collector.columns(statement.columns());
        }
        collector.row(row);
    }

    @Override
    protected void commandComplete(String tag) {
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
        if (preparing) {
            // Recorded now: commands held behind this one are written before failed() runs.
            prepareError = PgException.of(error.fields(), statement.sql());
            statement.failed(prepareError);
        }
    }

    @Override
    protected void failed(byte transactionStatus) {
        if (prepareError != null) {
            abort(prepareError);
        } else {
            super.failed(transactionStatus);
        }
    }

    @Override
    protected StatementResult result() {
        if (clientError != null) {
            throw clientError;
        }
        Throwable failure = statement.failure();
        if (failure != null && !prepare) {
            throw failure instanceof RuntimeException ? (RuntimeException) failure : new IllegalStateException(failure);
        }
        return collector.result(endStatus());
    }
}
