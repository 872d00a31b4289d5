package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.ServerMessage;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's TERMINATING state: queued like any command, so it is written only after every
 * request issued before it (including second phases of commands still being prepared); the
 * server answers Terminate by closing the connection, which completes this command.
 */
public final class TerminateCommand extends Command {
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** Returns a future completing when the connection has closed after Terminate. */
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        FrontendMessages.terminate(out);
    }

    @Override
    protected void errorResponse(ServerMessage error) {
        unexpected("ErrorResponse");
    }

    @Override
    protected void completed(byte transactionStatus) {
        unexpected("ReadyForQuery");
    }

    @Override
    protected void failed(byte transactionStatus) {
        unexpected("ReadyForQuery");
    }

    @Override
    protected void abort(Throwable cause) {
        done.complete(null); // the close is what Terminate asked for
    }
}
