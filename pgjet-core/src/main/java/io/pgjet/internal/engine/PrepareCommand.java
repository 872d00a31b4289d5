package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;

/**
 * The seed's PREPARE state: Parse, Describe statement, Sync; then, when the description names
 * types PgJet does not know yet (user types seen for the first time), the introspection query, so
 * that an explicitly prepared statement decodes and encodes them exactly as {@code fetch} does.
 * Later commands are held back until it completes: the introspection is written after the
 * description arrives and its answers must come next.
 */
public final class PrepareCommand extends ResultCommand<PreparedInfo> {
    private static final int[] NO_OIDS = new int[0];
    private final String name;
    private final String sql;
    private final int[] declaredTypes;
    private final StatementRef target;
    private int[] parameterTypes = NO_OIDS;
    private RowDescription described;
    private final TypeResolver types;
    /** Collects the introspection query's rows once it is written; null before. */
    private RowCollector introspected;

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
    protected boolean blocksPipeline() {
        return true;
    }

    @Override
    protected void parseComplete() {
        // expected (the statement's, then the introspection query's)
    }

    @Override
    protected void parameterDescription(int[] typeOids) {
        if (introspected != null) {
            unexpected("ParameterDescription");
        }
        parameterTypes = typeOids;
    }

    @Override
    protected void rowDescription(RowDescription description) {
        if (introspected != null) {
            introspected.describe(description);
        } else {
            described = description;
        }
    }

    @Override
    protected void noData() {
        if (introspected != null) {
            unexpected("NoData");
        }
        described = null;
    }

    @Override
    protected void bindComplete() {
        if (introspected == null) {
            unexpected("BindComplete");
        }
    }

    @Override
    protected void dataRow(io.netty.buffer.ByteBuf row) {
        if (introspected == null) {
            unexpected("DataRow");
        }
        introspected.row(row);
    }

    @Override
    protected void commandComplete(String tag) {
        if (introspected == null) {
            unexpected("CommandComplete");
        }
    }

    @Override
    protected void closeComplete() {
        if (introspected == null) {
            unexpected("CloseComplete");
        }
    }

    @Override
    protected boolean continueAfterReadyForQuery(byte transactionStatus, EngineContext context) {
        if (introspected != null) {
            types.registerIntrospected(introspected.result().rows());
            return false;
        }
        int[] unknown = types.unknownTypes(parameterTypes, described);
        if (unknown.length == 0) {
            return false;
        }
        introspected = new RowCollector(null);
        types.writeIntrospection(context.outbound(), unknown);
        context.requestFlush();
        return true;
    }

    @Override
    protected PreparedInfo result() {
        PreparedInfo info = new PreparedInfo(name, sql, parameterTypes, described == null ? null : types.columns(described));
        target.prepared(info);
        return info;
    }
}
