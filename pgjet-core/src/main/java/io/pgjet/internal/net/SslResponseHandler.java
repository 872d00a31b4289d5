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
public final class SslResponseHandler extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Boolean> accepted = new CompletableFuture<>();

    /** Completes with true for 'S', false for 'N'; fails on anything else. */
    CompletableFuture<Boolean> accepted() {
        return accepted;
    }

    /**
     * Reads the server's one-byte answer to SSLRequest: true for 'S' (TLS follows), false for
     * 'N' (plain text), and a {@link PgConnectionException} for anything else or for bytes that
     * arrived unencrypted after the answer (CVE-2021-23222).
     *
     * @param answer the byte the server sent
     * @param bytesAfter how many more bytes arrived with it
     */
    public static boolean interpret(byte answer, int bytesAfter) {
        if (bytesAfter > 0) {
            throw new PgConnectionException("the server sent " + bytesAfter
                    + " unencrypted bytes after its answer to SSLRequest; "
                    + "refusing them (possible man-in-the-middle attack, see CVE-2021-23222)");
        }
        if (answer == 'S') {
            return true;
        }
        if (answer == 'N') {
            return false;
        }
        throw new PgConnectionException(
                "the server answered SSLRequest with unexpected byte 0x" + Integer.toHexString(answer & 0xff));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (!in.isReadable()) {
                return;
            }
            byte answer = in.readByte();
            boolean tls;
            try {
                tls = interpret(answer, in.readableBytes());
            } catch (PgConnectionException e) {
                accepted.completeExceptionally(e);
                ctx.close();
                return;
            }
            ctx.pipeline().remove(this);
            accepted.complete(tls);
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
