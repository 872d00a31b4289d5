package io.pgjet.internal.net;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgHost;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.engine.StartupParameters;
import io.pgjet.internal.engine.Transport;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Opens one transport to one server address: the part of connecting that differs between the
 * event-loop transport ({@link NettyDialer}) and the caller-driven one. {@link Connector} keeps
 * everything else (host order, TLS fallbacks, target_session_attrs, error messages) in one place.
 */
public interface Dialer {
    /**
     * Returns where blocking steps of connecting (name resolution, reading the password file)
     * run: a worker pool for the event-loop transport, the calling thread for the caller-driven one.
     */
    Executor blockingSteps();

    /**
     * Connects to {@code address}, negotiates TLS when {@code tls} is set (as {@code config}'s
     * sslmode and sslnegotiation say) and runs the startup exchange, whose parameters depend on
     * the server certificate seen (channel binding).
     *
     * @param startup builds the startup parameters from the server's certificate (null without TLS)
     * @return completes with a started transport; fails with a {@link PgConnectionException}
     *     (a {@link TlsHandshakeFailed} when the TLS handshake failed) or the server's error
     */
    CompletableFuture<Transport> dial(ConnectionConfig config, PgHost host, SocketAddress address, boolean tls,
            Function<X509Certificate, StartupParameters> startup, EngineListener listener);

    /** A failed TLS handshake: sslmode=prefer retries without TLS. */
    final class TlsHandshakeFailed extends PgConnectionException {
        private static final long serialVersionUID = 1L;

        /** Creates the failure with the handshake's message and cause. */
        public TlsHandshakeFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
