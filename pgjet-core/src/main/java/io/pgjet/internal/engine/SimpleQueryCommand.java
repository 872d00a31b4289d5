package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's SIMPLE_QUERY state: one Query message that may hold several statements; answers
 * are collected per statement. Values arrive in text format. An error ends the whole script
 * (the server skips the rest of the string).
 */
public final class SimpleQueryCommand extends ResultCommand<List<StatementResult>> {
    private final String sql;
    private final RowCollector collector = new RowCollector(null);
    private final List<StatementResult> results = new ArrayList<>();

    /** Creates a command that runs {@code sql} through the simple query protocol. */
    public SimpleQueryCommand(String sql) {
        this.sql = sql;
    }

    @Override
    protected String sql() {
        return sql;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        FrontendMessages.query(out, sql);
    }

    @Override
    protected void rowDescription(RowDescription description) {
        collector.describe(description);
    }

    @Override
    protected void dataRow(ByteBuf row) {
        collector.row(row);
    }

    @Override
    protected void commandComplete(String tag) {
        collector.complete(tag);
        results.add(collector.next());
    }

    @Override
    protected void emptyQueryResponse() {
        results.add(collector.next());
    }

    @Override
    protected List<StatementResult> result() {
        return results;
    }
}
