package io.pgjet.internal.observe;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgHost;
import io.pgjet.observe.ServerInfo;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Builds the {@link ServerInfo} listeners see, from a configured host or a connected address. */
public final class ServerInfos {
    private static final String SOCKET_PREFIX = ".s.PGSQL.";

    private ServerInfos() {
    }

    /** The server a connection made from {@code config} tries first (for connect and acquire). */
    public static ServerInfo configured(ConnectionConfig config) {
        PgHost host = config.hosts().get(0);
        return new ServerInfo(host.host(), host.port(), config.database(), config.user());
    }

    /** The server a connection is connected to: the host name it resolved, or the socket directory. */
    public static ServerInfo connected(SocketAddress address, ConnectionConfig config) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) address;
            return new ServerInfo(inet.getHostString(), inet.getPort(), config.database(), config.user());
        }
        if (address instanceof UnixDomainSocketAddress) {
            Path path = ((UnixDomainSocketAddress) address).getPath();
            String file = String.valueOf(path.getFileName());
            int port = PgHost.DEFAULT_PORT;
            if (file.startsWith(SOCKET_PREFIX)) {
                try {
                    port = Integer.parseInt(file.substring(SOCKET_PREFIX.length()));
                } catch (NumberFormatException e) {
                    // a socket file not named the PostgreSQL way: keep the default port
                }
            }
            Path dir = path.getParent();
            return new ServerInfo(dir == null ? path.toString() : dir.toString(), port, config.database(), config.user());
        }
        return configured(config);
    }
}
