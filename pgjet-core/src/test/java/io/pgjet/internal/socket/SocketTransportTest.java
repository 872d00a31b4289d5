package io.pgjet.internal.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.Notification;
import io.pgjet.PgConnectionException;
import io.pgjet.PgJet;
import io.pgjet.PgTimeoutException;
import io.pgjet.Row;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.testkit.PgTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The caller-driven transport that {@code PgJet.connect} opens: what its design promises. */
class SocketTransportTest {
    private static Connection connect() {
        return PgJet.connect(PgTestServer.shared().dsn());
    }

    private static SocketIo transportOf(Connection conn) {
        return (SocketIo) ((RealConnection) conn.async()).io();
    }

    @Test
    void blockingConnectOpensTheCallerDrivenTransport() {
        try (Connection conn = connect()) {
            assertInstanceOf(SocketIo.class, ((RealConnection) conn.async()).io());
            assertEquals(1, (int) conn.fetchVal("select 1"));
        }
    }

    @Test
    void theCallingThreadReadsItsOwnAnswer() {
        try (Connection conn = connect()) {
            AtomicReference<Thread> readBy = new AtomicReference<>();
            SocketIo io = transportOf(conn);
            Row row = io.call(() -> ((RealConnection) conn.async()).fetchRow("select 1").thenApply(r -> {
                readBy.set(Thread.currentThread());
                return r;
            }));
            assertEquals(1, row.getInt(0));
            assertEquals(Thread.currentThread(), readBy.get(), "the answer was decoded on the caller's thread");
        }
    }

    @Test
    void concurrentCallersOnOneConnectionAllGetTheirOwnAnswers() throws Exception {
        try (Connection conn = connect()) {
            ExecutorService threads = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            int expected = thread * 1000 + i;
                            assertEquals(expected, (int) conn.fetchVal("select $1::int4", expected));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void asynchronousUseCompletesWithoutAWaitingCaller() throws Exception {
        try (Connection conn = connect()) {
            CompletableFuture<Integer> answer = conn.async().fetchVal("select 41 + 1");
            assertEquals(42, answer.get(10, TimeUnit.SECONDS));
            CompletableFuture<List<Row>> chained = conn.async().fetchVal("select 3")
                    .thenCompose(n -> conn.async().fetch("select generate_series(1, $1::int4)", n));
            assertEquals(3, chained.get(10, TimeUnit.SECONDS).size());
        }
    }

    @Test
    void listenerReceivesNotificationsWhileTheConnectionIsIdle() throws Exception {
        try (Connection listening = connect(); Connection other = connect()) {
            BlockingQueue<Notification> received = new ArrayBlockingQueue<>(4);
            listening.addListener("socket_idle", received::add);
            other.execute("select pg_notify('socket_idle', 'hello')");
            Notification notification = received.poll(10, TimeUnit.SECONDS);
            assertEquals("hello", notification == null ? null : notification.payload());
            // the reader that delivered it hands the connection back to callers
            assertEquals(2, (int) listening.fetchVal("select 2"));
        }
    }

    @Test
    void aTimedOutQueryReturnsAtItsTimeoutAndTheConnectionStaysUsable() {
        try (Connection conn = connect()) {
            long start = System.nanoTime();
            assertThrows(PgTimeoutException.class,
                    () -> conn.withTimeout(Duration.ofMillis(200)).execute("select pg_sleep(10)"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 3000, "returned after " + millis + " ms");
            assertEquals("ok", conn.fetchVal("select 'ok'"));
        }
    }

    @Test
    void largeBatchFromOneThreadDoesNotDeadlockOnFullSocketBuffers() {
        try (Connection conn = connect()) {
            conn.execute("create temp table socket_batch (id int, payload text)");
            String payload = "x".repeat(200);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                rows.add(new Object[] {i, payload});
            }
            long inserted = assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> conn.executeMany("insert into socket_batch values ($1, $2)", rows));
            assertEquals(100_000, inserted);
            assertEquals(100_000L, (long) conn.fetchVal("select count(*) from socket_batch"));
        }
    }

    @Test
    void largeResultIsReadCompletely() {
        try (Connection conn = connect()) {
            List<Row> rows = conn.fetch("select g, repeat('y', 100) from generate_series(1, 200000) g");
            assertEquals(200_000, rows.size());
            assertEquals(200_000, rows.get(199_999).getInt(0));
        }
    }

    @Test
    void serverEndingTheSessionFailsThePendingCallWithAConnectionError() {
        try (Connection conn = connect(); Connection admin = connect()) {
            int pid = conn.getServerPid();
            CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
                sleep(300);
                admin.execute("select pg_terminate_backend($1)", pid);
            });
            assertThrows(PgConnectionException.class, () -> conn.execute("select pg_sleep(10)"));
            killer.join();
            assertTrue(conn.isClosed());
        }
    }

    @Test
    void closeEndsTheSessionOnTheServer() {
        try (Connection admin = connect()) {
            Connection conn = connect();
            int pid = conn.getServerPid();
            conn.close();
            assertTrue(conn.isClosed());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long left;
            do {
                left = admin.fetchVal("select count(*) from pg_stat_activity where pid = $1", pid);
            } while (left > 0 && System.nanoTime() < deadline);
            assertEquals(0, left);
        }
    }

    @Test
    void aServerThatStopsAnsweringCannotHoldATimedOutCallerForever() throws Exception {
        try (Connection conn = connect()) {
            int pid = conn.getServerPid();
            signal("STOP", pid);
            try {
                long bound = 300 + TimeUnit.NANOSECONDS.toMillis(SocketWatcher.GIVE_UP_NANOS) + 2000;
                assertTimeoutPreemptively(Duration.ofMillis(bound), () -> assertThrows(PgTimeoutException.class,
                        () -> conn.withTimeout(Duration.ofMillis(300)).execute("select 1")));
                assertTrue(conn.isClosed(), "a connection whose server went silent is closed, not reused");
            } finally {
                signal("CONT", pid);
            }
        }
    }

    /** Sends a signal to a local backend (the test kit's servers run on this machine). */
    private static void signal(String name, int pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name + " " + pid);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
