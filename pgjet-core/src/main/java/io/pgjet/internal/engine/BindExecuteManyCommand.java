package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgException;
import io.pgjet.PgInterfaceException;
import io.pgjet.protocol.FrontendMessages;
import java.util.Iterator;

/**
 * The seed's BIND_EXECUTE_MANY state: one Bind/Execute pair per parameter set, all under a
 * single Sync, so the whole batch is one implicit transaction (all or nothing) and costs one
 * round trip. Result rows are discarded; the result is the number of executions.
 *
 * <p>If a parameter set cannot be encoded, nothing of the batch is sent (the buffer is rewound
 * to where the batch began) and the command fails with the client-side error.
 */
public final class BindExecuteManyCommand extends ResultCommand<Long> {
    private final PreparedInfo statement;
    private final Iterator<Parameters> rows;
    private long completedExecutions;
    private RuntimeException clientError;

    /** Creates a batch executing {@code statement} once per element of {@code rows}. */
    public BindExecuteManyCommand(PreparedInfo statement, Iterator<Parameters> rows) {
        this.statement = statement;
        this.rows = rows;
    }

    @Override
    protected String sql() {
        return statement.sql();
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        int start = out.writerIndex();
        long index = 0;
        try {
            while (rows.hasNext()) {
                index++;
                Parameters parameters = rows.next();
                parameters.writeBind(out, "", statement.name(), ResultFormats.TEXT);
                FrontendMessages.execute(out, "", 0);
            }
        } catch (RuntimeException e) {
            out.writerIndex(start);
            clientError = new PgInterfaceException("executeMany: parameter set " + index
                    + " could not be encoded, nothing was sent: " + e.getMessage(), e);
        }
        FrontendMessages.sync(out);
    }

    @Override
    protected void bindComplete() {
        // expected, once per parameter set
    }

    @Override
    protected void dataRow(ByteBuf row) {
        // executeMany discards rows, as the seed does
    }

    @Override
    protected void commandComplete(String tag) {
        completedExecutions++;
    }

    @Override
    protected void emptyQueryResponse() {
        completedExecutions++;
    }

    /** Returns the 1-based index of the parameter set the server rejected. */
    public long failedRow() {
        return completedExecutions + 1;
    }

    @Override
    protected void failed(byte transactionStatus) {
        PgException error = PgException.of(error().fields(), sql());
        error.addSuppressed(new PgInterfaceException("executeMany failed at parameter set " + failedRow()
                + "; no row of the batch was applied"));
        super.abort(error);
    }

    @Override
    protected Long result() {
        if (clientError != null) {
            throw clientError;
        }
        return completedExecutions;
    }
}
