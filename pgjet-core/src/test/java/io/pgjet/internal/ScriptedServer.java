package io.pgjet.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted PostgreSQL server on loopback for what a real server cannot be made to do
 * (malformed, hostile or out-of-order messages). It runs the script on every connection it
 * accepts, each on its own thread; the script reads and writes raw protocol through a
 * {@link Session}.
 * Script failures (other than the client hanging up) are kept for {@link #failure()}.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket listener;
    private static final int CANCEL_REQUEST_CODE = 80877102;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger cancelRequests = new AtomicInteger();

    /** One client connection's script. */
    interface Script {
        void run(Session session) throws Exception;
    }

    ScriptedServer(Script script) throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        // Each connection runs on its own thread, so a second connection (a CancelRequest, a
        // retry) is answered while a first script is still streaming.
        Thread thread = new Thread(() -> {
            while (!listener.isClosed()) {
                Socket s;
                try {
                    s = listener.accept();
                } catch (IOException closed) {
                    return;
                }
                Thread session = new Thread(() -> runSession(s, script), "scripted-session");
                session.setDaemon(true);
                session.start();
            }
        }, "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    private void runSession(Socket socket, Script script) {
        try (Socket s = socket) {
            s.setSoTimeout(30_000);
            Session session = new Session(s, this);
            script.run(session);
            session.flush();
            session.drain();
        } catch (IOException clientWentAway) {
            // expected: most scripts end with the client closing
        } catch (Exception | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** A DSN for this server: plain text, user {@code u}, database {@code db}, 10 s connect timeout. */
    String dsn(String extra) {
        return "postgresql://u:secret@127.0.0.1:" + port() + "/db?sslmode=disable&connect_timeout=10"
                + (extra.isEmpty() ? "" : "&" + extra);
    }

    Throwable failure() {
        return failure.get();
    }

    /** How many CancelRequests arrived (each on its own connection, as with a real server). */
    int cancelRequests() {
        return cancelRequests.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** The raw protocol of one connection. */
    static final class Session {
        final Socket socket;
        final DataInputStream in;
        final DataOutputStream out;
        private final ScriptedServer server;

        Session(Socket socket, ScriptedServer server) throws IOException {
            this.socket = socket;
            this.server = server;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream(), 65536));
        }

        /**
         * Reads the StartupMessage (or SSLRequest): returns its body after the length. A
         * CancelRequest is counted and ends the session, as a real server closes such a
         * connection without an answer.
         */
        byte[] readStartup() throws IOException {
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            if (body.length == 12 && java.nio.ByteBuffer.wrap(body).getInt() == CANCEL_REQUEST_CODE) {
                server.cancelRequests.incrementAndGet();
                throw new IOException("a CancelRequest: the session ends");
            }
            return body;
        }

        /** Whether a CancelRequest has arrived on any connection to this server. */
        boolean cancelled() {
            return server.cancelRequests() > 0;
        }

        /** Reads one typed frontend message; returns its type, the body is in {@code body[0]}. */
        char readMessage(byte[][] body) throws IOException {
            char type = (char) in.readUnsignedByte();
            byte[] b = new byte[in.readInt() - 4];
            in.readFully(b);
            if (body != null) {
                body[0] = b;
            }
            return type;
        }

        /** Reads frontend messages up to and including Sync ('S') or a simple Query ('Q'). */
        void readUntilSyncOrQuery() throws IOException {
            char type;
            do {
                type = readMessage(null);
            } while (type != 'S' && type != 'Q');
        }

        /**
         * Answers one extended-protocol query (Parse/Bind/Describe/Execute/Sync, in whatever
         * batches the client sends them) as a one-column int4 result; {@code rows} writes the
         * DataRows for Execute. Returns after the Sync that follows the Execute.
         */
        void answerQuery(Script rows) throws Exception {
            boolean executed = false;
            while (true) {
                byte[][] body = new byte[1][];
                char type = readMessage(body);
                switch (type) {
                    case 'P' -> send('1', new byte[0]);
                    case 'B' -> send('2', new byte[0]);
                    case 'D' -> {
                        if (body[0][0] == 'S') {
                            send('t', new byte[] {0, 0});
                        }
                        send('T', rowDescription());
                    }
                    case 'E' -> {
                        rows.run(this);
                        send('C', cstrings("SELECT 1"));
                        executed = true;
                    }
                    case 'S' -> {
                        ready();
                        flush();
                        if (executed) {
                            return;
                        }
                    }
                    case 'Q' -> {
                        send('T', rowDescription());
                        rows.run(this);
                        send('C', cstrings("SELECT 1"));
                        ready();
                        flush();
                        return;
                    }
                    default -> {
                        // Close, Flush...: nothing to answer
                    }
                }
            }
        }

        private static byte[] rowDescription() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(0);
            b.write(1);
            b.writeBytes(cstrings("x"));
            b.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 23, 0, 4, -1, -1, -1, -1, 0, 1});
            return b.toByteArray();
        }

        void send(char type, byte[] body) throws IOException {
            out.write(type);
            out.writeInt(body.length + 4);
            out.write(body);
        }

        void authOk() throws IOException {
            send('R', new byte[] {0, 0, 0, 0});
        }

        void backendKey() throws IOException {
            send('K', new byte[] {0, 0, 0, 42, 1, 2, 3, 4});
        }

        void ready() throws IOException {
            send('Z', new byte[] {'I'});
        }

        /** AuthenticationOk, BackendKeyData, ReadyForQuery: a session ready for queries. */
        void startupDone() throws IOException {
            authOk();
            backendKey();
            ready();
            flush();
        }

        void flush() throws IOException {
            out.flush();
        }

        /**
         * Reads messages until the client sends Terminate or closes; a real server closes its end
         * on Terminate, which a client's graceful close waits for.
         */
        void drain() throws IOException {
            while (readMessage(null) != 'X') {
                // the client decides when it is over
            }
            socket.close(); // what follows in the script then fails as if the client went away
        }
    }

    /** Builds an ErrorResponse or NoticeResponse body from field code / value pairs. */
    static byte[] fields(String... codeValue) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < codeValue.length; i += 2) {
            b.write(codeValue[i].charAt(0));
            b.writeBytes(codeValue[i + 1].getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        b.write(0);
        return b.toByteArray();
    }

    static byte[] cstrings(String... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String v : values) {
            b.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    static byte[] int32(int value, byte[] rest) {
        byte[] b = new byte[4 + rest.length];
        b[0] = (byte) (value >>> 24);
        b[1] = (byte) (value >>> 16);
        b[2] = (byte) (value >>> 8);
        b[3] = (byte) value;
        System.arraycopy(rest, 0, b, 4, rest.length);
        return b;
    }
}
