package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.FrontendMessages;

/** The seed's CLOSE_STMT_PORTAL state: Close a statement or portal, Sync. */
public final class CloseCommand extends ResultCommand<Void> {
    private final String name;
    private final boolean portal;

    /**
     * Creates a Close.
     *
     * @param portal true to close a portal, false to close a prepared statement
     */
    public CloseCommand(String name, boolean portal) {
        this.name = name;
        this.portal = portal;
    }

    @Override
    protected String sql() {
        return null;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        if (portal) {
            FrontendMessages.closePortal(out, name);
        } else {
            FrontendMessages.closeStatement(out, name);
        }
        FrontendMessages.sync(out);
    }

    @Override
    protected void closeComplete() {
        // expected
    }

    @Override
    protected Void result() {
        return null;
    }
}
