package io.pgjet;

/**
 * Thrown when the server sends bytes PgJet cannot accept: a malformed or oversized message, or a
 * message that is not allowed in the current protocol state.
 *
 * <p>The stream can no longer be trusted after such an error, so the connection is closed and
 * every pending request fails. This usually means the peer is not a PostgreSQL server, a proxy
 * mangled the stream, or PgJet has a bug; please report it with the message text.
 */
public class PgProtocolException extends PgJetException {

    /**
     * Creates an exception with a message and no cause.
     *
     * @param message what was wrong with the received bytes
     */
    public PgProtocolException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what was wrong with the received bytes
     * @param cause   the underlying failure, or {@code null}
     */
    public PgProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
