package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;

/** The seed's PREPARE state: Parse, Describe statement, Sync. */
public final class PrepareCommand extends ResultCommand<PreparedInfo> {
    private static final int[] NO_OIDS = new int[0];
    private final String name;
    private final String sql;
    private final int[] declaredTypes;
    private final StatementRef target;
    private int[] parameterTypes = NO_OIDS;
    private RowDescription described;
    private final TypeResolver types;

    /**
     * Creates a command preparing {@code sql} as statement {@code name}.
     *
     * @param declaredTypes parameter type OIDs to declare (0 or missing = let the server infer)
     */
    public PrepareCommand(String name, String sql, int[] declaredTypes, TypeResolver types) {
        this(new StatementRef(name, sql), declaredTypes, types);
    }

    /**
     * Creates a command preparing {@code target}; when it completes, the reference carries the
     * description (or the failure) for executions pipelined behind it.
     */
    public PrepareCommand(StatementRef target, int[] declaredTypes, TypeResolver types) {
        this.types = types;
        this.name = target.name();
        this.sql = target.sql();
        this.declaredTypes = declaredTypes;
        this.target = target;
        future().whenComplete((info, error) -> {
            if (error != null) {
                target.failed(error);
            }
        });
    }

    @Override
    protected String sql() {
        return sql;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        FrontendMessages.parse(out, name, sql, declaredTypes);
        FrontendMessages.describeStatement(out, name);
        FrontendMessages.sync(out);
    }

    @Override
    protected void parseComplete() {
        // expected
    }

    @Override
    protected void parameterDescription(int[] typeOids) {
        parameterTypes = typeOids;
    }

    @Override
    protected void rowDescription(RowDescription description) {
        described = description;
    }

    @Override
    protected void noData() {
        described = null;
    }

    @Override
    protected PreparedInfo result() {
        PreparedInfo info = new PreparedInfo(name, sql, parameterTypes, described == null ? null : types.columns(described));
        target.prepared(info);
        return info;
    }
}
