package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code fetchSize} outside a transaction (auto-commit) streams the rows from the socket as the
 * subscriber asks, against real PostgreSQL: the server waits on its send buffer while the
 * subscriber asks for nothing, so memory stays bounded for any result size.
 */
class R2dbcAutoCommitStreamingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** About 400 MB of rows: far more than any buffer PgJet or the kernel keeps. */
    private static final String HUGE = "SELECT g, repeat('x', 200) AS pad FROM generate_series(1, 2000000) g";

    @Test
    void withoutDemandTheServerWaitsOnItsSendBufferAndOnlyRequestedRowsArrive() throws Exception {
        PgJetR2dbcConnection connection = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        PgJetR2dbcConnection observer = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        try {
            assertTrue(connection.isAutoCommit());
            int pid = connection.unwrap().getServerPid();
            AtomicLong received = new AtomicLong();
            CountDownLatch tenArrived = new CountDownLatch(10);
            BaseSubscriber<Integer> slow = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    subscription.request(10);
                }

                @Override
                protected void hookOnNext(Integer value) {
                    received.incrementAndGet();
                    tenArrived.countDown();
                }
            };
            Flux.from(connection.createStatement(HUGE).fetchSize(100).execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0, Integer.class))).subscribe(slow);
            assertTrue(tenArrived.await(30, TimeUnit.SECONDS), "the first rows arrive before the result is over");
            String blocked = "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND state = 'active' "
                    + "AND wait_event = 'ClientWrite'";
            assertTrue(waitFor(observer, blocked, pid, 1L), "the server is blocked writing to the client");
            assertEquals(10, received.get(), "no row beyond the demand");
            slow.request(5000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.get() < 5010 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(5010, received.get(), "more demand, more rows");
            slow.dispose();
            assertTrue(waitFor(observer, "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND state = 'active'",
                    pid, 0L), "cancelling stopped the statement on the server");
            Object one = Flux.from(connection.createStatement("SELECT 1").execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0))).blockLast(WAIT);
            assertEquals(1, one, "the connection is usable after the cancel");
        } finally {
            Mono.from(connection.close()).block(WAIT);
            Mono.from(observer.close()).block(WAIT);
        }
    }

    @Test
    void aLargeAutoCommitResultStreamsEveryRowInOrder() {
        int rows = 100_000;
        AtomicLong expected = new AtomicLong(1);
        Long count = Flux.usingWhen(R2dbcTestSupport.factory().create(),
                c -> Flux.from(c.createStatement("SELECT g, repeat('y', 200) AS pad FROM generate_series(1, $1) g")
                                .bind("$1", rows).fetchSize(500).execute())
                        .concatMap(r -> r.map((row, md) -> row.get("g", Integer.class)))
                        .doOnNext(g -> assertEquals(expected.getAndIncrement(), g.longValue(), "rows in order"))
                        .count(),
                c -> c.close()).blockLast(WAIT);
        assertEquals(rows, count);
    }

    private static boolean waitFor(PgJetR2dbcConnection observer, String sql, int pid, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Long count = Flux.from(observer.createStatement(sql).bind("$1", pid).execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0, Long.class))).blockLast(WAIT);
            if (count != null && count == expected) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
