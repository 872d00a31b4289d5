package io.pgjet.internal.replication;

import java.nio.ByteBuffer;

/** What {@link CopyBothCommand} reports while the replication stream runs; called on the I/O thread. */
interface StreamHandler {
    /** The server entered COPY BOTH: the stream runs. */
    void started();

    /** One XLogData message; {@code payload} (a pgoutput message) is valid only during the call. */
    void xlogData(long walStart, long walEnd, ByteBuffer payload);

    /** A primary keepalive message. */
    void keepalive(long walEnd, boolean replyRequested);
}
