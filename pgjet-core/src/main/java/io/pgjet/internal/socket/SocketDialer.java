package io.pgjet.internal.socket;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgHost;
import io.pgjet.PgJetException;
import io.pgjet.SslMode;
import io.pgjet.SslNegotiation;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.engine.StartupCommand;
import io.pgjet.internal.engine.StartupParameters;
import io.pgjet.internal.engine.Transport;
import io.pgjet.internal.net.ConnectFailures;
import io.pgjet.internal.net.Connector;
import io.pgjet.internal.net.Dialer;
import io.pgjet.internal.net.SslResponseHandler;
import io.pgjet.internal.net.TlsContexts;
import io.pgjet.protocol.FrontendMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens caller-driven transports ({@link SocketIo}) on the calling thread: a blocking TCP or
 * unix-domain socket, TLS through the JDK's {@code SSLSocket} (SSLRequest first, or direct with
 * ALPN), then the startup exchange read by the caller. {@code connect_timeout} bounds the whole
 * attempt: past it the socket is closed, which ends any blocked step.
 */
public final class SocketDialer implements Dialer {
    /** The one instance; it holds no state. */
    public static final SocketDialer INSTANCE = new SocketDialer();

    private SocketDialer() {}

    /** Runs blocking steps on the caller, who is allowed to block: no hand-off to a worker. */
    @Override
    public Executor blockingSteps() {
        return Runnable::run;
    }

    @Override
    public CompletableFuture<Transport> dial(ConnectionConfig config, PgHost host, SocketAddress address, boolean tls,
            Function<X509Certificate, StartupParameters> startup, EngineListener listener) {
        try {
            return CompletableFuture.completedFuture(dialNow(config, host, address, tls, startup, listener));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Connector.unwrap(e));
        }
    }

    private SocketIo dialNow(ConnectionConfig config, PgHost host, SocketAddress address, boolean tls,
            Function<X509Certificate, StartupParameters> startup, EngineListener listener) {
        long timeoutMillis = config.connectTimeout().toMillis();
        Guard guard = new Guard();
        ScheduledFuture<?> timer = timeoutMillis > 0
                ? SocketThreads.timer().schedule(guard::expire, timeoutMillis, TimeUnit.MILLISECONDS) : null;
        try {
            SocketStream stream = open(config, host, address, tls, timeoutMillis, guard);
            SocketIo io = new SocketIo(stream, address, listener, config.maxMessageSize());
            guard.watch(io::terminate);
            try {
                io.start(new StartupCommand(startup.apply(stream.serverCertificate())));
            } catch (PgJetException e) {
                io.terminate();
                throw guard.expired() ? timedOut(host, address, timeoutMillis) : e;
            }
            if (!guard.finish()) {
                io.terminate();
                throw timedOut(host, address, timeoutMillis);
            }
            return io;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private static PgConnectionException timedOut(PgHost host, SocketAddress address, long timeoutMillis) {
        return new PgConnectionException(ConnectFailures.timedOut(ConnectFailures.target(host, address), timeoutMillis));
    }

    private static SocketStream open(ConnectionConfig config, PgHost host, SocketAddress address, boolean tls,
            long timeoutMillis, Guard guard) {
        if (address instanceof UnixDomainSocketAddress) {
            try {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                guard.watch(() -> close(channel));
                channel.connect(address);
                return SocketStream.of(channel);
            } catch (IOException e) {
                throw guard.expired() ? timedOut(host, address, timeoutMillis) : couldNotConnect(host, address, e);
            }
        }
        Socket socket = new Socket();
        guard.watch(() -> close(socket));
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(config.tcpKeepAlive());
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
        } catch (IOException e) {
            close(socket);
            throw guard.expired() || e instanceof java.net.SocketTimeoutException ? timedOut(host, address, timeoutMillis)
                    : couldNotConnect(host, address, e);
        }
        try {
            return SocketStream.of(tls ? secure(config, host, socket) : socket, socket);
        } catch (IOException e) {
            close(socket);
            throw guard.expired() ? timedOut(host, address, timeoutMillis)
                    : new PgConnectionException(ConnectFailures.target(host, address) + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(socket);
            throw guard.expired() ? timedOut(host, address, timeoutMillis) : e;
        }
    }

    private static PgConnectionException couldNotConnect(PgHost host, SocketAddress address, IOException e) {
        return new PgConnectionException(ConnectFailures.connectFailed(ConnectFailures.target(host, address),
                host.isUnixSocket(), e), e);
    }

    /** Negotiates TLS on {@code plain}: returns the TLS socket, or {@code plain} when the server declined and sslmode allows it. */
    private static Socket secure(ConnectionConfig config, PgHost host, Socket plain) throws IOException {
        boolean direct = config.sslNegotiation() == SslNegotiation.DIRECT;
        if (!direct) {
            ByteBuf request = Unpooled.buffer(8);
            FrontendMessages.sslRequest(request);
            plain.getOutputStream().write(request.array(), request.arrayOffset() + request.readerIndex(),
                    request.readableBytes());
            InputStream in = plain.getInputStream();
            int answer = in.read();
            if (answer < 0) {
                throw new PgConnectionException("the server closed the connection during SSL negotiation");
            }
            if (!SslResponseHandler.interpret((byte) answer, in.available())) {
                Connector.checkPlainAllowed(config, host);
                return plain;
            }
        }
        SSLSocket tls = (SSLSocket) TlsContexts.jdkContext(config).getSocketFactory()
                .createSocket(plain, host.host(), host.port(), true);
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        if (config.sslMode() == SslMode.VERIFY_FULL) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (direct) {
            parameters.setApplicationProtocols(new String[] {TlsContexts.ALPN_POSTGRESQL});
        }
        tls.setSSLParameters(parameters);
        try {
            tls.startHandshake();
        } catch (IOException e) {
            throw new TlsHandshakeFailed("TLS handshake with " + host + " failed: " + e.getMessage(), e);
        }
        if (direct && !TlsContexts.ALPN_POSTGRESQL.equals(tls.getApplicationProtocol())) {
            throw Connector.alpnRefused(host);
        }
        return tls;
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // giving up on this attempt anyway
        }
    }

    /** The connect timeout of one attempt: closes whatever the attempt is blocked on when it fires. */
    private static final class Guard {
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile boolean expired;
        private volatile Runnable abort = () -> { };

        void watch(Runnable closer) {
            abort = closer;
            if (expired) {
                closer.run();
            }
        }

        void expire() {
            if (done.compareAndSet(false, true)) {
                expired = true;
                abort.run();
            }
        }

        boolean expired() {
            return expired;
        }

        /** Returns true if the attempt finished before the timeout fired. */
        boolean finish() {
            return done.compareAndSet(false, true);
        }
    }
}
