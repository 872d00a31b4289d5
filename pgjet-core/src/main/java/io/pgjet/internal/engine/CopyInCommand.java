package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.CommandStatus;
import io.pgjet.PgException;
import io.pgjet.protocol.CopyResponse;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.ServerMessage;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's COPY_IN and COPY_IN_DATA states: runs {@code COPY ... FROM STDIN}; once the server
 * answers CopyInResponse, {@link #ready()} completes and the writer streams CopyData, then
 * CopyDone (or CopyFail to abort). Later commands wait until this one ends, since any other
 * message would abort the copy.
 *
 * <p>A server error during the copy ends it at once (simple-query COPY skips to
 * ReadyForQuery); {@link #serverFailed()} tells the writer to stop sending.
 */
public final class CopyInCommand extends ResultCommand<CommandStatus> {
    private final String sql;
    private final CompletableFuture<CopyResponse> ready = new CompletableFuture<>();
    private volatile boolean serverFailed;
    private CommandStatus status;

    /** Creates a COPY IN running {@code sql}. */
    public CopyInCommand(String sql) {
        this.sql = sql;
    }

    /** Completes when the server is ready to receive CopyData; fails if the COPY failed first. */
    public CompletableFuture<CopyResponse> ready() {
        return ready;
    }

    /** Returns whether the server already rejected the copy, so sending more is pointless. */
    public boolean serverFailed() {
        return serverFailed;
    }

    @Override
    protected String sql() {
        return sql;
    }

    @Override
    protected boolean blocksPipeline() {
        return true;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        FrontendMessages.query(out, sql);
    }

    @Override
    protected void copyInResponse(CopyResponse response, EngineContext context) {
        ready.complete(response);
    }

    @Override
    protected void commandComplete(String tag) {
        status = new CommandStatus(tag);
    }

    @Override
    protected void errorResponse(ServerMessage error) {
        super.errorResponse(error);
        serverFailed = true;
        ready.completeExceptionally(PgException.of(error.fields(), sql));
    }

    @Override
    protected void completed(byte transactionStatus) {
        ready.completeExceptionally(new IllegalStateException("COPY ended before it started"));
        super.completed(transactionStatus);
    }

    @Override
    protected void abort(Throwable cause) {
        serverFailed = true;
        ready.completeExceptionally(cause);
        super.abort(cause);
    }

    @Override
    protected CommandStatus result() {
        return status;
    }

    /** Writes one CopyData message; called on the I/O thread. */
    public static void writeData(ByteBuf out, byte[] chunk, int offset, int length) {
        FrontendMessages.copyData(out, chunk, offset, length);
    }
}
