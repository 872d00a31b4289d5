package io.pgjet.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.pgjet.PgConnectionException;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the server's one-byte answer to SSLRequest: 'S' (go ahead with TLS) or 'N' (no TLS).
 *
 * <p>Any byte after the answer, before the TLS handshake, is refused: a man in the middle could
 * inject it to be processed as if it came over the encrypted channel (the class of bug behind
 * CVE-2021-23222).
 */
final class SslResponseHandler extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Boolean> accepted = new CompletableFuture<>();

    /** Completes with true for 'S', false for 'N'; fails on anything else. */
    CompletableFuture<Boolean> accepted() {
        return accepted;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (!in.isReadable()) {
                return;
            }
            byte answer = in.readByte();
            if (in.isReadable()) {
                accepted.completeExceptionally(new PgConnectionException("the server sent "
                        + in.readableBytes() + " unencrypted bytes after its answer to SSLRequest; "
                        + "refusing them (possible man-in-the-middle attack, see CVE-2021-23222)"));
                ctx.close();
                return;
            }
            ctx.pipeline().remove(this);
            if (answer == 'S') {
                accepted.complete(true);
            } else if (answer == 'N') {
                accepted.complete(false);
            } else {
                accepted.completeExceptionally(new PgConnectionException(
                        "the server answered SSLRequest with unexpected byte 0x" + Integer.toHexString(answer & 0xff)));
                ctx.close();
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        accepted.completeExceptionally(new PgConnectionException(
                "the server closed the connection during SSL negotiation"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        accepted.completeExceptionally(new PgConnectionException("SSL negotiation failed: " + cause, cause));
        ctx.close();
    }
}
