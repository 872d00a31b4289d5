package io.pgjet.internal;

import static io.pgjet.internal.ScriptedServer.cstrings;
import static io.pgjet.internal.ScriptedServer.fields;
import static io.pgjet.internal.ScriptedServer.int32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgAuthenticationException;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.PgProtocolException;
import io.pgjet.PgTimeoutException;
import io.pgjet.internal.blocking.BlockingConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile or broken servers (scripted: a real PostgreSQL never does this): oversized and
 * flooding messages, lies about lengths, messages out of turn, and authentication exchanges
 * that try to make the client burn CPU or accept an unproven server. Each ends in a clear
 * {@link PgJetException} within a bound, never a hang or unbounded memory.
 */
class HostileServerTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    enum Transport {
        BLOCKING, NETTY;

        Connection open(ConnectionConfig config) {
            try {
                return this == BLOCKING ? PgJet.connect(config)
                        : new BlockingConnection(PgJet.connectAsync(config).join());
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
    }

    private static Throwable connectFails(Transport transport, ScriptedServer server, String extra) {
        ConnectionConfig config = ConnectionConfig.parse(server.dsn(extra));
        long start = System.nanoTime();
        try (Connection ignored = transport.open(config)) {
            fail("the connection to a hostile server succeeded");
        } catch (PgJetException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < BOUND.toMillis(), "took " + millis + " ms: " + e);
            assertNull(server.failure(), "script failed: " + server.failure());
            return e;
        }
        throw new AssertionError("unreachable");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void hugeErrorResponseIsRefusedByTheMessageCapBeforeItArrives(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.out.write('E');
            s.out.writeInt(512 * 1024 * 1024); // announces 512 MiB, sends a little
            s.out.write(new byte[1024]);
            s.flush();
        })) {
            Throwable e = connectFails(transport, server, "");
            assertInstanceOf(PgProtocolException.class, e);
            assertTrue(e.getMessage().contains("ErrorResponse") && e.getMessage().contains("limit"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void hugeNoticeResponseIsRefusedByTheMessageCap(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.authOk();
            s.out.write('N');
            s.out.writeInt(256 * 1024 * 1024);
            s.flush();
        })) {
            Throwable e = connectFails(transport, server, "");
            assertInstanceOf(PgProtocolException.class, e);
            assertTrue(e.getMessage().contains("NoticeResponse"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aConfiguredMessageCapRefusesAnEndlessDataRow(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.startupDone();
            s.readUntilSyncOrQuery();
            s.send('1', new byte[0]);
            s.send('2', new byte[0]);
            s.out.write('D');
            s.out.writeInt(1 << 30); // one DataRow of 1 GiB, of which only a trickle arrives
            s.out.writeShort(1);
            s.out.writeInt((1 << 30) - 10);
            s.flush();
        })) {
            ConnectionConfig config = ConnectionConfig.parse(server.dsn("")).toBuilder().maxMessageSize(1 << 20).build();
            try (Connection conn = transport.open(config)) {
                long start = System.nanoTime();
                PgJetException e = org.junit.jupiter.api.Assertions.assertThrows(PgJetException.class,
                        () -> conn.fetch("select 1"));
                assertTrue(System.nanoTime() - start < BOUND.toNanos());
                assertInstanceOf(PgProtocolException.class, e);
                assertTrue(e.getMessage().contains("limit of 1048576"), e.getMessage());
                assertTrue(conn.isClosed());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void endlessRowsEndWithTheCommandTimeout(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.startupDone();
            s.answerQuery(rows -> {
                byte[] row = {0, 1, 0, 0, 0, 4, 0, 0, 0, 7};
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && !rows.cancelled()) {
                    for (int i = 0; i < 1000; i++) {
                        rows.send('D', row);
                    }
                    rows.flush();
                    Thread.sleep(1);
                }
                // as PostgreSQL answers a cancel: the query ends with 57014, the session stays
                rows.send('E', fields("S", "ERROR", "V", "ERROR", "C", "57014", "M", "canceling statement due to user request"));
                rows.ready();
                rows.flush();
                rows.drain();
            });
        })) {
            ConnectionConfig config = ConnectionConfig.parse(server.dsn("")).toBuilder()
                    .commandTimeout(Duration.ofMillis(500)).build();
            try (Connection conn = transport.open(config)) {
                long start = System.nanoTime();
                PgJetException e = org.junit.jupiter.api.Assertions.assertThrows(PgJetException.class,
                        () -> conn.fetch("select x"));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertInstanceOf(PgTimeoutException.class, e);
                assertTrue(millis < 8_000, "timed out after " + millis + " ms");
            }
            // the cancel goes out on its own connection after the caller has its timeout error;
            // closing waits for the server's answer to it
            assertTrue(server.cancelRequests() > 0, "the timeout sent no CancelRequest");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNoticeFloodDuringStartupIsSurvivedWithBoundedMemory(Transport transport) throws Exception {
        // 5,000 notices of ~230 bytes (1.1 MiB) overrun every socket and channel buffer, which is
        // what the flood is for; more only costs time under paranoid leak detection.
        int notices = 5_000;
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.authOk();
            byte[] notice = fields("S", "NOTICE", "V", "NOTICE", "C", "00000", "M", "x".repeat(200));
            for (int i = 0; i < notices; i++) {
                s.send('N', notice);
            }
            s.backendKey();
            s.ready();
            s.flush();
            s.readUntilSyncOrQuery(); // the first query
            s.send('I', new byte[0]);
            s.ready();
            s.flush();
        })) {
            AtomicLong seen = new AtomicLong();
            try (Connection conn = transport.open(ConnectionConfig.parse(server.dsn("")))) {
                conn.addLogListener(n -> seen.incrementAndGet());
                conn.execute("");
                assertTrue(!conn.isClosed());
            }
            assertNull(server.failure());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aParameterStatusFloodOfNewNamesIsRefused(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.authOk();
            for (int i = 0; i < 200_000; i++) {
                s.send('S', cstrings("flood_" + i, "v".repeat(100)));
            }
            s.backendKey();
            s.ready();
            s.flush();
        })) {
            Throwable e = connectFails(transport, server, "");
            assertInstanceOf(PgProtocolException.class, e);
            assertTrue(e.getMessage().contains("ParameterStatus"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aLengthBelowFourIsAProtocolError(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.authOk();
            s.out.write(new byte[] {'Z', 0, 0, 0, 2, 'I'});
            s.flush();
        })) {
            Throwable e = connectFails(transport, server, "");
            assertInstanceOf(PgProtocolException.class, e);
            assertTrue(e.getMessage().contains("below the minimum"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aDataRowDuringStartupIsAProtocolError(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.authOk();
            s.send('D', new byte[] {0, 0});
            s.backendKey();
            s.ready();
            s.flush();
        })) {
            assertInstanceOf(PgProtocolException.class, connectFails(transport, server, ""));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCommandCompleteWhileIdleIsNeverTakenForTheNextQuerysAnswer(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.startupDone();
            Thread.sleep(300);
            s.send('C', cstrings("DELETE 1000")); // unsolicited, while idle
            s.flush();
            s.answerQuery(rows -> rows.send('D', new byte[] {0, 1, 0, 0, 0, 4, 0, 0, 0, 7}));
        })) {
            try (Connection conn = transport.open(ConnectionConfig.parse(server.dsn("")))) {
                Thread.sleep(600);
                long start = System.nanoTime();
                PgJetException e = org.junit.jupiter.api.Assertions.assertThrows(PgJetException.class,
                        () -> conn.fetch("select x"), "an unsolicited CommandComplete was accepted");
                assertTrue(System.nanoTime() - start < BOUND.toNanos());
                assertTrue(e instanceof PgProtocolException || e.getCause() instanceof PgProtocolException, e.toString());
                assertTrue(conn.isClosed());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSecondAuthenticationOkAfterReadyIsAProtocolError(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.startupDone();
            s.readUntilSyncOrQuery();
            s.authOk(); // out of turn
            s.send('I', new byte[0]);
            s.ready();
            s.flush();
        })) {
            try (Connection conn = transport.open(ConnectionConfig.parse(server.dsn("")))) {
                PgJetException e = org.junit.jupiter.api.Assertions.assertThrows(PgJetException.class,
                        () -> conn.execute(""));
                assertTrue(e instanceof PgProtocolException, e.toString());
                assertTrue(conn.isClosed());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void bytesAfterTheSslRefusalAreRefused(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup(); // SSLRequest
            s.out.write('N');
            s.out.write(new byte[] {'R', 0, 0, 0, 8, 0, 0, 0, 0}); // AuthenticationOk injected before the startup
            s.flush();
            s.readStartup();
            s.backendKey();
            s.ready();
            s.flush();
        })) {
            ConnectionConfig config = ConnectionConfig.parse(server.dsn("").replace("sslmode=disable", "sslmode=prefer"));
            long start = System.nanoTime();
            try (Connection ignored = transport.open(config)) {
                fail("bytes sent before the client's startup message were accepted as the server's answer");
            } catch (PgJetException e) {
                assertTrue(System.nanoTime() - start < BOUND.toNanos());
                assertTrue(e.getMessage().contains("CVE-2021-23222") || e instanceof PgProtocolException, e.toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aBillionScramIterationsAreRefusedBeforeAnyWork(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> scramUntilServerFirst(s, 1_000_000_000))) {
            long start = System.nanoTime();
            Throwable e = connectFails(transport, server, "");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(PgAuthenticationException.class, e);
            assertTrue(e.getMessage().contains("1000000000") && e.getMessage().contains("scram_max_iterations"),
                    e.getMessage());
            assertTrue(millis < 3_000, "refused after " + millis + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theScramIterationCapIsConfigurableAndAWrongServerSignatureIsRefused(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            scramUntilServerFirst(s, 150_000);
            s.readMessage(null); // SASLResponse with the client proof
            byte[] fake = new byte[32];
            s.send('R', int32(12, ("v=" + Base64.getEncoder().encodeToString(fake)).getBytes(StandardCharsets.US_ASCII)));
            s.flush();
        })) {
            Throwable capped = connectFails(transport, server, "");
            assertTrue(capped.getMessage().contains("150000"), capped.getMessage());
            Throwable e = connectFails(transport, server, "scram_max_iterations=200000");
            assertInstanceOf(PgAuthenticationException.class, e);
            assertTrue(e.getMessage().contains("signature"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void channelBindingRequiredRefusesAServerThatSkipsAuthentication(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.startupDone(); // AuthenticationOk straight away: no SCRAM, so no channel binding
        })) {
            Throwable e = connectFails(transport, server, "channel_binding=require");
            assertTrue(e instanceof PgAuthenticationException || e instanceof PgJetException, e.toString());
            assertTrue(e.getMessage().contains("channel binding"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void channelBindingRequiredRefusesAPlainScramOffer(Transport transport) throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            s.readStartup();
            s.send('R', int32(10, cstrings("SCRAM-SHA-256", "")));
            s.flush();
        })) {
            Throwable e = connectFails(transport, server, "channel_binding=require");
            assertTrue(e.getMessage().contains("channel binding"), e.getMessage());
        }
    }

    /** Plays the server up to server-first-message with {@code iterations}. */
    private static void scramUntilServerFirst(ScriptedServer.Session s, int iterations) throws Exception {
        s.readStartup();
        s.send('R', int32(10, cstrings("SCRAM-SHA-256", "")));
        s.flush();
        byte[][] body = new byte[1][];
        assertEquals('p', s.readMessage(body));
        String initial = new String(body[0], StandardCharsets.UTF_8);
        int r = initial.indexOf("r=");
        String clientNonce = initial.substring(r + 2).replaceAll("[^\\x21-\\x7e]", "");
        String serverFirst = "r=" + clientNonce + "srv,s=" + Base64.getEncoder().encodeToString(new byte[16])
                + ",i=" + iterations;
        s.send('R', int32(11, serverFirst.getBytes(StandardCharsets.US_ASCII)));
        s.flush();
    }
}
