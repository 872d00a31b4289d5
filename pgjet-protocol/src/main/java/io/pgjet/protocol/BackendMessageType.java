package io.pgjet.protocol;

/**
 * Names the type bytes of backend (server to client) messages and tells known ones apart.
 *
 * <p>Stateless; all members are static.
 */
public final class BackendMessageType {

    /** DataRow ({@code 'D'}). */
    public static final byte DATA_ROW = 'D';
    /** CommandComplete ({@code 'C'}). */
    public static final byte COMMAND_COMPLETE = 'C';
    /** BindComplete ({@code '2'}). */
    public static final byte BIND_COMPLETE = '2';
    /** ParseComplete ({@code '1'}). */
    public static final byte PARSE_COMPLETE = '1';
    /** ReadyForQuery ({@code 'Z'}). */
    public static final byte READY_FOR_QUERY = 'Z';
    /** RowDescription ({@code 'T'}). */
    public static final byte ROW_DESCRIPTION = 'T';
    /** ParameterDescription ({@code 't'}). */
    public static final byte PARAMETER_DESCRIPTION = 't';
    /** NoData ({@code 'n'}). */
    public static final byte NO_DATA = 'n';
    /** PortalSuspended ({@code 's'}). */
    public static final byte PORTAL_SUSPENDED = 's';
    /** CloseComplete ({@code '3'}). */
    public static final byte CLOSE_COMPLETE = '3';
    /** EmptyQueryResponse ({@code 'I'}). */
    public static final byte EMPTY_QUERY_RESPONSE = 'I';
    /** ErrorResponse ({@code 'E'}). */
    public static final byte ERROR_RESPONSE = 'E';
    /** NoticeResponse ({@code 'N'}). */
    public static final byte NOTICE_RESPONSE = 'N';
    /** NotificationResponse ({@code 'A'}). */
    public static final byte NOTIFICATION_RESPONSE = 'A';
    /** ParameterStatus ({@code 'S'}). */
    public static final byte PARAMETER_STATUS = 'S';
    /** BackendKeyData ({@code 'K'}). */
    public static final byte BACKEND_KEY_DATA = 'K';
    /** Authentication* family ({@code 'R'}). */
    public static final byte AUTHENTICATION = 'R';
    /** CopyInResponse ({@code 'G'}). */
    public static final byte COPY_IN_RESPONSE = 'G';
    /** CopyOutResponse ({@code 'H'}). */
    public static final byte COPY_OUT_RESPONSE = 'H';
    /** CopyBothResponse ({@code 'W'}). */
    public static final byte COPY_BOTH_RESPONSE = 'W';
    /** CopyData ({@code 'd'}). */
    public static final byte COPY_DATA = 'd';
    /** CopyDone ({@code 'c'}). */
    public static final byte COPY_DONE = 'c';
    /** NegotiateProtocolVersion ({@code 'v'}). */
    public static final byte NEGOTIATE_PROTOCOL_VERSION = 'v';
    /** FunctionCallResponse ({@code 'V'}). */
    public static final byte FUNCTION_CALL_RESPONSE = 'V';

    private static final String[] NAMES = new String[256];

    static {
        NAMES[DATA_ROW] = "DataRow";
        NAMES[COMMAND_COMPLETE] = "CommandComplete";
        NAMES[BIND_COMPLETE] = "BindComplete";
        NAMES[PARSE_COMPLETE] = "ParseComplete";
        NAMES[READY_FOR_QUERY] = "ReadyForQuery";
        NAMES[ROW_DESCRIPTION] = "RowDescription";
        NAMES[PARAMETER_DESCRIPTION] = "ParameterDescription";
        NAMES[NO_DATA] = "NoData";
        NAMES[PORTAL_SUSPENDED] = "PortalSuspended";
        NAMES[CLOSE_COMPLETE] = "CloseComplete";
        NAMES[EMPTY_QUERY_RESPONSE] = "EmptyQueryResponse";
        NAMES[ERROR_RESPONSE] = "ErrorResponse";
        NAMES[NOTICE_RESPONSE] = "NoticeResponse";
        NAMES[NOTIFICATION_RESPONSE] = "NotificationResponse";
        NAMES[PARAMETER_STATUS] = "ParameterStatus";
        NAMES[BACKEND_KEY_DATA] = "BackendKeyData";
        NAMES[AUTHENTICATION] = "Authentication";
        NAMES[COPY_IN_RESPONSE] = "CopyInResponse";
        NAMES[COPY_OUT_RESPONSE] = "CopyOutResponse";
        NAMES[COPY_BOTH_RESPONSE] = "CopyBothResponse";
        NAMES[COPY_DATA] = "CopyData";
        NAMES[COPY_DONE] = "CopyDone";
        NAMES[NEGOTIATE_PROTOCOL_VERSION] = "NegotiateProtocolVersion";
        NAMES[FUNCTION_CALL_RESPONSE] = "FunctionCallResponse";
    }

    private BackendMessageType() {
    }

    /**
     * Tells whether {@code type} is the type byte of a backend message this package decodes.
     *
     * @param type a message type byte
     * @return true for the 24 backend message types of protocol 3.x
     */
    public static boolean isKnown(byte type) {
        return NAMES[type & 0xFF] != null;
    }

    /**
     * Names a message type for diagnostics.
     *
     * @param type a message type byte
     * @return the protocol documentation's name, e.g. {@code "DataRow"}, or a description such as
     *     {@code "unknown message type 0x7a ('z')"} for an unknown byte; never null
     */
    public static String name(byte type) {
        String name = NAMES[type & 0xFF];
        return name != null ? name : "unknown message type " + describe(type);
    }

    /** Renders a type byte as hex plus its printable character, if any. */
    static String describe(byte type) {
        int b = type & 0xFF;
        String hex = String.format("0x%02x", b);
        return b >= 0x20 && b < 0x7F ? hex + " ('" + (char) b + "')" : hex;
    }
}
