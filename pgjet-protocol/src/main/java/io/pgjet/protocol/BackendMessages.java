package io.pgjet.protocol;

import static io.pgjet.protocol.Bodies.expectEnd;
import static io.pgjet.protocol.Bodies.readByte;
import static io.pgjet.protocol.Bodies.cStringLength;
import static io.pgjet.protocol.Bodies.readCString;
import static io.pgjet.protocol.Bodies.readInt;
import static io.pgjet.protocol.Bodies.readRemaining;
import static io.pgjet.protocol.Bodies.readShort;
import static io.pgjet.protocol.Bodies.readUnsignedShort;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes backend message bodies and hands each to one {@link BackendHandler} method.
 *
 * <p>Every parser checks that the body holds exactly its fields and that counts fit the body
 * before anything is allocated; anything else raises {@link ProtocolException}. Row data is not
 * copied: DataRow, CopyData and FunctionCallResponse pass views of the body to the handler.
 *
 * <p>Stateless; all members are static and thread-safe.
 */
public final class BackendMessages {

    /** Longest cancel secret key protocol 3.2 allows, in bytes. */
    public static final int MAX_CANCEL_KEY_LENGTH = 256;

    /** Shortest cancel secret key accepted, in bytes (the only length in protocol 3.0). */
    public static final int MIN_CANCEL_KEY_LENGTH = 4;

    /** Smallest possible RowDescription field: an empty name's NUL plus 18 bytes of numbers. */
    private static final int MIN_FIELD_DESCRIPTION_SIZE = 19;

    private BackendMessages() {
    }

    /**
     * Decodes one message body and calls exactly one handler method with its contents.
     *
     * <p>The body is validated completely before the handler is called, so a handler never sees
     * part of a malformed message (DataRow bodies excepted when the handler {@linkplain
     * BackendHandler#checksDataRows() checks them itself}).
     *
     * @param type the message type byte
     * @param body exactly the message body (the bytes after the 5-byte header), from its reader
     *     index to its writer index; its reader index is advanced; it is not retained or released,
     *     and views of it passed to the handler are valid only during the call
     * @param handler receives the decoded message; its exceptions propagate unchanged
     * @throws ProtocolException if the type is unknown or the body is malformed
     */
    public static void dispatch(byte type, ByteBuf body, BackendHandler handler) {
        switch (type) {
            case BackendMessageType.DATA_ROW:
                if (!handler.checksDataRows()) {
                    DataRows.validate(body);
                }
                handler.dataRow(body);
                return;
            case BackendMessageType.COMMAND_COMPLETE:
                handler.commandComplete(commandTag(body));
                return;
            case BackendMessageType.BIND_COMPLETE:
                expectEnd(body, "BindComplete");
                handler.bindComplete();
                return;
            case BackendMessageType.PARSE_COMPLETE:
                expectEnd(body, "ParseComplete");
                handler.parseComplete();
                return;
            case BackendMessageType.READY_FOR_QUERY:
                handler.readyForQuery(transactionStatus(body));
                return;
            default:
                dispatchOther(type, body, handler);
        }
    }

    /**
     * Takes the next complete frame from {@code in}, if there is one, and dispatches it.
     *
     * <p>On success {@code in}'s reader index moves past the frame before the handler is called,
     * so the frame is consumed even if the handler throws.
     *
     * @param in received bytes; not retained or released
     * @param maxMessageSize the largest accepted declared length, see {@link
     *     BackendFraming#completeFrameLength}
     * @param handler receives the decoded message
     * @return true if a frame was dispatched, false if no complete frame is available yet
     * @throws ProtocolException if the frame header or body is malformed
     */
    public static boolean dispatchNext(ByteBuf in, int maxMessageSize, BackendHandler handler) {
        int frameLength = BackendFraming.completeFrameLength(in, maxMessageSize);
        if (frameLength == 0) {
            return false;
        }
        int start = in.readerIndex();
        byte type = in.getByte(start);
        ByteBuf body = in.slice(start + BackendFraming.HEADER_SIZE, frameLength - BackendFraming.HEADER_SIZE);
        in.skipBytes(frameLength);
        dispatch(type, body, handler);
        return true;
    }

    private static String commandTag(ByteBuf body) {
        int length = cStringLength(body, "CommandComplete", "command tag");
        String tag = CommandTags.read(body, body.readerIndex(), length);
        body.skipBytes(length + 1);
        expectEnd(body, "CommandComplete");
        return tag;
    }

    private static byte transactionStatus(ByteBuf body) {
        byte status = readByte(body, "ReadyForQuery", "transaction status");
        expectEnd(body, "ReadyForQuery");
        if (status != 'I' && status != 'T' && status != 'E') {
            throw new ProtocolException("ReadyForQuery has unknown transaction status "
                    + BackendMessageType.describe(status));
        }
        return status;
    }

    private static void dispatchOther(byte type, ByteBuf body, BackendHandler handler) {
        switch (type) {
            case BackendMessageType.ROW_DESCRIPTION -> handler.rowDescription(rowDescription(body));
            case BackendMessageType.PARAMETER_DESCRIPTION -> handler.parameterDescription(parameterTypes(body));
            case BackendMessageType.NO_DATA -> {
                expectEnd(body, "NoData");
                handler.noData();
            }
            case BackendMessageType.PORTAL_SUSPENDED -> {
                expectEnd(body, "PortalSuspended");
                handler.portalSuspended();
            }
            case BackendMessageType.CLOSE_COMPLETE -> {
                expectEnd(body, "CloseComplete");
                handler.closeComplete();
            }
            case BackendMessageType.EMPTY_QUERY_RESPONSE -> {
                expectEnd(body, "EmptyQueryResponse");
                handler.emptyQueryResponse();
            }
            case BackendMessageType.ERROR_RESPONSE -> handler.errorResponse(serverMessage(body, "ErrorResponse"));
            case BackendMessageType.NOTICE_RESPONSE -> handler.noticeResponse(serverMessage(body, "NoticeResponse"));
            case BackendMessageType.NOTIFICATION_RESPONSE -> notification(body, handler);
            case BackendMessageType.PARAMETER_STATUS -> parameterStatus(body, handler);
            case BackendMessageType.BACKEND_KEY_DATA -> backendKeyData(body, handler);
            case BackendMessageType.AUTHENTICATION -> AuthenticationMessages.dispatch(body, handler);
            case BackendMessageType.COPY_IN_RESPONSE -> handler.copyInResponse(copyResponse(body, "CopyInResponse"));
            case BackendMessageType.COPY_OUT_RESPONSE -> handler.copyOutResponse(copyResponse(body, "CopyOutResponse"));
            case BackendMessageType.COPY_BOTH_RESPONSE ->
                    handler.copyBothResponse(copyResponse(body, "CopyBothResponse"));
            case BackendMessageType.COPY_DATA -> handler.copyData(body);
            case BackendMessageType.COPY_DONE -> {
                expectEnd(body, "CopyDone");
                handler.copyDone();
            }
            case BackendMessageType.NEGOTIATE_PROTOCOL_VERSION -> negotiateProtocolVersion(body, handler);
            case BackendMessageType.FUNCTION_CALL_RESPONSE -> functionCallResponse(body, handler);
            default -> throw new ProtocolException("unknown backend message type " + BackendMessageType.describe(type));
        }
    }

    private static RowDescription rowDescription(ByteBuf body) {
        String message = "RowDescription";
        int count = readUnsignedShort(body, message, "field count");
        Bodies.require(body, count * MIN_FIELD_DESCRIPTION_SIZE, message, count + " field descriptions");
        String[] names = new String[count];
        int[] tableOids = new int[count];
        short[] columnAttributes = new short[count];
        int[] typeOids = new int[count];
        short[] typeSizes = new short[count];
        int[] typeModifiers = new int[count];
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            names[i] = readCString(body, message, "field name");
            tableOids[i] = readInt(body, message, "table OID");
            columnAttributes[i] = readShort(body, message, "column attribute number");
            typeOids[i] = readInt(body, message, "type OID");
            typeSizes[i] = readShort(body, message, "type size");
            typeModifiers[i] = readInt(body, message, "type modifier");
            formats[i] = readShort(body, message, "format code");
        }
        expectEnd(body, message);
        return RowDescription.wrap(names, tableOids, columnAttributes, typeOids, typeSizes, typeModifiers, formats);
    }

    private static int[] parameterTypes(ByteBuf body) {
        int count = readUnsignedShort(body, "ParameterDescription", "parameter count");
        int listed = body.readableBytes() / 4;
        if (listed != count && body.readableBytes() % 4 == 0 && (listed & 0xFFFF) == count) {
            // The server writes the count as an Int16 even for a statement with more than 65,535
            // parameters, so only its low 16 bits arrive; the OIDs that follow are all there.
            count = listed;
        }
        if (body.readableBytes() != count * 4) {
            throw new ProtocolException("ParameterDescription declares " + count + " parameters but has "
                    + body.readableBytes() + " bytes of OIDs");
        }
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = body.readInt();
        }
        return oids;
    }

    private static ServerMessage serverMessage(ByteBuf body, String message) {
        Map<Character, String> fields = new LinkedHashMap<>();
        while (true) {
            byte code = readByte(body, message, "field code");
            if (code == 0) {
                break;
            }
            fields.put((char) (code & 0xFF), readCString(body, message, "field " + (char) (code & 0xFF)));
        }
        expectEnd(body, message);
        return ServerMessage.wrap(fields);
    }

    private static void notification(ByteBuf body, BackendHandler handler) {
        String message = "NotificationResponse";
        int processId = readInt(body, message, "process ID");
        String channel = readCString(body, message, "channel");
        String payload = readCString(body, message, "payload");
        expectEnd(body, message);
        handler.notificationResponse(processId, channel, payload);
    }

    private static void parameterStatus(ByteBuf body, BackendHandler handler) {
        String name = readCString(body, "ParameterStatus", "name");
        String value = readCString(body, "ParameterStatus", "value");
        expectEnd(body, "ParameterStatus");
        handler.parameterStatus(name, value);
    }

    private static void backendKeyData(ByteBuf body, BackendHandler handler) {
        int processId = readInt(body, "BackendKeyData", "process ID");
        int keyLength = body.readableBytes();
        if (keyLength < MIN_CANCEL_KEY_LENGTH || keyLength > MAX_CANCEL_KEY_LENGTH) {
            throw new ProtocolException("BackendKeyData has a " + keyLength + "-byte secret key; expected "
                    + MIN_CANCEL_KEY_LENGTH + ".." + MAX_CANCEL_KEY_LENGTH);
        }
        handler.backendKeyData(processId, readRemaining(body));
    }

    private static CopyResponse copyResponse(ByteBuf body, String message) {
        int overall = readByte(body, message, "overall format");
        checkFormat(overall, message, "overall format");
        int count = readUnsignedShort(body, message, "column count");
        if (body.readableBytes() != count * 2) {
            throw new ProtocolException(message + " declares " + count + " columns but has "
                    + body.readableBytes() + " bytes of format codes");
        }
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            formats[i] = body.readShort();
            checkFormat(formats[i], message, "column format");
        }
        return CopyResponse.wrap(overall, formats);
    }

    private static void checkFormat(int format, String message, String field) {
        if (format != 0 && format != 1) {
            throw new ProtocolException(message + " has " + field + " " + format + "; expected 0 or 1");
        }
    }

    private static void negotiateProtocolVersion(ByteBuf body, BackendHandler handler) {
        String message = "NegotiateProtocolVersion";
        int newestMinor = readInt(body, message, "newest minor version");
        int count = readInt(body, message, "option count");
        if (count < 0 || count > body.readableBytes()) {
            throw new ProtocolException(message + " declares " + count + " unrecognized options in "
                    + body.readableBytes() + " bytes");
        }
        List<String> options = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            options.add(readCString(body, message, "option name"));
        }
        expectEnd(body, message);
        handler.negotiateProtocolVersion(newestMinor, Collections.unmodifiableList(options));
    }

    private static void functionCallResponse(ByteBuf body, BackendHandler handler) {
        String message = "FunctionCallResponse";
        int length = readInt(body, message, "result length");
        if (length == -1) {
            expectEnd(body, message);
            handler.functionCallResponse(null);
            return;
        }
        if (length < 0 || length != body.readableBytes()) {
            throw new ProtocolException(message + " declares a " + length + "-byte result but has "
                    + body.readableBytes() + " bytes");
        }
        handler.functionCallResponse(body);
    }
}
