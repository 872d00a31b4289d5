package io.pgjet.internal.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.pgjet.protocol.FrontendMessages;
import java.net.SocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends CancelRequest messages. PostgreSQL only accepts a cancel on a new connection that
 * carries the backend's process id and secret key; the server answers nothing and closes it.
 */
final class CancelRequests {
    private CancelRequests() {}

    /**
     * Opens a connection to {@code address} from {@code sibling}'s event loop, sends the cancel
     * request and closes. Failures are ignored, since the query then simply runs to completion.
     *
     * @param handled run once on {@code sibling}'s event loop when the server has closed the
     *     connection (it has then signalled the backend), or when the request could not be sent
     */
    static void send(Channel sibling, SocketAddress address, int processId, byte[] secretKey, Runnable handled) {
        Bootstrap bootstrap = new Bootstrap()
                .group(sibling.eventLoop())
                .channelFactory(Transports.channelFactory(address))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInboundHandlerAdapter());
        bootstrap.connect(address).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                handled.run();
                return;
            }
            Channel channel = connected.channel();
            ByteBuf message = channel.alloc().buffer(16 + secretKey.length);
            FrontendMessages.cancelRequest(message, processId, secretKey);
            channel.writeAndFlush(message);
            // The server closes the socket after reading the request; don't wait forever for it.
            ScheduledFuture<?> forceClose = channel.eventLoop().schedule(() -> channel.close(), 10, TimeUnit.SECONDS);
            channel.closeFuture().addListener(closed -> {
                forceClose.cancel(false);
                handled.run();
            });
        });
    }
}
