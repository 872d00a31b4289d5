package io.pgjet.internal.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
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
     * The cancel connection's only handler. The server may reset that connection instead of
     * closing it (or a proxy or firewall on the way may), and a failed read or write must end it
     * quietly: unhandled, Netty's pipeline tail logs a WARNING per reset ("An exceptionCaught()
     * event was fired, and it reached at the tail of the pipeline"), for a request whose failure
     * only means the query runs to its end.
     *
     * @return a handler (stateless, shareable) that closes the channel on any exception
     */
    static ChannelHandler handler() {
        return QUIET_CLOSE;
    }

    private static final ChannelHandler QUIET_CLOSE = new QuietClose();

    /** Closes the cancel connection on an exception instead of passing it on to the pipeline's tail. */
    @ChannelHandler.Sharable
    private static final class QuietClose extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // its close future runs the 'handled' callback, as for the server's close
        }
    }

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
                .handler(handler());
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
