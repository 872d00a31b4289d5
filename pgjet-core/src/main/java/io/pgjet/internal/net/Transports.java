package io.pgjet.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/** Chooses the Netty channel type for a server address: TCP or unix domain socket. */
final class Transports {
    private Transports() {}

    /** Returns a factory for channels that can connect to {@code address}. */
    static ChannelFactory<? extends Channel> channelFactory(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress) {
            return NioDomainSocketChannel::new;
        }
        return NioSocketChannel::new;
    }
}
