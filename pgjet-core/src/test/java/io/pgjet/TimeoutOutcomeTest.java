package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pgjet.testkit.PgTestServer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kind of error a timeout or a cancel produces does not depend on who wins the race (the
 * timer, the cancel, the server's answer): many iterations whose queries end right around the
 * timeout or the cancel, while a thread keeps a CPU busy so that timings wobble. Each loop is
 * bounded in iterations and in time.
 */
class TimeoutOutcomeTest {
    private static final int ITERATIONS = 150;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);

    private CpuBurner burner;

    @BeforeEach
    void startBurner() {
        burner = new CpuBurner();
        burner.start();
    }

    @AfterEach
    void stopBurner() throws InterruptedException {
        burner.stopAndJoin();
    }

    @Test
    void queryPastItsTimeoutAlwaysFailsWithPgTimeoutException() {
        try (Connection conn = PgJet.connect(PgTestServer.shared().dsn())) {
            Connection limited = conn.withTimeout(Duration.ofMillis(20));
            long start = System.nanoTime();
            int timedOut = 0;
            for (int i = 0; i < ITERATIONS && System.nanoTime() - start < BUDGET_NANOS; i++) {
                double seconds = 0.012 + (i % 9) * 0.002; // 12..28 ms around the 20 ms limit
                try {
                    limited.execute("select pg_sleep($1)", seconds);
                } catch (PgTimeoutException expected) {
                    timedOut++;
                } catch (PgException e) {
                    fail("iteration " + i + " (" + seconds + " s) failed with the server's error: " + e.getMessage());
                }
            }
            assertTrue(timedOut > 0, "no iteration timed out");
            conn.fetchVal("select 1");
        }
    }

    @Test
    void cancelledRunningQueryAlwaysEndsInCancellationException() throws Exception {
        AsyncConnection conn = PgJet.connectAsync(PgTestServer.shared().dsn()).get();
        try {
            long start = System.nanoTime();
            int cancelled = 0;
            for (int i = 0; i < ITERATIONS && System.nanoTime() - start < BUDGET_NANOS; i++) {
                CompletableFuture<CommandStatus> query = conn.execute("select pg_sleep($1)", 0.01);
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(6_000 + (i % 11) * 800)); // 6..14 ms
                if (query.cancel(true)) {
                    cancelled++;
                    assertThrows(CancellationException.class, query::join, "iteration " + i);
                    assertThrows(CancellationException.class, query::get, "iteration " + i);
                } else {
                    try {
                        query.get(10, TimeUnit.SECONDS); // finished first: its own result, never an error
                    } catch (ExecutionException e) {
                        fail("iteration " + i + ": the query failed on its own instead of being cancelled: " + e.getCause());
                    }
                }
            }
            assertTrue(cancelled > 0, "no iteration was cancelled while running");
            assertThrows(CompletionException.class, () -> conn.fetchVal("select 1/0").join());
            conn.fetchVal("select 1").get(10, TimeUnit.SECONDS);
        } finally {
            conn.close();
        }
    }

    /** Keeps one CPU busy until stopped, so the I/O thread, the timer and the server compete. */
    private static final class CpuBurner extends Thread {
        private volatile boolean running = true;

        CpuBurner() {
            super("cpu-burner");
            setDaemon(true);
        }

        @Override
        public void run() {
            long x = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // bounded even if never stopped
            while (running && System.nanoTime() < end) {
                x += x * 31 + 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        }

        void stopAndJoin() throws InterruptedException {
            running = false;
            join();
        }
    }
}
