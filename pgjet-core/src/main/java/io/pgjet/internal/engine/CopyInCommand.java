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
 * ReadyForQuery); {@link #acceptsData()} then tells the writer to stop sending.
 *
 * <p>When the future ends early (a timeout or the caller's cancel), the I/O thread sends
 * CopyFail itself, at once: the server ends the COPY one round trip later and the connection
 * serves the next request, however long the data source takes to return from its current read.
 * Everything the writer sends passes through {@link #send} on the I/O thread, which drops what
 * comes after the COPY ended, so a late chunk can never reach a later COPY.
 */
public final class CopyInCommand extends ResultCommand<CommandStatus> {
    private final String sql;
    private final CompletableFuture<CopyResponse> ready = new CompletableFuture<>();
    /** Between CopyInResponse and the first of CopyDone/CopyFail sent or the COPY's end. */
    private volatile boolean copyOpen;
    private EngineContext context;
    private CommandStatus status;

    /** Creates a COPY IN running {@code sql}. */
    public CopyInCommand(String sql) {
        this.sql = sql;
    }

    /** Completes when the server is ready to receive CopyData; fails if the COPY failed first. */
    public CompletableFuture<CopyResponse> ready() {
        return ready;
    }

    /**
     * Returns whether the COPY still takes data: false once the server rejected it, it was
     * aborted, or CopyDone/CopyFail was sent (by the writer or for a timeout or cancel).
     */
    public boolean acceptsData() {
        return copyOpen;
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
        this.context = context;
        FrontendMessages.query(out, sql);
    }

    @Override
    protected void copyInResponse(CopyResponse response, EngineContext context) {
        this.context = context;
        copyOpen = true;
        if (future().isDone()) {
            abandon(); // timed out or cancelled before the server was ready: send no data at all
            ready.completeExceptionally(new IllegalStateException("the COPY ended before it started"));
            return;
        }
        future().whenComplete((result, error) -> {
            if (error != null) {
                context.runOnIoThread(this::abandon);
            }
        });
        ready.complete(response);
    }

    /**
     * Sends one message of the writer's (CopyData, or the final CopyDone/CopyFail); callable from
     * any thread. The message is written on the I/O thread if the COPY still takes data, else
     * released.
     *
     * @param io where to run and write
     * @param message the whole frontend message; ownership passes to this method
     * @param last whether it is CopyDone or CopyFail, after which the COPY takes nothing more
     * @return completes when the message was written to the socket or dropped
     */
    public CompletableFuture<Void> send(Writer io, ByteBuf message, boolean last) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        io.execute(() -> {
            if (!copyOpen) {
                message.release();
                sent.complete(null);
                return;
            }
            if (last) {
                copyOpen = false;
            }
            io.write(message, () -> sent.complete(null));
        });
        return sent;
    }

    /** How the writer's messages reach the socket; implemented by the connection's I/O. */
    public interface Writer {
        /** Runs {@code task} on the I/O thread. */
        void execute(Runnable task);

        /** Writes and flushes {@code message} now (on the I/O thread); runs {@code written} once it is out or failed. */
        void write(ByteBuf message, Runnable written);
    }

    /** Ends a COPY whose future ended early with CopyFail, on the I/O thread; no-op once it ended. */
    private void abandon() {
        if (!copyOpen) {
            return;
        }
        copyOpen = false;
        FrontendMessages.copyFail(context.outbound(), "COPY stopped by the client: it timed out or was cancelled");
        context.requestFlush();
    }

    @Override
    protected void commandComplete(String tag) {
        status = new CommandStatus(tag);
    }

    @Override
    protected void errorResponse(ServerMessage error) {
        super.errorResponse(error);
        copyOpen = false;
        ready.completeExceptionally(PgException.of(error.fields(), sql));
    }

    @Override
    protected void completed(byte transactionStatus) {
        copyOpen = false;
        ready.completeExceptionally(new IllegalStateException("COPY ended before it started"));
        super.completed(transactionStatus);
    }

    @Override
    protected void abort(Throwable cause) {
        copyOpen = false;
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
