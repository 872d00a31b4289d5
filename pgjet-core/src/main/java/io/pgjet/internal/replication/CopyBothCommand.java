package io.pgjet.internal.replication;

import io.netty.buffer.ByteBuf;
import io.pgjet.CommandStatus;
import io.pgjet.PgProtocolException;
import io.pgjet.internal.engine.EngineContext;
import io.pgjet.internal.engine.ResultCommand;
import io.pgjet.protocol.CopyResponse;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;
import java.nio.ByteBuffer;

/**
 * {@code START_REPLICATION} over COPY BOTH: after CopyBothResponse the server sends CopyData
 * (XLogData {@code 'w'}, keepalive {@code 'k'}) and takes CopyData (standby status updates
 * {@code 'r'}) until either side sends CopyDone; then CommandComplete and ReadyForQuery end the
 * command, and the connection is usable again.
 *
 * <p>Everything written goes through {@link EngineContext#runOnIoThread}, so status updates and
 * CopyDone leave in order and none follows CopyDone. Later commands wait (the pipeline is blocked)
 * until the stream ended.
 */
final class CopyBothCommand extends ResultCommand<CommandStatus> {
    private final String sql;
    private final StreamHandler handler;
    // I/O thread only
    private EngineContext context;
    private boolean inCopy;
    private boolean copyDoneSent;
    private boolean serverCopyDone;
    private CommandStatus status;
    /** Set by {@link #stop()} from any thread; honoured as soon as the stream runs. */
    private volatile boolean stopRequested;

    CopyBothCommand(String sql, StreamHandler handler) {
        this.sql = sql;
        this.handler = handler;
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
    protected void copyBothResponse(CopyResponse response, EngineContext context) {
        this.context = context;
        inCopy = true;
        if (stopRequested) {
            writeCopyDone(); // stopped before the server got this far
            return;
        }
        handler.started();
    }

    @Override
    protected void copyData(ByteBuf data) {
        if (copyDoneSent) {
            // Stopping: what is still in flight is dropped; the walsender may even send a
            // keepalive after its own CopyDone, so this is checked before the COPY state.
            return;
        }
        if (!inCopy) {
            unexpected("CopyData");
        }
        byte kind = data.readByte();
        if (kind == 'w') {
            long walStart = data.readLong();
            long walEnd = data.readLong();
            data.skipBytes(8); // send time
            byte[] payload = new byte[data.readableBytes()];
            data.readBytes(payload);
            handler.xlogData(walStart, walEnd, ByteBuffer.wrap(payload));
        } else if (kind == 'k') {
            long walEnd = data.readLong();
            data.skipBytes(8);
            handler.keepalive(walEnd, data.readByte() == 1);
        } else {
            throw new PgProtocolException("unknown replication CopyData message '" + (char) kind + "'");
        }
    }

    @Override
    protected void copyDone() {
        serverCopyDone = true;
        inCopy = false;
        if (!copyDoneSent) {
            writeCopyDone(); // the server ended the stream (e.g. a timeline switch): answer in kind
        }
    }

    // A physical stream ending on a timeline switch sends a result set; logical never does.
    @Override
    protected void rowDescription(RowDescription description) {
    }

    @Override
    protected void dataRow(ByteBuf row) {
    }

    @Override
    protected void commandComplete(String tag) {
        status = new CommandStatus(tag);
    }

    @Override
    protected CommandStatus result() {
        return status;
    }

    /**
     * Sends a standby status update; from any thread. Dropped once CopyDone was sent or before
     * the stream started.
     */
    void sendStatus(long written, long flushed, long applied, boolean replyRequested) {
        EngineContext ctx = context;
        if (ctx == null) {
            return;
        }
        ctx.runOnIoThread(() -> {
            if (!inCopy || copyDoneSent || isFinished()) {
                return;
            }
            ByteBuf out = ctx.outbound();
            int start = FrontendMessages.copyDataStart(out);
            out.writeByte('r');
            out.writeLong(written);
            out.writeLong(flushed);
            out.writeLong(applied);
            out.writeLong(WalClock.now());
            out.writeByte(replyRequested ? 1 : 0);
            FrontendMessages.copyDataEnd(out, start);
        });
    }

    /** Asks the server to end the stream (CopyDone); from any thread. */
    void stop() {
        stopRequested = true;
        EngineContext ctx = context;
        if (ctx == null) {
            return;
        }
        ctx.runOnIoThread(() -> {
            if (!copyDoneSent && !isFinished() && (inCopy || serverCopyDone)) {
                writeCopyDone();
            }
        });
    }

    private void writeCopyDone() {
        copyDoneSent = true;
        FrontendMessages.copyDone(context.outbound());
        context.requestFlush();
    }
}
