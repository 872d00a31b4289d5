package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.protocol.FrontendMessages;

/**
 * The seed's EXECUTE state: Execute an existing portal for at most {@code maxRows} rows, Sync.
 * The result says whether the portal was suspended with rows left.
 */
public final class ExecuteCommand extends ResultCommand<StatementResult> {
    private final String portal;
    private final int maxRows;
    private final RowCollector collector;
    private final String sql;

    /**
     * Creates an Execute of {@code portal}.
     *
     * @param columns the portal's result columns
     * @param sql the SQL behind the portal, for error messages
     */
    public ExecuteCommand(String portal, int maxRows, Columns columns, String sql) {
        this.portal = portal;
        this.maxRows = maxRows;
        this.collector = new RowCollector(columns);
        this.sql = sql;
    }

    @Override
    protected String sql() {
        return sql;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        FrontendMessages.execute(out, portal, maxRows);
        FrontendMessages.sync(out);
    }

    @Override
    protected void dataRow(ByteBuf row) {
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
    protected StatementResult result() {
        return collector.result(endStatus());
    }
}
