package io.pgjet.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.net.UnixDomainSocketAddress;

/**
 * Chooses the Netty transport: native epoll on Linux when its library loads (fewer system calls
 * per round trip), Java NIO everywhere else or when {@code -Dpgjet.transport=nio} asks for it;
 * and the channel type for a server address: TCP or unix domain socket.
 */
final class Transports {
    private static final boolean EPOLL = !"nio".equals(System.getProperty("pgjet.transport")) && Epoll.isAvailable();

    private Transports() {}

    /** Returns the transport in use: {@code "epoll"} or {@code "nio"}. */
    static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    /** Returns the I/O handler factory for the event loops. */
    static IoHandlerFactory ioHandlerFactory() {
        long spinNanos = NettyRuntime.spinMicros() * 1000;
        if (spinNanos <= 0) {
            return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        }
        return EPOLL ? EpollIoHandler.newFactory(0, () -> new SpinThenWaitStrategy(spinNanos))
                : NioIoHandler.newFactory(SelectorProvider.provider(), () -> new SpinThenWaitStrategy(spinNanos));
    }

    /** Returns a factory for channels that can connect to {@code address}. */
    static ChannelFactory<? extends Channel> channelFactory(SocketAddress address) {
        boolean unix = address instanceof UnixDomainSocketAddress || address instanceof DomainSocketAddress;
        if (EPOLL) {
            return unix ? EpollDomainSocketChannel::new : EpollSocketChannel::new;
        }
        return unix ? NioDomainSocketChannel::new : NioSocketChannel::new;
    }

    /** Returns {@code address} in the form the chosen transport connects to. */
    static SocketAddress adapt(SocketAddress address) {
        if (EPOLL && address instanceof UnixDomainSocketAddress) {
            return new DomainSocketAddress(((UnixDomainSocketAddress) address).getPath().toString());
        }
        return address;
    }
}
