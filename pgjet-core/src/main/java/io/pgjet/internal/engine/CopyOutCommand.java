package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.CommandStatus;
import io.pgjet.protocol.CopyResponse;
import io.pgjet.protocol.FrontendMessages;
import java.util.function.Consumer;

/**
 * The seed's COPY_OUT, COPY_OUT_DATA and COPY_OUT_DONE states: runs {@code COPY ... TO STDOUT}
 * and hands every CopyData chunk to a consumer as a byte array.
 *
 * <p>The consumer runs on the I/O thread and must not block; a consumer that throws makes the
 * command fail with that exception after the server finished the COPY.
 */
public final class CopyOutCommand extends ResultCommand<CommandStatus> {
    private final String sql;
    private final Consumer<byte[]> sink;
    private CommandStatus status;
    private boolean inCopy;
    private RuntimeException sinkError;

    /** Creates a COPY OUT of {@code sql} into {@code sink}. */
    public CopyOutCommand(String sql, Consumer<byte[]> sink) {
        this.sql = sql;
        this.sink = sink;
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
    protected void copyOutResponse(CopyResponse response) {
        inCopy = true;
    }

    @Override
    protected void copyData(ByteBuf data) {
        if (!inCopy) {
            unexpected("CopyData");
        }
        if (sinkError != null) {
            return;
        }
        byte[] chunk = new byte[data.readableBytes()];
        data.getBytes(data.readerIndex(), chunk);
        try {
            sink.accept(chunk);
        } catch (RuntimeException e) {
            sinkError = e;
        }
    }

    @Override
    protected void copyDone() {
        inCopy = false;
    }

    @Override
    protected void commandComplete(String tag) {
        status = new CommandStatus(tag);
    }

    @Override
    protected CommandStatus result() {
        if (sinkError != null) {
            throw sinkError;
        }
        return status;
    }
}
