package io.pgjet.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.pgjet.internal.engine.BackendFrames;
import io.pgjet.protocol.BackendHandler;

/**
 * Cuts inbound bytes into backend messages and dispatches each to the engine, without copying
 * or allocating: every message body is the read buffer itself, its indexes narrowed to the body. Partial frames are kept until the rest
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
        io.readBatchStarted();
        ByteBuf in = (ByteBuf) msg;
        if (cumulation != null) {
            in = append(ctx.alloc(), cumulation, in);
            cumulation = null;
        }
        try {
            BackendFrames.dispatch(in, maxMessageSize, handler);
        } catch (RuntimeException e) {
            in.release();
            io.fail(e);
            return;
        }
        if (in.isReadable()) {
            cumulation = keepPartial(ctx.alloc(), in);
        } else {
            in.release();
        }
    }

    /**
     * Keeps the start of an incomplete frame in a buffer big enough for the whole frame (its
     * length was already checked against the maximum), so a large message arriving in many reads
     * is copied once instead of once per read.
     */
    private static ByteBuf keepPartial(ByteBufAllocator alloc, ByteBuf in) {
        int readable = in.readableBytes();
        int needed = BackendFrames.partialFrameSize(in);
        if (in.maxWritableBytes() >= needed - readable && in.capacity() - in.readerIndex() >= needed
                && in.refCnt() == 1) {
            return in;
        }
        ByteBuf partial = alloc.buffer(Math.max(needed, readable));
        partial.writeBytes(in);
        in.release();
        return partial;
    }

    private static ByteBuf append(ByteBufAllocator alloc, ByteBuf partial, ByteBuf in) {
        if (partial.writableBytes() >= in.readableBytes()) {
            partial.writeBytes(in);
            in.release();
            return partial;
        }
        ByteBuf merged = alloc.buffer(partial.readableBytes() + in.readableBytes());
        merged.writeBytes(partial);
        merged.writeBytes(in);
        partial.release();
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
