package io.pgjet.faults;

import static io.pgjet.faults.Faults.failsWithin;
import static io.pgjet.faults.Faults.through;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgJetException;
import io.pgjet.PgTimeoutException;
import io.pgjet.SslMode;
import io.pgjet.faults.Faults.Transport;
import io.pgjet.testkit.FaultProxy;
import io.pgjet.testkit.FaultProxy.Direction;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server goes silent without closing the connection (a half-open TCP connection: the host
 * vanished, a firewall dropped the state). With a timeout, the caller gets
 * {@link PgTimeoutException} on time and never a stale answer afterwards; without one, the
 * request waits (a slow network is not an error) and completes correctly when the network comes
 * back, or fails with {@link PgConnectionException} when the connection finally ends.
 */
class HalfOpenServerTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void commandTimeoutFiresOnASilentServerAndNoStaleAnswerFollows(Transport transport) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(Faults.server());
                Connection conn = transport.open(through(proxy))) {
            assertEquals(1, (int) conn.<Integer>fetchVal("select 1"));
            proxy.stall();
            // Netty answers at the timeout. The blocking transport's caller is itself blocked in a
            // socket read that cannot be woken: it gets the timeout once the server answers the
            // cancel, or, from a silent server, when the socket watcher gives up (5 s) and closes.
            Duration bound = transport == Transport.NETTY ? Duration.ofMillis(2_000) : Duration.ofMillis(7_500);
            Throwable failure = failsWithin(bound,
                    () -> conn.withTimeout(Duration.ofMillis(500)).fetchVal("select 2"));
            assertInstanceOf(PgTimeoutException.class, failure);
            if (transport == Transport.BLOCKING) {
                assertTrue(conn.isClosed(), "the blocking connection gave up on the silent server");
            }
            proxy.resume();
            // Either the connection gave up (closed) or it answers the next query with its own result.
            if (!conn.isClosed()) {
                try {
                    assertEquals(3, (int) conn.withTimeout(Duration.ofSeconds(5)).<Integer>fetchVal("select 3"));
                } catch (PgJetException e) {
                    assertTrue(conn.isClosed(), "a failure after the timeout closes the connection: " + e);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void withoutATimeoutAQueryWaitsForTheNetworkAndThenCompletes(Transport transport) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(Faults.server());
                Connection conn = transport.open(through(proxy))) {
            proxy.stall();
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> conn.<Integer>fetchVal("select 7"));
            Thread.sleep(1_000);
            assertFalse(answer.isDone(), "nothing arrived, so nothing completed: " + answer);
            proxy.resume();
            assertEquals(7, (int) answer.get(10, TimeUnit.SECONDS));
            assertFalse(conn.isClosed());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void withoutATimeoutAWaitingQueryFailsAsSoonAsTheConnectionEnds(Transport transport) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(Faults.server());
                Connection conn = transport.open(through(proxy))) {
            proxy.stall();
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> conn.<Integer>fetchVal("select 7"));
            Thread.sleep(500);
            long start = System.nanoTime();
            proxy.resetAll();
            Throwable failure = Faults.unwrap(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> answer.get(10, TimeUnit.SECONDS)));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(PgConnectionException.class, failure);
            assertTrue(millis < 2_000, "failed " + millis + " ms after the reset");
            assertTrue(conn.isClosed());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aStalledTlsHandshakeEndsWithTheConnectTimeout(Transport transport) {
        try (FaultProxy proxy = FaultProxy.to(Faults.server())) {
            ConnectionConfig config = through(proxy, b -> b.sslMode(SslMode.REQUIRE)
                    .connectTimeout(Duration.ofSeconds(1)));
            proxy.stallAfter(Direction.TO_CLIENT, 1); // the 'S' answer to SSLRequest passes, the ServerHello does not
            Throwable failure = failsWithin(Duration.ofSeconds(4), () -> transport.open(config).close());
            assertTrue(failure instanceof PgTimeoutException || failure instanceof PgConnectionException,
                    failure.toString());
            assertTrue(failure.getMessage().toLowerCase().contains("timeout")
                    || failure.getMessage().toLowerCase().contains("timed out"), failure.getMessage());
        }
    }
}
