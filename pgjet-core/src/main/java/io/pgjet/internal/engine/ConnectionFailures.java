package io.pgjet.internal.engine;

import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgJetException;
import io.pgjet.PgProtocolException;
import io.pgjet.protocol.ProtocolException;
import io.pgjet.protocol.ServerMessage;

/** The exceptions every transport reports when its connection breaks, so both say the same. */
public final class ConnectionFailures {
    private static final System.Logger LOG = System.getLogger("io.pgjet.connection");

    private ConnectionFailures() {}

    /** Logs (INFO) that a connection broke or the server ended it; closes PgJet asked for are not logged. */
    private static <T extends Throwable> T logged(T failure) {
        LOG.log(System.Logger.Level.INFO, "connection lost: " + failure.getMessage());
        return failure;
    }

    /** Returns what pending commands fail with after {@code cause} broke the connection. */
    public static Throwable broken(Throwable cause) {
        if (cause instanceof ProtocolException || cause instanceof UnexpectedMessageException) {
            return logged(new PgProtocolException("the server sent something PgJet did not expect; "
                    + "the connection was closed: " + cause.getMessage(), cause));
        }
        if (cause instanceof StartupCommand.AuthenticationAborted) {
            return cause.getCause();
        }
        if (!(cause instanceof PgJetException)) {
            return logged(new PgConnectionException("connection failed: " + cause, cause));
        }
        return logged(cause);
    }

    /**
     * Returns what pending commands fail with once the socket closed: the server's FATAL error if
     * it sent one, else a plain statement of who closed it.
     *
     * @param fatal the FATAL or PANIC error received before the close, or null
     * @param closedByClient whether PgJet closed the connection (close or terminate)
     */
    public static PgConnectionException closed(ServerMessage fatal, boolean closedByClient) {
        if (fatal != null) {
            return logged(new PgConnectionException("the server closed the connection: " + fatal.message()
                    + " (SQLSTATE " + fatal.code() + ")", PgException.of(fatal.fields(), null)));
        }
        if (closedByClient) {
            return new PgConnectionException("the connection was closed");
        }
        return logged(new PgConnectionException("the server closed the connection unexpectedly"));
    }
}
