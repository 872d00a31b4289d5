package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.FrontendMessages;

/**
 * The seed's BIND state: Bind a prepared statement to a named portal and Sync, so the portal
 * can be executed in steps later (cursors; only lives inside a transaction block).
 */
public final class BindCommand extends ResultCommand<Void> {
    private final PreparedInfo statement;
    private final String portal;
    private final BindEncoder parameters;

    /** Creates a Bind of {@code statement} to {@code portal}. */
    public BindCommand(PreparedInfo statement, String portal, BindEncoder parameters) {
        this.statement = statement;
        this.portal = portal;
        this.parameters = parameters;
    }

    @Override
    protected String sql() {
        return statement.sql();
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        parameters.writeBind(out, portal, statement);
        FrontendMessages.sync(out);
    }

    @Override
    protected void bindComplete() {
        // expected
    }

    @Override
    protected Void result() {
        return null;
    }
}
