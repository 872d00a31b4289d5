package io.pgjet.internal.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgHost;
import io.pgjet.SslMode;
import io.pgjet.SslNegotiation;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.engine.StartupCommand;
import io.pgjet.internal.engine.StartupParameters;
import io.pgjet.internal.engine.Transport;
import io.pgjet.protocol.FrontendMessages;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Opens event-loop transports ({@link ConnectionIo}): a Netty channel on one of PgJet's I/O threads. */
public final class NettyDialer implements Dialer {
    /** The one instance; it holds no state. */
    public static final NettyDialer INSTANCE = new NettyDialer();

    private NettyDialer() {}

    @Override
    public Executor blockingSteps() {
        return NettyRuntime.shared().blockingWork();
    }

    @Override
    public CompletableFuture<Transport> dial(ConnectionConfig config, PgHost host, SocketAddress target, boolean tls,
            Function<X509Certificate, StartupParameters> startup, EngineListener listener) {
        SocketAddress address = Transports.adapt(target);
        CompletableFuture<Transport> result = new CompletableFuture<>();
        long timeoutMillis = config.connectTimeout().toMillis();
        NettyRuntime runtime = NettyRuntime.shared();
        EventLoop loop = runtime.loopForNewConnection();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(Transports.channelFactory(address))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 1024 * 1024))
                .handler(new ChannelInboundHandlerAdapter());
        if (!host.isUnixSocket()) {
            bootstrap.option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, config.tcpKeepAlive());
        }
        ChannelFuture connecting = bootstrap.connect(address);
        Channel channel = connecting.channel();
        runtime.releaseOnClose(channel, loop);
        if (timeoutMillis > 0) { // connect_timeout=0: wait indefinitely, as libpq
            ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> {
                if (result.completeExceptionally(new PgConnectionException(
                        ConnectFailures.timedOut(ConnectFailures.target(host, target), timeoutMillis)))) {
                    channel.close();
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
            // Cancelled once settled: left to run out, a pool that churns connections would pile up
            // one pending timer per connection on the I/O threads for the whole timeout.
            result.whenComplete((io, error) -> timer.cancel(false));
        }
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(new PgConnectionException(ConnectFailures.connectFailed(
                        ConnectFailures.target(host, target), host.isUnixSocket(), done.cause()), done.cause()));
                return;
            }
            CompletableFuture<X509Certificate> secured = tls ? secure(config, channel, host)
                    : CompletableFuture.completedFuture(null);
            secured.thenCompose(certificate -> start(config, channel, address, startup.apply(certificate), listener))
                    .whenComplete((io, error) -> {
                        if (error != null) {
                            result.completeExceptionally(Connector.unwrap(error));
                            channel.close();
                        } else if (!result.complete(io)) {
                            io.terminate();
                        }
                    });
        });
        return result;
    }

    private CompletableFuture<X509Certificate> secure(ConnectionConfig config, Channel channel, PgHost host) {
        boolean direct = config.sslNegotiation() == SslNegotiation.DIRECT;
        if (direct) {
            return handshake(config, channel, host, true);
        }
        SslResponseHandler answer = new SslResponseHandler();
        channel.pipeline().addLast(answer);
        ByteBuf request = channel.alloc().buffer(8);
        FrontendMessages.sslRequest(request);
        channel.writeAndFlush(request);
        return answer.accepted().thenCompose(accepted -> {
            if (accepted) {
                return handshake(config, channel, host, false);
            }
            Connector.checkPlainAllowed(config, host);
            return CompletableFuture.completedFuture(null);
        });
    }

    private CompletableFuture<X509Certificate> handshake(ConnectionConfig config, Channel channel, PgHost host,
            boolean direct) {
        SslContext context = TlsContexts.clientContext(config, direct);
        SslHandler handler = context.newHandler(channel.alloc(), host.host(), host.port());
        if (config.sslMode() == SslMode.VERIFY_FULL) {
            SSLEngine engine = handler.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        channel.pipeline().addFirst("tls", handler);
        CompletableFuture<X509Certificate> done = new CompletableFuture<>();
        handler.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) {
                done.completeExceptionally(new TlsHandshakeFailed("TLS handshake with " + host + " failed: "
                        + f.cause().getMessage(), f.cause()));
                return;
            }
            if (direct && !TlsContexts.ALPN_POSTGRESQL.equals(handler.applicationProtocol())) {
                done.completeExceptionally(Connector.alpnRefused(host));
                return;
            }
            try {
                Certificate[] chain = handler.engine().getSession().getPeerCertificates();
                done.complete(chain.length > 0 && chain[0] instanceof X509Certificate ? (X509Certificate) chain[0] : null);
            } catch (SSLPeerUnverifiedException e) {
                done.complete(null);
            }
        });
        return done;
    }

    private CompletableFuture<Transport> start(ConnectionConfig config, Channel channel, SocketAddress address,
            StartupParameters parameters, EngineListener listener) {
        CompletableFuture<Transport> started = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            ConnectionIo io = new ConnectionIo(channel, address, listener, config.maxMessageSize());
            StartupCommand startup = new StartupCommand(parameters);
            startup.future().whenComplete((ok, error) -> {
                if (error != null) {
                    started.completeExceptionally(error);
                } else {
                    started.complete(io);
                }
            });
            io.closeFuture().thenRun(() -> started.completeExceptionally(
                    new PgConnectionException("the server closed the connection during startup")));
            io.start(startup);
        });
        return started;
    }
}
