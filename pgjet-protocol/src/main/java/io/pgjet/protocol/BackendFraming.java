package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Finds complete backend message frames ({@code type byte, int32 length, body}) in a stream of
 * bytes, checking the type and the declared length before any body byte is awaited or allocated.
 *
 * <p>Stateless; all members are static and thread-safe.
 */
public final class BackendFraming {

    /** Size of a frame header: one type byte plus the int32 length. */
    public static final int HEADER_SIZE = 5;

    /**
     * Default upper bound for a declared message length: 1 GiB plus 1 MiB, enough for a DataRow
     * holding one maximal (1 GiB) field plus its framing.
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = (1 << 30) + (1 << 20);

    /**
     * Upper bound for the declared length of a message that carries no row data (ErrorResponse,
     * NoticeResponse, ParameterStatus, Authentication, NotificationResponse, CommandComplete...):
     * 16 MiB, far above anything PostgreSQL sends, so that a hostile server cannot make the
     * client buffer up to {@code maxMessageSize} (1 GiB by default) for an error text. A lower
     * {@code maxMessageSize} applies to these too.
     */
    public static final int MAX_CONTROL_MESSAGE_SIZE = 16 << 20;

    /** Largest accepted {@code maxMessageSize}, so that the frame size still fits in an int. */
    public static final int MAX_MESSAGE_SIZE_LIMIT = Integer.MAX_VALUE - 1;

    private BackendFraming() {
    }

    /**
     * Checks whether a complete frame starts at {@code in}'s reader index, without consuming
     * anything.
     *
     * <p>The type byte is validated as soon as it is present, and the declared length as soon as
     * the header is present, so that garbage fails fast instead of waiting for a huge body.
     *
     * @param in bytes received so far; not modified, retained or released
     * @param maxMessageSize the largest accepted declared length (which counts the length field
     *     itself but not the type byte), at most {@link #MAX_MESSAGE_SIZE_LIMIT}
     * @return 0 if the frame is not complete yet, else the total frame size ({@code 1 + length})
     * @throws ProtocolException if the type byte is not a known backend message type, or the
     *     declared length is below 4 or above {@code maxMessageSize} (or, for a message that
     *     carries no row data, above {@link #MAX_CONTROL_MESSAGE_SIZE})
     * @throws IllegalArgumentException if {@code maxMessageSize} is outside 4..{@link
     *     #MAX_MESSAGE_SIZE_LIMIT}
     */
    public static int completeFrameLength(ByteBuf in, int maxMessageSize) {
        if (maxMessageSize < 4 || maxMessageSize > MAX_MESSAGE_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxMessageSize out of range: " + maxMessageSize);
        }
        int readable = in.readableBytes();
        if (readable == 0) {
            return 0;
        }
        int start = in.readerIndex();
        byte type = in.getByte(start);
        if (!BackendMessageType.isKnown(type)) {
            throw new ProtocolException("unknown backend message type " + BackendMessageType.describe(type)
                    + " at the start of a frame");
        }
        if (readable < HEADER_SIZE) {
            return 0;
        }
        int length = in.getInt(start + 1);
        int limit = carriesRowData(type) ? maxMessageSize : Math.min(maxMessageSize, MAX_CONTROL_MESSAGE_SIZE);
        if (length < 4 || length > limit) {
            throw new ProtocolException(BackendMessageType.name(type) + " declares length " + length
                    + (length < 4 ? ", below the minimum of 4" : ", above the limit of " + limit));
        }
        return readable - 1 < length ? 0 : length + 1;
    }

    /** Tells whether messages of this type carry values or row metadata, so only {@code maxMessageSize} bounds them. */
    private static boolean carriesRowData(byte type) {
        return type == BackendMessageType.DATA_ROW || type == BackendMessageType.COPY_DATA
                || type == BackendMessageType.ROW_DESCRIPTION || type == BackendMessageType.PARAMETER_DESCRIPTION
                || type == BackendMessageType.FUNCTION_CALL_RESPONSE;
    }
}
