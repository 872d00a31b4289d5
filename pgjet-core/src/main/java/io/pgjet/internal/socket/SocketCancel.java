package io.pgjet.internal.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgjet.protocol.FrontendMessages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Sends a CancelRequest on a new connection, as PostgreSQL requires, from a helper thread: the
 * server reads the process id and secret key, answers nothing and closes. Fire and forget: on
 * failure the query simply runs to its end.
 */
final class SocketCancel {
    private static final int TIMEOUT_MILLIS = 10_000;

    private SocketCancel() {}

    /**
     * Sends the cancel request for backend {@code processId} to {@code address} in the background;
     * runs {@code handled} once the server closed that connection (it has signalled the backend)
     * or the request could not be sent.
     */
    static void send(SocketAddress address, int processId, byte[] secretKey, Runnable handled) {
        SocketThreads.helpers().execute(() -> {
            try {
                sendNow(address, processId, secretKey);
            } finally {
                handled.run();
            }
        });
    }

    private static void sendNow(SocketAddress address, int processId, byte[] secretKey) {
        ByteBuf message = Unpooled.buffer(16 + secretKey.length);
        FrontendMessages.cancelRequest(message, processId, secretKey);
        byte[] bytes = new byte[message.readableBytes()];
        message.readBytes(bytes);
        try {
            if (address instanceof UnixDomainSocketAddress) {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(address);
                    channel.write(ByteBuffer.wrap(bytes));
                    channel.read(ByteBuffer.allocate(1)); // the server's close
                }
            } else {
                try (Socket socket = new Socket()) {
                    socket.connect((InetSocketAddress) address, TIMEOUT_MILLIS);
                    socket.setSoTimeout(TIMEOUT_MILLIS);
                    socket.getOutputStream().write(bytes);
                    socket.getInputStream().read(); // the server's close
                }
            }
        } catch (IOException ignored) {
            // the query runs to its end; the caller's timeout or cancel already answered
        }
    }
}
