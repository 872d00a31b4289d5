package io.pgjet.protocol;

import static io.pgjet.protocol.MessageWriter.begin;
import static io.pgjet.protocol.MessageWriter.checkCount;
import static io.pgjet.protocol.MessageWriter.patchLength;
import static io.pgjet.protocol.MessageWriter.targeted;
import static io.pgjet.protocol.MessageWriter.writeFormats;
import static io.pgjet.protocol.MessageWriter.writeName;
import static io.pgjet.protocol.MessageWriter.writeString;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * Encodes frontend (client to server) messages straight into a caller's {@link ByteBuf}.
 *
 * <p>Each method appends one complete message at {@code out}'s writer index and back-patches its
 * int32 length; nothing is allocated on the way. Strings are written as UTF-8 followed by a NUL
 * terminator (unpaired surrogates become {@code '?'}). A string containing U+0000 cannot be sent
 * and is rejected with an {@link IllegalArgumentException} naming the field; on any argument
 * failure {@code out}'s writer index is restored, so no partial message remains. Statement and
 * portal names may be null or empty, both meaning the unnamed statement or portal.
 *
 * <p>Format-code arrays follow the protocol: length 0 (or null) means all text, length 1 applies
 * to every value, length n gives one code per value (0 text, 1 binary).
 *
 * <p>{@code out} is never retained or released. Stateless and thread-safe.
 */
public final class FrontendMessages {

    private FrontendMessages() {
    }

    // ---- extended query protocol: hot path first ----

    /**
     * Starts a Bind message, writing everything up to and including the parameter count.
     *
     * <p>The caller must then write exactly {@code parameterCount} values, each with {@link
     * #bindNull} or {@link #bindValueStart}/{@link #bindValueEnd}, and finish with {@link
     * #bindEnd}.
     *
     * @param out destination buffer
     * @param portal destination portal name (null or empty: the unnamed portal)
     * @param statement source prepared statement name (null or empty: the unnamed statement)
     * @param parameterFormats parameter format codes: null/empty, one, or {@code parameterCount}
     * @param parameterCount number of parameter values that will follow, 0..65535
     * @return the index of the message start, to pass to {@link #bindEnd}
     * @throws IllegalArgumentException if a count is out of range, the number of format codes
     *     matches neither 0, 1 nor {@code parameterCount}, or a name contains U+0000
     */
    public static int bindStart(ByteBuf out, String portal, String statement, short[] parameterFormats,
            int parameterCount) {
        checkCount(parameterCount, "parameterCount");
        int formatCount = parameterFormats == null ? 0 : parameterFormats.length;
        if (formatCount > 1 && formatCount != parameterCount) {
            throw new IllegalArgumentException("parameterFormats has " + formatCount
                    + " codes; expected 0, 1 or parameterCount (" + parameterCount + ")");
        }
        int start = begin(out, 'B');
        writeName(out, portal, "portal", start);
        writeName(out, statement, "statement", start);
        out.writeShort(formatCount);
        for (int i = 0; i < formatCount; i++) {
            out.writeShort(parameterFormats[i]);
        }
        out.writeShort(parameterCount);
        return start;
    }

    /**
     * Writes a NULL parameter value inside a Bind message started by {@link #bindStart}.
     *
     * @param out the buffer holding the Bind message being written
     */
    public static void bindNull(ByteBuf out) {
        out.writeInt(-1);
    }

    /**
     * Starts a non-NULL parameter value inside a Bind message: writes a placeholder int32 length.
     * The caller then writes the value bytes and calls {@link #bindValueEnd}.
     *
     * @param out the buffer holding the Bind message being written
     * @return the index of the placeholder, to pass to {@link #bindValueEnd}
     */
    public static int bindValueStart(ByteBuf out) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    /**
     * Finishes a parameter value: back-patches its length from the bytes written since {@link
     * #bindValueStart}.
     *
     * @param out the buffer holding the Bind message being written
     * @param lengthIndex the index returned by {@link #bindValueStart}
     */
    public static void bindValueEnd(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    /**
     * Finishes a Bind message: writes the result format codes and back-patches the message length.
     *
     * @param out the buffer holding the Bind message being written
     * @param start the index returned by {@link #bindStart}
     * @param resultFormats result column format codes: null/empty (all text), one (all columns) or
     *     one per result column
     * @throws IllegalArgumentException if {@code start} is not the start of a Bind message or
     *     there are more than 65535 result format codes
     */
    public static void bindEnd(ByteBuf out, int start, short[] resultFormats) {
        if (out.getByte(start) != 'B') {
            throw new IllegalArgumentException("index " + start + " is not the start of a Bind message");
        }
        writeFormats(out, resultFormats, "resultFormats");
        patchLength(out, start);
    }

    /**
     * Writes a complete Bind message whose parameter values are already in byte arrays.
     *
     * @param out destination buffer
     * @param portal destination portal name (null or empty: the unnamed portal)
     * @param statement source prepared statement name (null or empty: the unnamed statement)
     * @param parameterFormats parameter format codes: null/empty, one, or one per value
     * @param values parameter values in their wire format; a null element is SQL NULL; a null
     *     array means no parameters. The arrays are copied, not retained
     * @param resultFormats result column format codes: null/empty, one, or one per column
     * @throws IllegalArgumentException as {@link #bindStart} and {@link #bindEnd}
     */
    public static void bind(ByteBuf out, String portal, String statement, short[] parameterFormats,
            byte[][] values, short[] resultFormats) {
        int count = values == null ? 0 : values.length;
        int start = bindStart(out, portal, statement, parameterFormats, count);
        for (int i = 0; i < count; i++) {
            byte[] value = values[i];
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.writeBytes(value);
            }
        }
        try {
            bindEnd(out, start, resultFormats);
        } catch (IllegalArgumentException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /**
     * Writes an Execute message.
     *
     * @param out destination buffer
     * @param portal portal to execute (null or empty: the unnamed portal)
     * @param maxRows maximum number of rows to return before PortalSuspended; 0 means no limit
     * @throws IllegalArgumentException if {@code maxRows} is negative or the name contains U+0000
     */
    public static void execute(ByteBuf out, String portal, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        int start = begin(out, 'E');
        writeName(out, portal, "portal", start);
        out.writeInt(maxRows);
        patchLength(out, start);
    }

    /**
     * Writes a Sync message.
     *
     * @param out destination buffer
     */
    public static void sync(ByteBuf out) {
        out.writeByte('S');
        out.writeInt(4);
    }

    /**
     * Writes a Parse message.
     *
     * @param out destination buffer
     * @param statementName name of the prepared statement (null or empty: the unnamed statement)
     * @param sql the query text, with {@code $n} placeholders
     * @param parameterTypeOids parameter type OIDs; 0 leaves a type unspecified; null or empty
     *     lets the server infer all of them
     * @throws IllegalArgumentException if there are more than 65535 OIDs or a string contains
     *     U+0000
     * @throws NullPointerException if {@code sql} is null
     */
    public static void parse(ByteBuf out, String statementName, String sql, int[] parameterTypeOids) {
        int count = parameterTypeOids == null ? 0 : parameterTypeOids.length;
        checkCount(count, "parameterTypeOids.length");
        int start = begin(out, 'P');
        writeName(out, statementName, "statementName", start);
        writeString(out, sql, "sql", start);
        out.writeShort(count);
        for (int i = 0; i < count; i++) {
            out.writeInt(parameterTypeOids[i]);
        }
        patchLength(out, start);
    }

    /**
     * Writes a Describe message for a prepared statement.
     *
     * @param out destination buffer
     * @param name statement name (null or empty: the unnamed statement)
     * @throws IllegalArgumentException if the name contains U+0000
     */
    public static void describeStatement(ByteBuf out, String name) {
        targeted(out, 'D', 'S', name);
    }

    /**
     * Writes a Describe message for a portal.
     *
     * @param out destination buffer
     * @param name portal name (null or empty: the unnamed portal)
     * @throws IllegalArgumentException if the name contains U+0000
     */
    public static void describePortal(ByteBuf out, String name) {
        targeted(out, 'D', 'P', name);
    }

    /**
     * Writes a Close message for a prepared statement.
     *
     * @param out destination buffer
     * @param name statement name (null or empty: the unnamed statement)
     * @throws IllegalArgumentException if the name contains U+0000
     */
    public static void closeStatement(ByteBuf out, String name) {
        targeted(out, 'C', 'S', name);
    }

    /**
     * Writes a Close message for a portal.
     *
     * @param out destination buffer
     * @param name portal name (null or empty: the unnamed portal)
     * @throws IllegalArgumentException if the name contains U+0000
     */
    public static void closePortal(ByteBuf out, String name) {
        targeted(out, 'C', 'P', name);
    }

    /**
     * Writes a Flush message.
     *
     * @param out destination buffer
     */
    public static void flush(ByteBuf out) {
        out.writeByte('H');
        out.writeInt(4);
    }

    // ---- simple query, COPY, session end ----

    /**
     * Writes a simple-protocol Query message.
     *
     * @param out destination buffer
     * @param sql one or more SQL statements
     * @throws IllegalArgumentException if {@code sql} contains U+0000
     * @throws NullPointerException if {@code sql} is null
     */
    public static void query(ByteBuf out, String sql) {
        int start = begin(out, 'Q');
        writeString(out, sql, "sql", start);
        patchLength(out, start);
    }

    /**
     * Writes a CopyData message carrying the readable bytes of {@code data}.
     *
     * @param out destination buffer
     * @param data payload; its indices are not changed and it is not released
     */
    public static void copyData(ByteBuf out, ByteBuf data) {
        int length = data.readableBytes();
        out.writeByte('d');
        out.writeInt(4 + length);
        out.writeBytes(data, data.readerIndex(), length);
    }

    /**
     * Writes a CopyData message carrying a range of a byte array.
     *
     * @param out destination buffer
     * @param data payload array, not retained
     * @param offset index of the first payload byte
     * @param length number of payload bytes
     * @throws IndexOutOfBoundsException if the range is outside {@code data}
     */
    public static void copyData(ByteBuf out, byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        out.writeByte('d');
        out.writeInt(4 + length);
        out.writeBytes(data, offset, length);
    }

    /**
     * Starts a CopyData message whose payload the caller writes directly (e.g. binary COPY rows);
     * finish it with {@link #copyDataEnd}.
     *
     * @param out destination buffer
     * @return the index of the message start, to pass to {@link #copyDataEnd}
     */
    public static int copyDataStart(ByteBuf out) {
        return begin(out, 'd');
    }

    /**
     * Finishes a CopyData message started by {@link #copyDataStart}: back-patches its length.
     *
     * @param out the buffer holding the message
     * @param start the index returned by {@link #copyDataStart}
     * @throws IllegalArgumentException if {@code start} is not the start of a CopyData message
     */
    public static void copyDataEnd(ByteBuf out, int start) {
        if (out.getByte(start) != 'd') {
            throw new IllegalArgumentException("index " + start + " is not the start of a CopyData message");
        }
        patchLength(out, start);
    }

    /**
     * Writes a CopyDone message.
     *
     * @param out destination buffer
     */
    public static void copyDone(ByteBuf out) {
        out.writeByte('c');
        out.writeInt(4);
    }

    /**
     * Writes a CopyFail message, making the server abort the COPY with this text as the error.
     *
     * @param out destination buffer
     * @param message the reason, reported back in the server's ErrorResponse
     * @throws IllegalArgumentException if {@code message} contains U+0000
     * @throws NullPointerException if {@code message} is null
     */
    public static void copyFail(ByteBuf out, String message) {
        int start = begin(out, 'f');
        writeString(out, message, "message", start);
        patchLength(out, start);
    }

    /**
     * Writes a Terminate message.
     *
     * @param out destination buffer
     */
    public static void terminate(ByteBuf out) {
        out.writeByte('X');
        out.writeInt(4);
    }

    // ---- connection start-up and cancellation (no type byte) ----

    /**
     * Writes a StartupMessage.
     *
     * @param out destination buffer
     * @param protocolVersion requested version, e.g. {@link ProtocolVersion#V3_0} or {@link
     *     ProtocolVersion#V3_2}
     * @param parameters run-time parameters in iteration order ({@code user} is required by the
     *     server; {@code database}, {@code options}, {@code _pq_.*} and GUCs are optional)
     * @throws IllegalArgumentException if a name is empty or a name or value contains U+0000
     * @throws NullPointerException if a name or value is null
     */
    public static void startup(ByteBuf out, int protocolVersion, Map<String, String> parameters) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeInt(protocolVersion);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name == null || name.isEmpty()) {
                out.writerIndex(start);
                throw new IllegalArgumentException("startup parameter name must not be " + (name == null ? "null" : "empty"));
            }
            String value = parameter.getValue();
            if (value != null && value.indexOf(0) >= 0) {
                out.writerIndex(start);
                throw new IllegalArgumentException("startup parameter " + name + " must not contain U+0000 (NUL)");
            }
            writeString(out, name, "startup parameter name", start);
            writeString(out, value, "startup parameter value", start);
        }
        out.writeByte(0);
        out.setInt(start, out.writerIndex() - start);
    }

    /**
     * Writes an SSLRequest.
     *
     * @param out destination buffer
     */
    public static void sslRequest(ByteBuf out) {
        out.writeInt(8);
        out.writeInt(ProtocolVersion.SSL_REQUEST_CODE);
    }

    /**
     * Writes a GSSENCRequest.
     *
     * @param out destination buffer
     */
    public static void gssEncRequest(ByteBuf out) {
        out.writeInt(8);
        out.writeInt(ProtocolVersion.GSSENC_REQUEST_CODE);
    }

    /**
     * Writes a CancelRequest, to be sent on a new connection.
     *
     * @param out destination buffer
     * @param processId the backend process ID from BackendKeyData
     * @param secretKey the secret key from BackendKeyData: 4 bytes in protocol 3.0, 4..256 bytes
     *     in 3.2; not retained
     * @throws IllegalArgumentException if the key is shorter than 4 or longer than 256 bytes
     */
    public static void cancelRequest(ByteBuf out, int processId, byte[] secretKey) {
        if (secretKey.length < 4 || secretKey.length > BackendMessages.MAX_CANCEL_KEY_LENGTH) {
            throw new IllegalArgumentException("cancel secret key must be 4.." + BackendMessages.MAX_CANCEL_KEY_LENGTH
                    + " bytes, got " + secretKey.length);
        }
        out.writeInt(12 + secretKey.length);
        out.writeInt(ProtocolVersion.CANCEL_REQUEST_CODE);
        out.writeInt(processId);
        out.writeBytes(secretKey);
    }

    // ---- authentication responses (all type 'p') ----

    /**
     * Writes a PasswordMessage carrying a cleartext or MD5-encoded password.
     *
     * @param out destination buffer
     * @param password the password, or the output of {@link Md5Authentication#encode}
     * @throws IllegalArgumentException if {@code password} contains U+0000 (the text of the
     *     exception never contains the password)
     * @throws NullPointerException if {@code password} is null
     */
    public static void password(ByteBuf out, String password) {
        int start = begin(out, 'p');
        writeString(out, password, "password", start);
        patchLength(out, start);
    }

    /**
     * Writes a SASLInitialResponse.
     *
     * @param out destination buffer
     * @param mechanism the chosen mechanism, e.g. {@code "SCRAM-SHA-256"}
     * @param data the mechanism's initial client response, or null for none (length -1); not
     *     retained
     * @throws IllegalArgumentException if {@code mechanism} contains U+0000
     * @throws NullPointerException if {@code mechanism} is null
     */
    public static void saslInitialResponse(ByteBuf out, String mechanism, byte[] data) {
        int start = begin(out, 'p');
        writeString(out, mechanism, "mechanism", start);
        if (data == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(data.length);
            out.writeBytes(data);
        }
        patchLength(out, start);
    }

    /**
     * Writes a SASLResponse.
     *
     * @param out destination buffer
     * @param data the mechanism's client response; not retained
     */
    public static void saslResponse(ByteBuf out, byte[] data) {
        out.writeByte('p');
        out.writeInt(4 + data.length);
        out.writeBytes(data);
    }
}
