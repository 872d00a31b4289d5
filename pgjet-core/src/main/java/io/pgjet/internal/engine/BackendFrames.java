package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.BackendFraming;
import io.pgjet.protocol.BackendHandler;
import io.pgjet.protocol.BackendMessages;

/**
 * Cuts received bytes into backend messages and dispatches each complete one, for every
 * transport: without copying or allocating, every message body is the read buffer itself with
 * its indexes narrowed to the body, so a handler must not keep the buffer.
 */
public final class BackendFrames {
    private BackendFrames() {}

    /**
     * Dispatches every complete message in {@code in} to {@code handler}, leaving the reader index
     * at the start of the first incomplete one.
     *
     * @throws io.pgjet.protocol.ProtocolException when a length is malformed or above {@code maxMessageSize}
     */
    public static void dispatch(ByteBuf in, int maxMessageSize, BackendHandler handler) {
        while (true) {
            int frame = BackendFraming.completeFrameLength(in, maxMessageSize);
            if (frame == 0) {
                return;
            }
            int start = in.readerIndex();
            int end = start + frame;
            int available = in.writerIndex();
            byte type = in.getByte(start);
            in.setIndex(start + 5, end);
            try {
                BackendMessages.dispatch(type, in, handler);
            } finally {
                in.setIndex(end, available);
            }
        }
    }

    /**
     * Returns how many bytes the incomplete message at the start of {@code in} needs in all
     * (header included), or 5 while its header is still incomplete; its length was already
     * checked by {@link #dispatch}.
     */
    public static int partialFrameSize(ByteBuf in) {
        return in.readableBytes() >= 5 ? 1 + in.getInt(in.readerIndex() + 1) : 5;
    }
}
