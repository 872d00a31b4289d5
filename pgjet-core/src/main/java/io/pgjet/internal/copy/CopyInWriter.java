package io.pgjet.internal.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pgjet.internal.engine.CopyInCommand;
import io.pgjet.internal.engine.Transport;
import io.pgjet.protocol.FrontendMessages;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/**
 * Streams a COPY FROM STDIN source to the server on a worker thread: one CopyData message per
 * chunk, waiting whenever the socket's outbound buffer is full (so memory stays bounded), then
 * CopyDone — or CopyFail with the source's error, which makes the server roll the COPY back.
 * Stops early when the COPY no longer takes data (the server rejected it, or it timed out or was
 * cancelled, in which case the I/O thread already sent CopyFail without waiting for this thread).
 *
 * <p>Every message goes through {@link CopyInCommand#send}, which writes it on the I/O thread
 * only while the COPY is open, so nothing this thread sends late can reach a later command.
 *
 * <p>Anything the source throws (including errors) ends in CopyFail, never in CopyDone, so a
 * broken source can never commit a partial load. The CopyFail message is the source's
 * exception as text, cut to {@value #MAX_REASON} characters.
 */
public final class CopyInWriter {
    /** Longest CopyFail reason sent; the server logs it and repeats it in its error. */
    static final int MAX_REASON = 1000;
    /**
     * Chunks handed to the I/O thread and not yet written before this thread waits: the socket's
     * writability does not count them until the I/O thread writes them.
     */
    private static final int MAX_UNSENT = 16;

    private final Transport io;
    private final CopyInCommand command;
    private final CopyInCommand.Writer writer;

    /** Creates the writer of {@code command}'s data over {@code io}. */
    public CopyInWriter(Transport io, CopyInCommand command) {
        this.io = io;
        this.command = command;
        this.writer = new CopyInCommand.Writer() {
            @Override
            public void execute(Runnable task) {
                io.execute(task);
            }

            @Override
            public void write(ByteBuf message, Runnable written) {
                io.writeDirect(message, written);
            }
        };
    }

    /** Sends every chunk of {@code source}, then CopyDone (or CopyFail if the source failed); blocks the calling worker. */
    public void pump(Iterator<byte[]> source) {
        java.util.ArrayDeque<CompletableFuture<Void>> unsent = new java.util.ArrayDeque<>();
        try {
            while (command.acceptsData() && source.hasNext()) {
                byte[] chunk = source.next();
                if (chunk.length == 0) {
                    continue;
                }
                ByteBuf message = ByteBufAllocator.DEFAULT.buffer(chunk.length + 5);
                FrontendMessages.copyData(message, chunk, 0, chunk.length);
                CompletableFuture<Void> sent = command.send(writer, message, false);
                unsent.addLast(sent);
                while (!unsent.isEmpty() && unsent.peekFirst().isDone()) {
                    unsent.pollFirst();
                }
                if (!io.isWritable() || unsent.size() > MAX_UNSENT) {
                    sent.join(); // backpressure: the socket (or the I/O thread) is behind
                    unsent.clear();
                }
            }
        } catch (Throwable e) {
            String reason = "COPY source failed: " + e;
            command.send(writer, copyFail(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason),
                    true);
            return;
        }
        if (command.acceptsData()) {
            ByteBuf done = ByteBufAllocator.DEFAULT.buffer(5);
            FrontendMessages.copyDone(done);
            command.send(writer, done, true);
        }
    }

    private static ByteBuf copyFail(String reason) {
        ByteBuf fail = ByteBufAllocator.DEFAULT.buffer(reason.length() * 3 + 6);
        FrontendMessages.copyFail(fail, reason.replace('\0', ' '));
        return fail;
    }
}
