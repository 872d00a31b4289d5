package io.pgjet.protocol;

/**
 * Signals malformed or unexpected bytes from the server: a bad frame length, an unknown message
 * type, or a message body shorter or longer than its fields.
 *
 * <p>A connection that produced this exception is out of sync with the server and cannot be used
 * further. The connection engine wraps it into its public protocol exception.
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception describing what was wrong with the server's bytes.
     *
     * @param message what was malformed, naming the message type and the offending value
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * Creates an exception describing what was wrong with the server's bytes, with its cause.
     *
     * @param message what was malformed, naming the message type and the offending value
     * @param cause the underlying failure
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
