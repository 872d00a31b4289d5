package io.pgjet.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.pgjet.protocol.BackendFraming;
import io.pgjet.protocol.BackendHandler;
import io.pgjet.protocol.BackendMessages;

/**
 * Cuts inbound bytes into backend messages and dispatches each to the engine, without copying:
 * every message body is a slice of the read buffer. Partial frames are kept until the rest
 * arrives. At the end of each read batch it tells the connection, so writes produced while
 * handling the batch go out in one flush.
 */
final class BackendMessageHandler extends ChannelInboundHandlerAdapter {
    private final BackendHandler handler;
    private final ConnectionIo io;
    private final int maxMessageSize;
    private ByteBuf cumulation;

    BackendMessageHandler(BackendHandler handler, ConnectionIo io, int maxMessageSize) {
        this.handler = handler;
        this.io = io;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (cumulation != null) {
            in = merge(ctx.alloc(), cumulation, in);
            cumulation = null;
        }
        try {
            while (true) {
                int frame = BackendFraming.completeFrameLength(in, maxMessageSize);
                if (frame == 0) {
                    break;
                }
                int start = in.readerIndex();
                byte type = in.getByte(start);
                ByteBuf body = in.slice(start + 5, frame - 5);
                in.readerIndex(start + frame);
                BackendMessages.dispatch(type, body, handler);
            }
        } catch (RuntimeException e) {
            in.release();
            io.fail(e);
            return;
        }
        if (in.isReadable()) {
            cumulation = in;
        } else {
            in.release();
        }
    }

    private static ByteBuf merge(ByteBufAllocator alloc, ByteBuf old, ByteBuf in) {
        ByteBuf merged = alloc.buffer(old.readableBytes() + in.readableBytes());
        merged.writeBytes(old);
        merged.writeBytes(in);
        old.release();
        in.release();
        return merged;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        io.readBatchComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        io.writabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseCumulation();
        io.closed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        releaseCumulation();
        io.fail(cause);
    }

    private void releaseCumulation() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }
}
