package io.pgjet.internal.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pgjet.internal.engine.CopyInCommand;
import io.pgjet.internal.engine.Transport;
import io.pgjet.protocol.FrontendMessages;
import java.util.Iterator;

/**
 * Streams a COPY FROM STDIN source to the server on a worker thread: one CopyData message per
 * chunk, waiting whenever the socket's outbound buffer is full (so memory stays bounded), then
 * CopyDone — or CopyFail with the source's error, which makes the server roll the COPY back.
 * Stops early when the server already rejected the copy.
 *
 * <p>Anything the source throws (including errors) ends in CopyFail, never in CopyDone, so a
 * broken source can never commit a partial load. The CopyFail message is the source's
 * exception as text, cut to {@value #MAX_REASON} characters.
 */
public final class CopyInWriter {
    /** Longest CopyFail reason sent; the server logs it and repeats it in its error. */
    static final int MAX_REASON = 1000;

    private final Transport io;
    private final CopyInCommand command;

    /** Creates the writer of {@code command}'s data over {@code io}. */
    public CopyInWriter(Transport io, CopyInCommand command) {
        this.io = io;
        this.command = command;
    }

    /** Sends every chunk of {@code source}, then CopyDone (or CopyFail if the source failed); blocks the calling worker. */
    public void pump(Iterator<byte[]> source) {
        try {
            while (!command.serverFailed() && source.hasNext()) {
                byte[] chunk = source.next();
                if (chunk.length == 0) {
                    continue;
                }
                ByteBuf message = ByteBufAllocator.DEFAULT.buffer(chunk.length + 5);
                FrontendMessages.copyData(message, chunk, 0, chunk.length);
                io.writeDirect(message); // waits while the socket's buffer is full
            }
        } catch (Throwable e) {
            String reason = "COPY source failed: " + e;
            send(copyFail(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason));
            return;
        }
        if (!command.serverFailed()) {
            ByteBuf done = ByteBufAllocator.DEFAULT.buffer(5);
            FrontendMessages.copyDone(done);
            send(done);
        }
    }

    private static ByteBuf copyFail(String reason) {
        ByteBuf fail = ByteBufAllocator.DEFAULT.buffer(reason.length() * 3 + 6);
        FrontendMessages.copyFail(fail, reason.replace('\0', ' '));
        return fail;
    }

    private void send(ByteBuf message) {
        io.writeDirect(message);
    }
}
