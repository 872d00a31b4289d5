package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Receives decoded backend messages from {@link BackendMessages#dispatch}, one method per message.
 *
 * <p>Implemented by the connection engine. Each dispatch calls exactly one method. A {@link
 * ByteBuf} argument is a view over the caller's frame, valid only during the call: the handler
 * must copy or {@link ByteBuf#retain() retain} it to keep the bytes, and must not release it.
 * Arrays and objects passed in are fresh and owned by the handler. Exceptions thrown by a handler
 * propagate unchanged to the caller of {@code dispatch}.
 */
public interface BackendHandler {

    /**
     * Handles a DataRow.
     *
     * @param row the message body, positioned at the int16 column count; its structure has been
     *     validated (walk it with {@link DataRowReader}) unless {@link #checksDataRows()} is true;
     *     valid only during the call
     */
    void dataRow(ByteBuf row);

    /**
     * Returns whether this handler checks the structure of every DataRow body itself before
     * reading a value from it, so {@link BackendMessages#dispatch} may skip its own check. A
     * handler that copies rows can check the copy more cheaply than the network buffer; one that
     * answers true and reads an unchecked row may read garbage. The answer must not change.
     *
     * @return true to receive DataRow bodies unchecked; false (the default) to receive them checked
     */
    default boolean checksDataRows() {
        return false;
    }

    /**
     * Handles a CommandComplete.
     *
     * @param tag the command tag, e.g. {@code "INSERT 0 1"} or {@code "SELECT 5"}
     */
    void commandComplete(String tag);

    /** Handles a BindComplete. */
    void bindComplete();

    /** Handles a ParseComplete. */
    void parseComplete();

    /**
     * Handles a ReadyForQuery.
     *
     * @param transactionStatus {@code 'I'} idle, {@code 'T'} in a transaction block, {@code 'E'}
     *     in a failed transaction block
     */
    void readyForQuery(byte transactionStatus);

    /**
     * Handles a RowDescription.
     *
     * @param description the result columns
     */
    void rowDescription(RowDescription description);

    /**
     * Handles a ParameterDescription.
     *
     * @param typeOids the parameter type OIDs, one per parameter
     */
    void parameterDescription(int[] typeOids);

    /** Handles a NoData (the statement or portal returns no rows). */
    void noData();

    /** Handles a PortalSuspended (Execute's row limit was reached). */
    void portalSuspended();

    /** Handles a CloseComplete. */
    void closeComplete();

    /** Handles an EmptyQueryResponse (the query string was empty). */
    void emptyQueryResponse();

    /**
     * Handles an ErrorResponse.
     *
     * @param error the error's fields
     */
    void errorResponse(ServerMessage error);

    /**
     * Handles a NoticeResponse.
     *
     * @param notice the notice's fields
     */
    void noticeResponse(ServerMessage notice);

    /**
     * Handles a NotificationResponse (LISTEN/NOTIFY).
     *
     * @param processId the notifying backend's process ID
     * @param channel the channel name
     * @param payload the payload, empty if none was given
     */
    void notificationResponse(int processId, String channel, String payload);

    /**
     * Handles a ParameterStatus.
     *
     * @param name the run-time parameter name
     * @param value its current value
     */
    void parameterStatus(String name, String value);

    /**
     * Handles a BackendKeyData.
     *
     * @param processId the backend process ID
     * @param secretKey the cancel secret key: 4 bytes in protocol 3.0, 4..256 bytes in 3.2
     */
    void backendKeyData(int processId, byte[] secretKey);

    /** Handles an AuthenticationOk. */
    void authenticationOk();

    /** Handles an AuthenticationCleartextPassword request. */
    void authenticationCleartextPassword();

    /**
     * Handles an AuthenticationMD5Password request.
     *
     * @param salt the 4-byte salt for {@link Md5Authentication#encode}
     */
    void authenticationMd5Password(byte[] salt);

    /**
     * Handles an AuthenticationSASL request.
     *
     * @param mechanisms the offered mechanisms in server preference order, unmodifiable
     */
    void authenticationSasl(List<String> mechanisms);

    /**
     * Handles an AuthenticationSASLContinue.
     *
     * @param data the mechanism's server challenge (for SCRAM: the server-first-message)
     */
    void authenticationSaslContinue(byte[] data);

    /**
     * Handles an AuthenticationSASLFinal.
     *
     * @param data the mechanism's outcome data (for SCRAM: the server-final-message)
     */
    void authenticationSaslFinal(byte[] data);

    /**
     * Handles an authentication request this package does not implement.
     *
     * @param code the request code: 2 KerberosV5, 6 SCMCredential, 7 GSS, 8 GSSContinue, 9 SSPI,
     *     or any other unknown code
     */
    void authenticationUnsupported(int code);

    /**
     * Handles a CopyInResponse.
     *
     * @param response the formats the server expects
     */
    void copyInResponse(CopyResponse response);

    /**
     * Handles a CopyOutResponse.
     *
     * @param response the formats the server will send
     */
    void copyOutResponse(CopyResponse response);

    /**
     * Handles a CopyBothResponse (streaming replication).
     *
     * @param response the formats of the copy stream
     */
    void copyBothResponse(CopyResponse response);

    /**
     * Handles a CopyData.
     *
     * @param data the payload, positioned at its first byte; valid only during the call
     */
    void copyData(ByteBuf data);

    /** Handles a CopyDone. */
    void copyDone();

    /**
     * Handles a NegotiateProtocolVersion: the server supports an older minor version or did not
     * recognise some {@code _pq_.} startup options.
     *
     * @param newestMinorVersion newest minor protocol version the server supports for the
     *     requested major version
     * @param unrecognizedOptions the startup options the server did not recognise, unmodifiable
     */
    void negotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions);

    /**
     * Handles a FunctionCallResponse.
     *
     * @param resultOrNull the result value positioned at its first byte, or null for SQL NULL;
     *     valid only during the call
     */
    void functionCallResponse(ByteBuf resultOrNull);
}
