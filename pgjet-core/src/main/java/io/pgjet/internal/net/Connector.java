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
import io.pgjet.PgException;
import io.pgjet.PgHost;
import io.pgjet.PgJetException;
import io.pgjet.LoadBalanceHosts;
import io.pgjet.TargetSessionAttrs;
import io.pgjet.SslMode;
import io.pgjet.SslNegotiation;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.engine.StartupCommand;
import io.pgjet.internal.engine.StartupParameters;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.ProtocolVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Opens a connection the libpq way: tries each host in order, negotiates TLS per
 * {@code sslmode}/{@code sslnegotiation} (prefer falls back to plain, allow to TLS), then runs
 * the startup and authentication exchange. Each host attempt is bounded by
 * {@code connect_timeout}. Errors name the host and the reason, never the password.
 */
public final class Connector {
    private final ConnectionConfig config;
    private final EngineListener listener;
    /** The password for the host being tried (DSN, else ~/.pgpass); never logged. */
    private volatile String password;

    private Connector(ConnectionConfig config, EngineListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /**
     * Connects to the first host of {@code config} that accepts, completing with a started
     * connection or failing with {@link PgConnectionException} (listing each host's failure) or
     * the server's {@link PgException} (e.g. a wrong password).
     */
    public static CompletableFuture<ConnectionIo> connect(ConnectionConfig config, EngineListener listener) {
        Connector connector = new Connector(config, listener);
        List<PgHost> hosts = new ArrayList<>(config.hosts());
        if (config.loadBalanceHosts() == LoadBalanceHosts.RANDOM) {
            Collections.shuffle(hosts);
        }
        TargetSessionAttrs wanted = config.targetSessionAttrs();
        if (wanted == TargetSessionAttrs.PREFER_STANDBY) {
            // libpq: a standby if any host is one, else whatever host accepts.
            return connector.tryHosts(hosts, 0, new ArrayList<>(), TargetSessionAttrs.STANDBY)
                    .handle((io, error) -> error == null ? CompletableFuture.completedFuture(io)
                            : connector.tryHosts(hosts, 0, new ArrayList<>(), TargetSessionAttrs.ANY))
                    .thenCompose(f -> f);
        }
        return connector.tryHosts(hosts, 0, new ArrayList<>(), wanted);
    }

    private CompletableFuture<ConnectionIo> tryHosts(List<PgHost> hosts, int index, List<Throwable> failures,
            TargetSessionAttrs wanted) {
        if (index >= hosts.size()) {
            return CompletableFuture.failedFuture(combine(hosts, failures));
        }
        PgHost host = hosts.get(index);
        return connectHost(host)
                .thenCompose(io -> SessionAttributes.check(io, host, wanted))
                .handle((io, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(io);
                    }
                    failures.add(unwrap(error));
                    return tryHosts(hosts, index + 1, failures, wanted);
                }).thenCompose(f -> f);
    }

    private static Throwable combine(List<PgHost> hosts, List<Throwable> failures) {
        if (failures.size() == 1) {
            return failures.get(0);
        }
        // As libpq: one entry per attempted host, each naming its server.
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < failures.size(); i++) {
            message.append(i == 0 ? "" : "\n")
                    .append(ConnectFailures.forHost(ConnectFailures.target(hosts.get(i), null), failures.get(i).getMessage()));
        }
        PgConnectionException combined = new PgConnectionException(message.toString(), failures.get(0));
        for (int i = 1; i < failures.size(); i++) {
            combined.addSuppressed(failures.get(i));
        }
        return combined;
    }

    private CompletableFuture<ConnectionIo> connectHost(PgHost host) {
        SslMode mode = config.sslMode();
        if (host.isUnixSocket() || mode == SslMode.DISABLE) {
            return attempt(host, false);
        }
        if (mode == SslMode.ALLOW) {
            return attempt(host, false).handle((io, error) -> error == null
                    ? CompletableFuture.completedFuture(io)
                    : unwrap(error) instanceof PgException ? attempt(host, true)
                    : CompletableFuture.<ConnectionIo>failedFuture(unwrap(error)))
                    .thenCompose(f -> f);
        }
        if (mode == SslMode.PREFER) {
            return attempt(host, true).handle((io, error) -> error == null
                    ? CompletableFuture.completedFuture(io)
                    : unwrap(error) instanceof TlsHandshakeFailed ? attempt(host, false)
                    : CompletableFuture.<ConnectionIo>failedFuture(unwrap(error)))
                    .thenCompose(f -> f);
        }
        return attempt(host, true);
    }

    /**
     * Tries every address {@code host} resolves to, in order, as libpq does (so "localhost"
     * works whether the server listens on 127.0.0.1, ::1 or both). Name resolution and reading
     * the password file block, so they run on a worker thread.
     */
    private CompletableFuture<ConnectionIo> attempt(PgHost host, boolean tls) {
        return CompletableFuture.supplyAsync(() -> resolve(host), NettyRuntime.shared().blockingWork())
                .thenCompose(addresses -> attemptAddresses(host, addresses, 0, tls, null));
    }

    private CompletableFuture<ConnectionIo> attemptAddresses(PgHost host, List<SocketAddress> addresses, int index,
            boolean tls, Throwable previous) {
        if (index >= addresses.size()) {
            return CompletableFuture.failedFuture(previous);
        }
        return attempt(host, addresses.get(index), tls).handle((io, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(io);
            }
            Throwable cause = unwrap(error);
            boolean unreachable = cause instanceof PgConnectionException && !(cause instanceof TlsHandshakeFailed);
            Throwable sofar = unreachable && previous != null ? everyAddress(previous, cause) : cause;
            if (!unreachable || index + 1 >= addresses.size()) {
                return CompletableFuture.<ConnectionIo>failedFuture(sofar);
            }
            return attemptAddresses(host, addresses, index + 1, tls, sofar);
        }).thenCompose(f -> f);
    }

    /** Keeps the failure of each address a host name resolved to, as libpq reports them all. */
    private static PgConnectionException everyAddress(Throwable previous, Throwable latest) {
        PgConnectionException both = new PgConnectionException(previous.getMessage() + "\n" + latest.getMessage(), latest);
        both.addSuppressed(previous);
        return both;
    }

    private List<SocketAddress> resolve(PgHost host) {
        password = config.passwordFor(host);
        if (host.isUnixSocket()) {
            return List.of(UnixDomainSocketAddress.of(host.socketPath()));
        }
        String name = host.hostAddress() != null ? host.hostAddress() : host.host();
        try {
            List<SocketAddress> addresses = new ArrayList<>();
            for (InetAddress address : InetAddress.getAllByName(name)) {
                addresses.add(new InetSocketAddress(address, host.port()));
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new PgConnectionException(ConnectFailures.unresolved(name, e), e);
        }
    }

    private CompletableFuture<ConnectionIo> attempt(PgHost host, SocketAddress target, boolean tls) {
        SocketAddress address = Transports.adapt(target);
        CompletableFuture<ConnectionIo> result = new CompletableFuture<>();
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
            CompletableFuture<X509Certificate> secured = tls ? secure(channel, host) : CompletableFuture.completedFuture(null);
            secured.thenCompose(certificate -> startup(channel, address, certificate))
                    .whenComplete((io, error) -> {
                        if (error != null) {
                            result.completeExceptionally(unwrap(error));
                            channel.close();
                        } else if (!result.complete(io)) {
                            io.terminate();
                        }
                    });
        });
        return result;
    }

    private CompletableFuture<X509Certificate> secure(Channel channel, PgHost host) {
        boolean direct = config.sslNegotiation() == SslNegotiation.DIRECT;
        if (direct) {
            return handshake(channel, host, true);
        }
        SslResponseHandler answer = new SslResponseHandler();
        channel.pipeline().addLast(answer);
        ByteBuf request = channel.alloc().buffer(8);
        FrontendMessages.sslRequest(request);
        channel.writeAndFlush(request);
        return answer.accepted().thenCompose(accepted -> {
            if (accepted) {
                return handshake(channel, host, false);
            }
            if (config.sslMode().compareTo(SslMode.REQUIRE) >= 0) {
                throw new PgConnectionException("the server at " + host + " does not support SSL, but sslmode="
                        + config.sslMode().name().toLowerCase().replace('_', '-') + " requires it");
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private CompletableFuture<X509Certificate> handshake(Channel channel, PgHost host, boolean direct) {
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
                done.completeExceptionally(new PgConnectionException("the server at " + host
                        + " did not agree to ALPN protocol \"postgresql\" for sslnegotiation=direct"));
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

    private CompletableFuture<ConnectionIo> startup(Channel channel, SocketAddress address, X509Certificate certificate) {
        CompletableFuture<ConnectionIo> started = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            ConnectionIo io = new ConnectionIo(channel, address, listener, config.maxMessageSize());
            StartupCommand startup = new StartupCommand(new StartupParameters(startupMessage(),
                    password, ProtocolVersion.V3_2, config.channelBinding(), certificate));
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

    private Map<String, String> startupMessage() {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("user", config.user());
        message.put("database", config.database());
        message.put("client_encoding", "UTF8");
        message.put("DateStyle", "ISO");
        if (config.applicationName() != null) {
            message.put("application_name", config.applicationName());
        }
        if (config.options() != null) {
            message.put("options", config.options());
        }
        message.putAll(config.serverSettings());
        return message;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof PgJetException)) {
            cause = new PgConnectionException("connection failed: " + cause, cause);
        }
        return cause;
    }

    /** A failed TLS handshake: sslmode=prefer retries without TLS. */
    private static final class TlsHandshakeFailed extends PgConnectionException {
        private static final long serialVersionUID = 1L;

        TlsHandshakeFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
