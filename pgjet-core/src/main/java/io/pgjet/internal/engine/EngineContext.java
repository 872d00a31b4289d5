package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;

/**
 * What a command may use of its connection while it runs: the outbound buffer, the session
 * state, and a way to ask for a flush. Only valid on the connection's I/O thread.
 */
public interface EngineContext {

    /** Returns the buffer that collects outbound messages until the next flush. */
    ByteBuf outbound();

    /** Flushes the outbound buffer at the end of the current I/O turn. */
    void requestFlush();

    /**
     * Sends a CancelRequest on a separate connection, cancelling whatever the server runs now.
     */
    void cancelRunningQuery();

    /**
     * Lets commands held behind {@code command} (see {@link Command#blocksPipeline()}) be written
     * now, after whatever {@code command} has written so far.
     */
    void releasePipeline(Command command);

    /**
     * Runs {@code task} on the I/O thread once the socket can take more data (at once, after a
     * flush, when it already can). Used by commands that stream large inputs.
     */
    void whenWritable(Runnable task);

    /** Runs {@code task} later on the I/O thread (from any thread). */
    void runOnIoThread(Runnable task);

    /** Returns the connection's session state. */
    SessionState session();
}
