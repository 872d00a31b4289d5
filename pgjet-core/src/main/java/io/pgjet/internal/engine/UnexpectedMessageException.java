package io.pgjet.internal.engine;

/**
 * Signals that the server sent a message the current command's flow does not allow. The engine
 * turns it into a {@link io.pgjet.PgProtocolException} and closes the connection, because its
 * state can no longer be known.
 */
public final class UnexpectedMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the message and the command. */
    public UnexpectedMessageException(String message) {
        super(message, null, false, false);
    }
}
