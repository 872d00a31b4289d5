package io.pgjet.internal.socket;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * The byte stream under a caller-driven connection: a TCP socket (plain or TLS) or a unix-domain
 * socket channel, read and written with blocking calls (which unmount a virtual thread instead of
 * pinning it). One thread may read while another writes; reads and writes are each used by one
 * thread at a time.
 */
abstract class SocketStream {
    /**
     * Reads what is available into {@code into}'s writable space, blocking until the first byte;
     * returns the count, -1 at end of stream, or 0 when {@link #wakeUp()} ended the wait early.
     * Why blocking without a timeout: a timed read costs two more system calls per answer (a
     * failed read and a poll); {@link SocketWatcher} looks after readers that wait too long.
     */
    abstract int read(ByteBuf into) throws IOException;

    /**
     * Reads only what has already arrived, without waiting for the server: returns the count, 0
     * when nothing is there, or -1 at end of stream where that can be seen without blocking.
     */
    abstract int readIfAvailable(ByteBuf into) throws IOException;

    /** Ends a blocked {@link #read} early where the stream can (0 is returned), else does nothing. */
    void wakeUp() {
        // a blocking socket read cannot be woken
    }

    /** Writes every readable byte of {@code from}, blocking while the socket's buffer is full. */
    abstract void write(ByteBuf from) throws IOException;

    /** Closes the socket; a thread blocked in {@link #read} or {@link #write} gets an IOException. */
    abstract void close();

    /** Returns the server's TLS certificate (for channel binding), or null on a plain stream. */
    X509Certificate serverCertificate() {
        return null;
    }

    /**
     * Returns a stream over a connected TCP socket: {@code socket} is {@code raw} itself, or an
     * {@link SSLSocket} layered over it after its handshake.
     */
    static SocketStream of(Socket socket, Socket raw) throws IOException {
        return new TcpStream(socket, raw);
    }

    /** Returns a stream over a connected unix-domain socket channel in blocking mode. */
    static SocketStream of(SocketChannel channel) throws IOException {
        return new ChannelStream(channel);
    }

    private static final class TcpStream extends SocketStream {
        private final Socket socket;
        /** The TCP socket under a TLS one (null for a plain socket): its kernel buffer shows what arrived. */
        private final InputStream rawIn;
        private final InputStream in;
        private final OutputStream out;

        TcpStream(Socket socket, Socket raw) throws IOException {
            this.socket = socket;
            this.rawIn = raw == socket ? null : raw.getInputStream();
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        int read(ByteBuf into) throws IOException {
            return into.writeBytes(in, into.writableBytes());
        }

        @Override
        int readIfAvailable(ByteBuf into) throws IOException {
            // A TLS record that has arrived decrypts without waiting for more.
            return in.available() > 0 || rawIn != null && rawIn.available() > 0 ? read(into) : 0;
        }

        @Override
        void write(ByteBuf from) throws IOException {
            from.readBytes(out, from.readableBytes());
            // A TLS socket buffers one record per write; plain socket streams write through.
            if (socket instanceof SSLSocket) {
                out.flush();
            }
        }

        @Override
        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to tell anyone
            }
        }

        @Override
        X509Certificate serverCertificate() {
            if (!(socket instanceof SSLSocket)) {
                return null;
            }
            try {
                Certificate[] chain = ((SSLSocket) socket).getSession().getPeerCertificates();
                return chain.length > 0 && chain[0] instanceof X509Certificate ? (X509Certificate) chain[0] : null;
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
    }

    /**
     * A unix-domain socket in non-blocking mode with a selector per direction: a blocking-mode
     * channel would be closed by an interrupt of the reading thread (a selector wakes instead).
     */
    private static final class ChannelStream extends SocketStream {
        private final SocketChannel channel;
        private final Selector readable;
        private final Selector writable;

        ChannelStream(SocketChannel channel) throws IOException {
            this.channel = channel;
            channel.configureBlocking(false);
            this.readable = Selector.open();
            this.writable = Selector.open();
            channel.register(readable, SelectionKey.OP_READ);
            channel.register(writable, SelectionKey.OP_WRITE);
        }

        @Override
        int read(ByteBuf into) throws IOException {
            int read = into.writeBytes(channel, into.writableBytes());
            if (read != 0) {
                return read;
            }
            readable.select();
            readable.selectedKeys().clear();
            return into.writeBytes(channel, into.writableBytes());
        }

        @Override
        int readIfAvailable(ByteBuf into) throws IOException {
            return into.writeBytes(channel, into.writableBytes());
        }

        @Override
        void wakeUp() {
            readable.wakeup();
        }

        @Override
        void write(ByteBuf from) throws IOException {
            while (from.isReadable()) {
                if (from.readBytes(channel, from.readableBytes()) == 0) {
                    writable.select(1000);
                    writable.selectedKeys().clear();
                }
            }
        }

        @Override
        void close() {
            try {
                channel.close();
                readable.close();
                writable.close();
            } catch (IOException ignored) {
                // closing: nothing left to tell anyone
            }
        }
    }
}
