package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;

/**
 * One statement through the extended protocol in one round trip: Parse (unnamed), Bind,
 * Describe portal, Execute, Sync — the seed's PREPARE and BIND_EXECUTE flows written together.
 */
public final class ExtendedQueryCommand extends ResultCommand<StatementResult> {
    private final String sql;
    private final Parameters parameters;
    private final RowCollector collector = new RowCollector(null);

    /** Creates a command running {@code sql} with {@code parameters}, results in text format. */
    public ExtendedQueryCommand(String sql, Parameters parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    @Override
    protected String sql() {
        return sql;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        FrontendMessages.parse(out, "", sql, parameters.typeOids());
        parameters.writeBind(out, "", "", ResultFormats.TEXT);
        FrontendMessages.describePortal(out, "");
        FrontendMessages.execute(out, "", 0);
        FrontendMessages.sync(out);
    }

    @Override
    protected void parseComplete() {
        // expected
    }

    @Override
    protected void bindComplete() {
        // expected
    }

    @Override
    protected void rowDescription(RowDescription description) {
        collector.describe(description);
    }

    @Override
    protected void noData() {
        // a statement without result columns
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
    protected void emptyQueryResponse() {
        // empty SQL: no rows, no status
    }

    @Override
    protected StatementResult result() {
        return collector.result();
    }
}
