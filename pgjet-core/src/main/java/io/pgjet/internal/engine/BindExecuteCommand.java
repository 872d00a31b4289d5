package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.protocol.FrontendMessages;

/**
 * The seed's BIND_EXECUTE state: Bind a prepared statement to a portal, Execute it (optionally
 * with a row limit), Sync. One round trip per execution of a cached statement.
 */
public final class BindExecuteCommand extends ResultCommand<StatementResult> {
    private final StatementRef statement;
    private final String portal;
    private final Parameters parameters;
    private final int maxRows;
    private final RowCollector collector;

    /**
     * Creates an execution of {@code statement}.
     *
     * @param portal the portal name ("" for the unnamed portal)
     * @param maxRows the row limit, 0 for all rows
     */
    public BindExecuteCommand(PreparedInfo statement, String portal, Parameters parameters, int maxRows) {
        this(refTo(statement), portal, parameters, maxRows);
    }

    /**
     * Creates an execution of a statement that may still be being prepared by a command ahead
     * of this one in the pipeline.
     */
    public BindExecuteCommand(StatementRef statement, String portal, Parameters parameters, int maxRows) {
        this.statement = statement;
        this.portal = portal;
        this.parameters = parameters;
        this.maxRows = maxRows;
        this.collector = new RowCollector(null);
    }

    private static StatementRef refTo(PreparedInfo info) {
        StatementRef ref = new StatementRef(info.name(), info.sql());
        ref.prepared(info);
        return ref;
    }

    @Override
    protected String sql() {
        return statement.sql();
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        parameters.writeBind(out, portal, statement.name(), ResultFormats.TEXT);
        FrontendMessages.execute(out, portal, maxRows);
        FrontendMessages.sync(out);
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
    protected void failed(byte transactionStatus) {
        Throwable prepareFailure = statement.failure();
        if (prepareFailure != null) {
            abort(prepareFailure); // the statement never existed: report why, not "does not exist"
        } else {
            super.failed(transactionStatus);
        }
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
        // empty statement
    }

    @Override
    protected StatementResult result() {
        return collector.result();
    }
}
