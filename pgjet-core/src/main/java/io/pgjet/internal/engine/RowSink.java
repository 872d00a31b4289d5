package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.internal.result.Columns;

/**
 * Takes the rows of a streamed statement as they arrive, instead of the command collecting them
 * ({@link QueryCommand#streaming}). Runs on the connection's I/O thread and must not block.
 */
public interface RowSink {
    /**
     * Takes one DataRow body, positioned at its column count; {@code body} is valid only during
     * the call. May throw a protocol error for a malformed row (the engine then closes the
     * connection).
     *
     * @param columns the statement's column layout
     */
    void row(Columns columns, ByteBuf body);

    /**
     * Called once when the command is over on the wire (its ReadyForQuery arrived, or it was
     * aborted); the command's future is complete by then.
     */
    void finished();
}
