package io.pgjet.internal.net;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgHost;
import io.pgjet.PgJetException;
import io.pgjet.LoadBalanceHosts;
import io.pgjet.TargetSessionAttrs;
import io.pgjet.SslMode;
import io.pgjet.internal.engine.AuthRequirement;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.engine.StartupParameters;
import io.pgjet.internal.engine.Transport;
import io.pgjet.protocol.ProtocolVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens a connection the libpq way: tries each host in order, negotiates TLS per
 * {@code sslmode}/{@code sslnegotiation} (prefer falls back to plain, allow to TLS), then runs
 * the startup and authentication exchange. Each host attempt is bounded by
 * {@code connect_timeout}. Errors name the host and the reason, never the password.
 */
public final class Connector {
    private final ConnectionConfig config;
    private final EngineListener listener;
    private final Dialer dialer;
    /**
     * The password for the host being tried ({@link ConnectionConfig#passwordFor}: the password
     * supplier, else the DSN, else ~/.pgpass), fetched once per attempt; never logged.
     */
    private volatile String password;
    /** Whether the last startup began over TLS (for the log). */
    private volatile boolean tls;
    /** The OAuth bearer token for the host being tried, when a token supplier is set; never logged. */
    private volatile String oauthToken;
    /**
     * The protocol version the next StartupMessage asks for: 3.2, or 3.0 once a server refused
     * 3.2 outright (older poolers, e.g. pgbouncer 1.18, answer a 3.2 StartupMessage with
     * 08P01 "bad packet header" instead of NegotiateProtocolVersion).
     */
    private volatile int protocolVersion = ProtocolVersion.V3_2;

    private Connector(ConnectionConfig config, EngineListener listener, Dialer dialer) {
        this.config = config;
        this.listener = listener;
        this.dialer = dialer;
    }

    /**
     * Connects to the first host of {@code config} that accepts, completing with a started
     * connection or failing with {@link PgConnectionException} (listing each host's failure) or
     * the server's {@link PgException} (e.g. a wrong password). {@code dialer} opens the
     * transport to each address tried.
     */
    public static CompletableFuture<Transport> connect(ConnectionConfig config, EngineListener listener, Dialer dialer) {
        Connector connector = new Connector(config, listener, dialer);
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

    private CompletableFuture<Transport> tryHosts(List<PgHost> hosts, int index, List<Throwable> failures,
            TargetSessionAttrs wanted) {
        if (index >= hosts.size()) {
            return CompletableFuture.failedFuture(combine(hosts, failures));
        }
        PgHost host = hosts.get(index);
        ConnectLog.trying(hosts, index);
        return connectHost(host)
                .thenCompose(io -> SessionAttributes.check(io, host, wanted))
                .handle((io, error) -> {
                    if (error == null) {
                        ConnectLog.connected(host, tls);
                        return CompletableFuture.completedFuture(io);
                    }
                    ConnectLog.failed(hosts, index, unwrap(error));
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

    private CompletableFuture<Transport> connectHost(PgHost host) {
        SslMode mode = config.sslMode();
        if (host.isUnixSocket() || mode == SslMode.DISABLE) {
            return attempt(host, false);
        }
        if (mode == SslMode.ALLOW) {
            return attempt(host, false).handle((io, error) -> error == null
                    ? CompletableFuture.completedFuture(io)
                    : unwrap(error) instanceof PgException ? fallback(host, true)
                    : CompletableFuture.<Transport>failedFuture(unwrap(error)))
                    .thenCompose(f -> f);
        }
        if (mode == SslMode.PREFER) {
            return attempt(host, true).handle((io, error) -> error == null
                    ? CompletableFuture.completedFuture(io)
                    : unwrap(error) instanceof Dialer.TlsHandshakeFailed ? fallback(host, false)
                    : CompletableFuture.<Transport>failedFuture(unwrap(error)))
                    .thenCompose(f -> f);
        }
        return attempt(host, true);
    }

    private CompletableFuture<Transport> fallback(PgHost host, boolean tls) {
        ConnectLog.tlsFallback(host, tls, config.sslMode().libpqName());
        return attempt(host, tls);
    }

    /**
     * Tries every address {@code host} resolves to, in order, as libpq does (so "localhost"
     * works whether the server listens on 127.0.0.1, ::1 or both). Name resolution and reading
     * the password (file or supplier) block, so they run on a worker thread.
     */
    private CompletableFuture<Transport> attempt(PgHost host, boolean tls) {
        return CompletableFuture.supplyAsync(() -> resolve(host), dialer.blockingSteps())
                .thenCompose(addresses -> attemptAddresses(host, addresses, 0, tls, null));
    }

    private CompletableFuture<Transport> attemptAddresses(PgHost host, List<SocketAddress> addresses, int index,
            boolean tls, Throwable previous) {
        if (index >= addresses.size()) {
            return CompletableFuture.failedFuture(previous);
        }
        return dialer.dial(config, host, addresses.get(index), tls, this::startupParameters, listener).handle((io, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(io);
            }
            Throwable cause = unwrap(error);
            if (refusedProtocol32(cause)) {
                protocolVersion = ProtocolVersion.V3_0;
                return attemptAddresses(host, addresses, index, tls, previous);
            }
            boolean unreachable = cause instanceof PgConnectionException && !(cause instanceof Dialer.TlsHandshakeFailed);
            Throwable sofar = unreachable && previous != null ? everyAddress(previous, cause) : cause;
            if (!unreachable || index + 1 >= addresses.size()) {
                return CompletableFuture.<Transport>failedFuture(sofar);
            }
            return attemptAddresses(host, addresses, index + 1, tls, sofar);
        }).thenCompose(f -> f);
    }

    /** A FATAL protocol violation in answer to a 3.2 StartupMessage: the server (pooler) knows only 3.0. */
    private boolean refusedProtocol32(Throwable cause) {
        return protocolVersion == ProtocolVersion.V3_2 && cause instanceof PgException e
                && "08P01".equals(e.sqlState());
    }

    /** Keeps the failure of each address a host name resolved to, as libpq reports them all. */
    private static PgConnectionException everyAddress(Throwable previous, Throwable latest) {
        PgConnectionException both = new PgConnectionException(previous.getMessage() + "\n" + latest.getMessage(), latest);
        both.addSuppressed(previous);
        return both;
    }

    private List<SocketAddress> resolve(PgHost host) {
        password = config.passwordFor(host);
        oauthToken = config.oauthTokenFor(host);
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

    private StartupParameters startupParameters(X509Certificate certificate) {
        tls = certificate != null;
        return new StartupParameters(startupMessage(), password, protocolVersion, config.channelBinding(),
                certificate, AuthRequirement.parse(config.requireAuth()), oauthToken,
                config.scramMaxIterations());
    }

    /** Fails when the server refused TLS and {@code sslmode} requires it; else plain text goes on. */
    public static void checkPlainAllowed(ConnectionConfig config, PgHost host) {
        if (config.sslMode().compareTo(SslMode.REQUIRE) >= 0) {
            throw new PgConnectionException("the server at " + host + " does not support SSL, but sslmode="
                    + config.sslMode().name().toLowerCase().replace('_', '-') + " requires it");
        }
    }

    /** Returns the failure of a direct TLS connection whose server did not choose ALPN "postgresql". */
    public static PgConnectionException alpnRefused(PgHost host) {
        return new PgConnectionException("the server at " + host
                + " did not agree to ALPN protocol \"postgresql\" for sslnegotiation=direct");
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
        if (config.replication()) {
            message.put("replication", "database");
        }
        return message;
    }

    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof PgJetException)) {
            cause = new PgConnectionException("connection failed: " + cause, cause);
        }
        return cause;
    }
}
