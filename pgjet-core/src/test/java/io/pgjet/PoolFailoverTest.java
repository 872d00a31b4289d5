package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pool over a primary and its streaming standby, with {@code target_session_attrs=read-write},
 * keeps serving writes through a failover: the standby is promoted and the old primary goes away
 * (stopped) or turns read-only, while writers keep going. Errors in between are retryable, and
 * writes succeed again on the new primary within a measured bound.
 */
class PoolFailoverTest {
    /** The documented bound (docs/scale-out.md) plus slack for a loaded CI machine. */
    private static final long RECOVERY_BOUND_MS = 10_000;

    private PgCluster primary;
    private PgCluster standby;

    @AfterEach
    void stop() {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    private void startPair() {
        primary = PgCluster.builder().auth(AuthMethod.TRUST).start();
        try (Connection conn = PgJet.connect(primary.dsn())) {
            conn.execute("create table failover_log (id bigint, port int default inet_server_port())");
        }
        standby = primary.startStandby(); // a copy of the stopped primary: the table is there
    }

    private String dsn(String extra) {
        return "postgresql://" + primary.superuser() + "@127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                + "/postgres?sslmode=disable&connect_timeout=2&target_session_attrs=read-write" + extra;
    }

    /** What writers saw: errors by kind, and the time of the latest successful write. */
    private static final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger writes = new AtomicInteger();
        final AtomicLong lastWriteNanos = new AtomicLong();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        void succeeded() {
            writes.incrementAndGet();
            lastWriteNanos.set(System.nanoTime());
        }

        void failed(Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            errors.add(cause);
            pause();
        }

        static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until a write newer than {@code since} succeeded; returns the milliseconds it took. */
    private static long waitForWriteAfter(Load load, long since) {
        long deadline = since + TimeUnit.SECONDS.toNanos(30);
        while (load.lastWriteNanos.get() - since <= 0) {
            if (System.nanoTime() - deadline > 0) {
                fail("no write succeeded within 30 s of the failover; errors: " + load.errors);
            }
            Load.pause();
        }
        return TimeUnit.NANOSECONDS.toMillis(load.lastWriteNanos.get() - since);
    }

    private static void assertAllRetryable(Load load) {
        for (Throwable error : load.errors) {
            assertTrue(error instanceof PgJetException && ((PgJetException) error).isRetryable(),
                    "a writer saw a non-retryable error: " + error);
        }
    }

    @Test
    void blockingPoolWritesToThePromotedStandbyAfterTheOldPrimaryStops() throws Exception {
        startPair();
        Load load = new Load();
        try (Pool pool = PgJet.createPool(dsn(""), PoolOptions.DEFAULT.withSize(2, 4)
                .withAcquireTimeout(Duration.ofSeconds(5)))) {
            List<Thread> writers = new CopyOnWriteArrayList<>();
            AtomicLong ids = new AtomicLong();
            for (int i = 0; i < 4; i++) {
                Thread writer = new Thread(() -> {
                    while (load.running.get()) {
                        try {
                            pool.execute("insert into failover_log (id) values ($1)", ids.incrementAndGet());
                            load.succeeded();
                        } catch (PgJetException e) {
                            load.failed(e);
                        }
                    }
                });
                writer.start();
                writers.add(writer);
            }
            waitForWriteAfter(load, System.nanoTime());
            standby.promote();
            primary.stop();
            long stopped = System.nanoTime();
            long recoveredMs = waitForWriteAfter(load, stopped);
            load.running.set(false);
            for (Thread writer : writers) {
                writer.join(10_000);
            }
            System.out.println("PoolFailoverTest: blocking pool wrote again " + recoveredMs + " ms after the old primary"
                    + " stopped; " + load.errors.size() + " retryable errors, " + load.writes.get() + " writes");
            assertTrue(recoveredMs < RECOVERY_BOUND_MS, "recovered after " + recoveredMs + " ms");
            assertAllRetryable(load);
            assertEquals(standby.port(), pool.<Integer>fetchVal("select inet_server_port()"));
        }
    }

    @Test
    void asyncPoolLeavesAnOldPrimaryThatTurnedReadOnly() throws Exception {
        startPair();
        Load load = new Load();
        try (AsyncPool pool = PgJet.createPoolAsync(dsn("&host_recheck_seconds=1"), PoolOptions.DEFAULT
                .withSize(2, 4).withAcquireTimeout(Duration.ofSeconds(5))).get(30, TimeUnit.SECONDS)) {
            AtomicLong ids = new AtomicLong();
            AtomicInteger inFlight = new AtomicInteger();
            Runnable[] write = new Runnable[1];
            write[0] = () -> {
                if (!load.running.get()) {
                    inFlight.decrementAndGet();
                    return;
                }
                pool.execute("insert into failover_log (id) values ($1)", ids.incrementAndGet())
                        .whenComplete((ok, error) -> {
                            if (error == null) {
                                load.succeeded();
                            } else {
                                load.failed(error);
                            }
                            write[0].run();
                        });
            };
            for (int i = 0; i < 4; i++) {
                inFlight.incrementAndGet();
                write[0].run();
            }
            waitForWriteAfter(load, System.nanoTime());
            // What an operator does to fence an old primary that must stay up: make it read-only.
            try (Connection old = PgJet.connect(primary.dsn())) {
                old.execute("alter system set default_transaction_read_only = on");
                old.execute("select pg_reload_conf()");
            }
            standby.promote();
            long fenced = System.nanoTime();
            long recoveredMs = waitForWriteAfter(load, fenced);
            // Writes keep landing on the new primary: the old one is no longer used.
            waitForWriteAfter(load, System.nanoTime());
            load.running.set(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
                Load.pause();
            }
            System.out.println("PoolFailoverTest: async pool wrote again " + recoveredMs + " ms after the old primary"
                    + " turned read-only; " + load.errors.size() + " retryable errors, " + load.writes.get() + " writes");
            assertTrue(recoveredMs < RECOVERY_BOUND_MS, "recovered after " + recoveredMs + " ms");
            assertAllRetryable(load);
            assertTrue(load.errors.stream().anyMatch(e -> e instanceof PgException
                    && "25006".equals(((PgException) e).sqlState())), "writes saw the read-only server: " + load.errors);
            assertEquals(standby.port(), pool.<Integer>fetchVal("select inet_server_port()").get(10, TimeUnit.SECONDS));
        }
    }
}
