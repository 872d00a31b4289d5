package io.pgjet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgAuthenticationException;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The client side of PostgreSQL 18's {@code oauth} authentication (SASL OAUTHBEARER). A real
 * server needs an {@code oauth_validator_libraries} module, which cannot be built here, so a
 * scripted server on loopback plays PostgreSQL's part of the exchange, byte for byte.
 */
class OAuthBearerTest {
    private static final String TOKEN = "eyJhbGciOi.J9-tok_en~123+/=";

    /** What the scripted server received after offering its mechanisms: the client's SASL answers. */
    private record Received(String mechanism, byte[] initialResponse, byte[] secondResponse, boolean sentNothing) {}

    /** Serves one connection: offers {@code mechanism}; accepts the token or, if {@code reject}, rejects it. */
    private static CompletableFuture<Received> serve(ServerSocket server, String mechanism, boolean reject) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(20_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                in.readFully(new byte[in.readInt() - 4]); // StartupMessage
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream offer = new ByteArrayOutputStream();
                new DataOutputStream(offer).writeInt(10);
                offer.write((mechanism + "\0\0").getBytes(StandardCharsets.US_ASCII));
                write(out, 'R', offer.toByteArray());
                int type = in.read();
                if (type != 'p') {
                    return new Received(null, null, null, true); // closed (-1) or Terminate: nothing answered
                }
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                int nul = 0;
                while (body[nul] != 0) {
                    nul++;
                }
                String chosen = new String(body, 0, nul, StandardCharsets.US_ASCII);
                int length = ((body[nul + 1] & 0xff) << 24) | ((body[nul + 2] & 0xff) << 16)
                        | ((body[nul + 3] & 0xff) << 8) | (body[nul + 4] & 0xff);
                byte[] initial = java.util.Arrays.copyOfRange(body, nul + 5, nul + 5 + length);
                if (!reject) {
                    write(out, 'R', new byte[] {0, 0, 0, 0}); // AuthenticationOk
                    write(out, 'Z', new byte[] {'I'});
                    in.read(); // Terminate: the client waits for the server to hang up
                    return new Received(chosen, initial, null, false);
                }
                String json = "{\"status\":\"invalid_token\",\"scope\":\"openid pg\","
                        + "\"openid-configuration\":\"https://issuer.example/.well-known/openid-configuration\"}";
                ByteArrayOutputStream cont = new ByteArrayOutputStream();
                new DataOutputStream(cont).writeInt(11);
                cont.write(json.getBytes(StandardCharsets.UTF_8));
                write(out, 'R', cont.toByteArray());
                if (in.read() != 'p') {
                    return new Received(chosen, initial, null, false);
                }
                byte[] second = new byte[in.readInt() - 4];
                in.readFully(second);
                write(out, 'E', ("SFATAL\0VFATAL\0C28000\0MOAuth bearer authentication failed for user \"u\"\0\0")
                        .getBytes(StandardCharsets.UTF_8));
                drain(in);
                return new Received(chosen, initial, second, false);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static void drain(DataInputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // until the client closes
            }
        } catch (EOFException | java.net.SocketException closed) {
            // the client went away
        }
    }

    private static void write(OutputStream out, char type, byte[] body) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(type);
        data.writeInt(body.length + 4);
        data.write(body);
        data.flush();
    }

    private static ConnectionConfig config(ServerSocket server, String extra, Supplier<String> tokens) {
        return ConnectionConfig.parse("postgresql://u@127.0.0.1:" + server.getLocalPort()
                + "/db?sslmode=disable&connect_timeout=10" + extra).toBuilder().oauthTokenSupplier(tokens).build();
    }

    @Test
    void theTokenGoesInTheInitialResponseAndTheConnectionOpens() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Received> received = serve(server, "OAUTHBEARER", false);
            try (Connection c = PgJet.connect(config(server, "&require_auth=oauth", () -> {
                calls.incrementAndGet();
                return TOKEN;
            }))) {
                assertFalse(c.isClosed());
            }
            Received r = received.get(20, TimeUnit.SECONDS);
            assertEquals("OAUTHBEARER", r.mechanism());
            assertEquals("n,,\u0001auth=Bearer " + TOKEN + "\u0001\u0001", new String(r.initialResponse(), StandardCharsets.US_ASCII));
            assertEquals(1, calls.get());
        }
    }

    @Test
    void aRejectedTokenFailsWithTheServersStatusAndErrorButNotTheToken() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Received> received = serve(server, "OAUTHBEARER", true);
            PgAuthenticationException e = assertThrows(PgAuthenticationException.class,
                    () -> PgJet.connect(config(server, "", () -> TOKEN)));
            assertTrue(e.getMessage().contains("invalid_token"), e.getMessage());
            assertTrue(e.getMessage().contains("OAuth bearer authentication failed"), e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
            assertEquals("28000", assertInstanceOf(PgException.class, e.getCause()).sqlState());
            assertEquals(1, received.get(20, TimeUnit.SECONDS).secondResponse().length);
            assertEquals(0x01, received.get().secondResponse()[0]);
        }
    }

    @Test
    void withoutATokenSupplierOauthIsRefusedBeforeAnythingIsSent() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Received> received = serve(server, "OAUTHBEARER", false);
            PgAuthenticationException e = assertThrows(PgAuthenticationException.class,
                    () -> PgJet.connect(config(server, "", null)));
            assertTrue(e.getMessage().contains("no OAuth token supplier"), e.getMessage());
            assertTrue(received.get(20, TimeUnit.SECONDS).sentNothing());
        }
    }

    @Test
    void requireAuthWithoutOauthRefusesOauthbearerAndOauthRefusesScram() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Received> received = serve(server, "OAUTHBEARER", false);
            PgAuthenticationException e = assertThrows(PgAuthenticationException.class,
                    () -> PgJet.connect(config(server, "&require_auth=scram-sha-256", () -> TOKEN)));
            assertTrue(e.getMessage().contains("requested oauth authentication"), e.getMessage());
            assertTrue(received.get(20, TimeUnit.SECONDS).sentNothing());
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Received> received = serve(server, "SCRAM-SHA-256", false);
            PgAuthenticationException e = assertThrows(PgAuthenticationException.class,
                    () -> PgJet.connect(ConnectionConfig.parse("postgresql://u:pw@127.0.0.1:" + server.getLocalPort()
                            + "/db?sslmode=disable&require_auth=oauth")));
            assertTrue(e.getMessage().contains("requested scram-sha-256 authentication"), e.getMessage());
            assertTrue(received.get(20, TimeUnit.SECONDS).sentNothing());
        }
    }

    @Test
    void aFailingOrMalformedTokenSupplierFailsTheConnectNamingTheSupplier() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PgAuthenticationException thrown = assertThrows(PgAuthenticationException.class,
                    () -> PgJet.connect(config(server, "", () -> {
                        throw new IllegalStateException("idp down, secret-in-message");
                    })));
            assertTrue(thrown.getMessage().contains("OAuth token supplier"), thrown.getMessage());
            assertFalse(thrown.getMessage().contains("secret-in-message"), thrown.getMessage());
            PgAuthenticationException malformed = assertThrows(PgAuthenticationException.class,
                    () -> PgJet.connect(config(server, "", () -> "two words")));
            assertTrue(malformed.getMessage().contains("not a bearer token"), malformed.getMessage());
            assertFalse(malformed.getMessage().contains("two words"), malformed.getMessage());
        }
        ConnectionConfig c = ConnectionConfig.builder().oauthTokenSupplier(() -> {
            throw new AssertionError("toString must not call the supplier");
        }).build();
        assertTrue(c.toString().contains("oauthTokenSupplier=<set>"), c.toString());
    }
}
