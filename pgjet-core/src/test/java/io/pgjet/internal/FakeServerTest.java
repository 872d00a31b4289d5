package io.pgjet.internal;

import io.pgjet.internal.conn.RealConnection;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgJetException;
import io.pgjet.PgProtocolException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Malformed servers: what a real PostgreSQL cannot be made to send. A scripted server on
 * loopback answers the startup with broken frames; PgJet must fail clearly, never hang or run
 * out of memory.
 */
class FakeServerTest {

    @Test
    void oversizedFrameIsRejectedBeforeAllocation() throws Exception {
        Throwable failure = connectTo(out -> {
            write(out, 'R', new byte[] {0, 0, 0, 0}); // AuthenticationOk
            writeRaw(out, new byte[] {'D', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // 2 GiB DataRow
        });
        assertTrue(failure instanceof PgProtocolException, failure.toString());
        assertTrue(failure.getMessage().contains("length"), failure.getMessage());
    }

    @Test
    void frameCutMidMessageFailsWithConnectionError() throws Exception {
        Throwable failure = connectTo(out -> {
            write(out, 'R', new byte[] {0, 0, 0, 0});
            writeRaw(out, new byte[] {'S', 0, 0, 0, 50, 'T', 'i'}); // ParameterStatus cut after 2 bytes
        });
        assertTrue(failure instanceof PgConnectionException, failure.toString());
    }

    @Test
    void unknownMessageTypeIsProtocolError() throws Exception {
        Throwable failure = connectTo(out -> writeRaw(out, new byte[] {'@', 0, 0, 0, 4}));
        assertTrue(failure instanceof PgProtocolException, failure.toString());
    }

    @Test
    void messageBodyShorterThanItsFieldsIsProtocolError() throws Exception {
        Throwable failure = connectTo(out -> {
            write(out, 'R', new byte[] {0, 0, 0, 0});
            write(out, 'K', new byte[] {0, 0, 1}); // BackendKeyData far too short
        });
        assertTrue(failure instanceof PgProtocolException, failure.toString());
    }

    @Test
    void bytesInjectedAfterSslAnswerAreRefused() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread script = new Thread(() -> {
                try (Socket s = server.accept()) {
                    new DataInputStream(s.getInputStream()).readFully(new byte[8]); // SSLRequest
                    OutputStream out = s.getOutputStream();
                    out.write(new byte[] {'S', 'R', 0, 0, 0, 8, 0, 0, 0, 0}); // 'S' plus injected plaintext
                    out.flush();
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the client hangs up
                }
            });
            script.start();
            ConnectionConfig config = ConnectionConfig.parse("postgresql://u@127.0.0.1:" + server.getLocalPort()
                    + "/db?sslmode=require&connect_timeout=10");
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> RealConnection.connect(config).get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("CVE-2021-23222"), e.getCause().getMessage());
            script.join(10_000);
        }
    }

    @Test
    void dataRowWhoseValueRunsPastItsEndFailsTheQueryWithProtocolError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread script = new Thread(() -> {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    in.readFully(new byte[in.readInt() - 4]); // StartupMessage
                    OutputStream out = s.getOutputStream();
                    write(out, 'R', new byte[] {0, 0, 0, 0}); // AuthenticationOk
                    write(out, 'Z', new byte[] {'I'});
                    out.flush();
                    in.readByte(); // 'Q'
                    in.readFully(new byte[in.readInt() - 4]);
                    java.io.ByteArrayOutputStream description = new java.io.ByteArrayOutputStream();
                    DataOutputStream d = new DataOutputStream(description);
                    d.writeShort(1);
                    d.write(utf8("a\0"));
                    d.writeInt(0);
                    d.writeShort(0);
                    d.writeInt(25); // text
                    d.writeShort(-1);
                    d.writeInt(-1);
                    d.writeShort(0);
                    write(out, 'T', description.toByteArray());
                    // one column announced as 100 bytes long, but only 3 follow
                    write(out, 'D', new byte[] {0, 1, 0, 0, 0, 100, 'a', 'b', 'c'});
                    out.flush();
                    while (in.read() >= 0) {
                        // drain until the client closes
                    }
                } catch (IOException ignored) {
                    // the client hangs up
                }
            });
            script.start();
            ConnectionConfig config = ConnectionConfig.parse("postgresql://u@127.0.0.1:" + server.getLocalPort()
                    + "/db?sslmode=disable&connect_timeout=10");
            RealConnection connection = RealConnection.connect(config).get(20, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> connection.execute("select a from t").get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof PgProtocolException, e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains("length 100"), e.getCause().getMessage());
            ExecutionException next = assertThrows(ExecutionException.class,
                    () -> connection.execute("select 1").get(20, TimeUnit.SECONDS));
            assertTrue(next.getCause() instanceof PgJetException, "the connection is unusable after a protocol error: "
                    + next.getCause());
            script.join(10_000);
        }
    }

    private static Throwable connectTo(Consumer<OutputStream> script) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread thread = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    DataInputStream data = new DataInputStream(in);
                    int length = data.readInt();
                    data.readFully(new byte[length - 4]); // StartupMessage
                    script.accept(s.getOutputStream());
                    s.getOutputStream().flush();
                    s.shutdownOutput();
                    while (in.read() >= 0) {
                        // drain until the client closes
                    }
                } catch (IOException ignored) {
                    // client went away
                }
            });
            thread.start();
            ConnectionConfig config = ConnectionConfig.parse("postgresql://u@127.0.0.1:" + server.getLocalPort()
                    + "/db?sslmode=disable&connect_timeout=10");
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> RealConnection.connect(config).get(20, TimeUnit.SECONDS));
            thread.join(10_000);
            assertTrue(e.getCause() instanceof PgJetException, e.getCause().toString());
            return e.getCause();
        }
    }

    private static void write(OutputStream out, char type, byte[] body) {
        try {
            DataOutputStream data = new DataOutputStream(out);
            data.write(type);
            data.writeInt(body.length + 4);
            data.write(body);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static void writeRaw(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
