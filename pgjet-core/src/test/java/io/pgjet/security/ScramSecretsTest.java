package io.pgjet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.LogCapture;
import io.pgjet.PgJetException;
import io.pgjet.PgHost;
import io.pgjet.PgJet;
import io.pgjet.SslMode;
import io.pgjet.protocol.ChannelBinding;
import io.pgjet.protocol.ScramSha256Client;
import io.pgjet.testkit.PgTestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A SCRAM-SHA-256 login against real PostgreSQL, successful and failed, with every logger at
 * the finest level, never lets out the secrets of the exchange: the client proof and the server
 * signature (taken from the wire by a recording loopback proxy), and the salted password, client
 * key, stored key and server key (computed here from the password and the salt and iteration
 * count the server sent). Each is searched for in base64, hex and Java's array rendering in
 * every log line (messages, arguments, stack traces), the failed login's whole exception chain
 * and the {@code toString} of the configuration, the connection and a SCRAM client that ran
 * the same exchange.
 */
class ScramSecretsTest {

    /** Runs one login through a recording proxy and returns both directions' bytes. */
    private static final class RecordingProxy implements AutoCloseable {
        final ServerSocket listener;
        final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
        final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        final List<Thread> threads = new ArrayList<>();

        RecordingProxy(String host, int port) throws Exception {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                try (Socket client = listener.accept(); Socket server = new Socket(host, port)) {
                    client.setSoTimeout(20_000);
                    server.setSoTimeout(20_000);
                    Thread up = pump(client.getInputStream(), server.getOutputStream(), toServer);
                    Thread down = pump(server.getInputStream(), client.getOutputStream(), toClient);
                    up.join(30_000);
                    down.join(30_000);
                } catch (Exception e) {
                    // the login under test reports its own failure
                }
            }, "scram-recording-proxy");
            accept.setDaemon(true);
            accept.start();
            threads.add(accept);
        }

        private static Thread pump(InputStream in, OutputStream out, ByteArrayOutputStream record) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (record) {
                            record.write(buf, 0, n);
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (Exception closed) {
                    // either side closed
                } finally {
                    try {
                        out.close();
                    } catch (Exception ignored) {
                        // already closed
                    }
                }
            }, "scram-recording-pump");
            t.setDaemon(true);
            t.start();
            return t;
        }

        int port() {
            return listener.getLocalPort();
        }

        byte[] recorded(ByteArrayOutputStream record) {
            synchronized (record) {
                return record.toByteArray();
            }
        }

        @Override
        public void close() throws Exception {
            listener.close();
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    /** The SASL payloads of one exchange, from the recorded bytes. */
    private record Exchange(String clientFirst, String serverFirst, String clientFinal, String serverFinal) {
        static Exchange of(byte[] toServer, byte[] toClient) {
            List<String> frontend = saslPayloads(toServer, true);
            List<String> backend = saslPayloads(toClient, false);
            return new Exchange(frontend.get(0), backend.get(0), frontend.size() > 1 ? frontend.get(1) : null,
                    backend.size() > 1 ? backend.get(1) : null);
        }

        /** SASLInitialResponse/SASLResponse bodies ('p') or SASLContinue/SASLFinal data ('R' 11/12). */
        private static List<String> saslPayloads(byte[] bytes, boolean frontend) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            List<String> out = new ArrayList<>();
            if (frontend) {
                b.position(b.getInt(0)); // the startup message has no type byte
            }
            while (b.remaining() >= 5) {
                byte type = b.get();
                int len = b.getInt();
                byte[] body = new byte[len - 4];
                b.get(body);
                ByteBuffer m = ByteBuffer.wrap(body);
                if (frontend && type == 'p') {
                    if (out.isEmpty()) { // SASLInitialResponse: mechanism\0, int32 length, data
                        while (m.get() != 0) {
                            // mechanism name
                        }
                        m.getInt();
                    }
                    out.add(StandardCharsets.UTF_8.decode(m).toString());
                } else if (!frontend && type == 'R') {
                    int code = m.getInt();
                    if (code == 11 || code == 12) {
                        out.add(StandardCharsets.UTF_8.decode(m).toString());
                    }
                }
            }
            return out;
        }

        static String attribute(String message, char name) {
            for (String part : message.split(",")) {
                if (part.length() > 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                    return part.substring(2);
                }
            }
            throw new AssertionError("no " + name + "= in " + message);
        }
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The exchange's secrets by name, each in every rendering searched for. */
    private static Map<String, List<String>> secrets(Exchange ex, String password) throws Exception {
        byte[] salt = Base64.getDecoder().decode(Exchange.attribute(ex.serverFirst(), 's'));
        int iterations = Integer.parseInt(Exchange.attribute(ex.serverFirst(), 'i'));
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("salted password", salted);
        raw.put("client key", clientKey);
        raw.put("stored key", MessageDigest.getInstance("SHA-256").digest(clientKey));
        raw.put("server key", hmac(salted, "Server Key"));
        raw.put("client proof", Base64.getDecoder().decode(Exchange.attribute(ex.clientFinal(), 'p')));
        if (ex.serverFinal() != null) {
            raw.put("server signature", Base64.getDecoder().decode(Exchange.attribute(ex.serverFinal(), 'v')));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("password", List.of(password));
        raw.forEach((name, bytes) -> out.put(name, List.of(Base64.getEncoder().encodeToString(bytes),
                HexFormat.of().formatHex(bytes), HexFormat.of().withUpperCase().formatHex(bytes),
                Arrays.toString(bytes), Base64.getEncoder().encodeToString(bytes).substring(0, 24))));
        return out;
    }

    private static void assertNoneSaid(Map<String, List<String>> secrets, List<String> said) {
        for (String s : said) {
            secrets.forEach((name, forms) -> {
                for (String form : forms) {
                    assertFalse(s.contains(form), "the " + name + " (" + form + ") in: " + s);
                }
            });
        }
    }

    /** Captures every JUL record from every logger at the finest level while it runs. */
    private static final class AllLoggers implements AutoCloseable {
        final Logger root = Logger.getLogger("");
        final Level previous = root.getLevel();
        final List<String> lines = new CopyOnWriteArrayList<>();
        final SimpleFormatter formatter = new SimpleFormatter();
        final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add("log " + record.getLoggerName() + " " + record.getLevel() + ": " + formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        AllLoggers() {
            root.setLevel(Level.ALL);
            root.addHandler(handler);
        }

        @Override
        public void close() {
            root.removeHandler(handler);
            root.setLevel(previous);
        }
    }

    private static ConnectionConfig throughProxy(ConnectionConfig config, int port, String password) {
        // no TLS, so the proxy sees the exchange; plain SCRAM-SHA-256 (no channel binding)
        return config.toBuilder().hosts(List.of(new PgHost("127.0.0.1", port))).sslMode(SslMode.DISABLE)
                .password(password).build();
    }

    @Test
    void aSuccessfulScramLoginSaysNoneOfTheExchangesSecrets() throws Exception {
        ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn());
        String password = config.password();
        assertNotNull(password, "the shared server authenticates with SCRAM");
        PgHost target = config.hosts().get(0);
        List<String> said = new ArrayList<>();
        Exchange ex;
        try (AllLoggers all = new AllLoggers(); LogCapture pgjet = LogCapture.start(r -> "pgjet " + r.getMessage());
                RecordingProxy proxy = new RecordingProxy(target.host(), target.port())) {
            ConnectionConfig via = throughProxy(config, proxy.port(), password);
            try (Connection conn = PgJet.connect(via)) {
                assertEquals(1, ((Number) conn.fetchVal("select 1")).intValue());
                said.add("connection: " + conn + " config: " + via);
            }
            ex = Exchange.of(proxy.recorded(proxy.toServer), proxy.recorded(proxy.toClient));
            said.addAll(all.lines);
            said.addAll(pgjet.lines());
            assertTrue(all.lines.size() > 0, "no log line captured at the finest level");
        }
        assertNotNull(ex.serverFinal(), "the login ran a whole SCRAM exchange: " + ex);
        ChannelBinding binding = "eSws".equals(Exchange.attribute(ex.clientFinal(), 'c'))
                ? ChannelBinding.supportedButNotUsed() : ChannelBinding.none();
        ScramSha256Client replay = new ScramSha256Client(password, binding,
                Exchange.attribute(ex.clientFirst(), 'r'), "");
        replay.clientFirstMessage();
        assertEquals(ex.clientFinal(), new String(replay.clientFinalMessage(
                ex.serverFirst().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8), "the computed exchange");
        replay.verifyServerFinal(ex.serverFinal().getBytes(StandardCharsets.UTF_8));
        said.add("scram client: " + replay);
        Map<String, List<String>> secrets = secrets(ex, password);
        // the search would see them: the proof is on the wire in the very form searched for
        assertTrue(ex.clientFinal().contains(secrets.get("client proof").get(0)), "proof rendering");
        assertNoneSaid(secrets, said);
    }

    @Test
    void aFailedScramLoginSaysNoneOfTheExchangesSecrets() throws Exception {
        ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn());
        String wrong = "Wrong-Sentinel-" + Long.toHexString(System.nanoTime());
        PgHost target = config.hosts().get(0);
        List<String> said = new ArrayList<>();
        Exchange ex;
        try (AllLoggers all = new AllLoggers(); RecordingProxy proxy = new RecordingProxy(target.host(), target.port())) {
            ConnectionConfig via = throughProxy(config, proxy.port(), wrong);
            said.add("config: " + via);
            PgJetException e = assertThrows(PgJetException.class, () -> PgJet.connect(via).close());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            said.add("exception: " + trace);
            ex = Exchange.of(proxy.recorded(proxy.toServer), proxy.recorded(proxy.toClient));
            said.addAll(all.lines);
        }
        assertNotNull(ex.clientFinal(), "the client sent its proof: " + ex);
        assertNoneSaid(secrets(ex, wrong), said);
    }
}
