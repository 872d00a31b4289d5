package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Result;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Unsubscribing from a running statement cancels it on the server; the connection stays usable. */
class R2dbcCancelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void disposingASleepingQuerySendsACancelAndTheConnectionStaysUsable() throws InterruptedException {
        PgJetR2dbcConnection connection = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        PgJetR2dbcConnection observer = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        try {
            int pid = connection.unwrap().getServerPid();
            Disposable running = Flux.from(connection.createStatement("SELECT pg_sleep(30)").execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0))).subscribe();
            String sleeping = "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND query LIKE 'SELECT pg_sleep%' "
                    + "AND state = 'active'";
            assertTrue(waitFor(observer, sleeping, pid, 1L), "the query is running on the server");
            long start = System.nanoTime();
            running.dispose();
            assertTrue(waitFor(observer, sleeping, pid, 0L), "the server stopped the query after the cancel");
            Object one = Flux.from(connection.createStatement("SELECT 1").execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0))).blockLast(WAIT);
            assertEquals(1, one);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "well before pg_sleep(30) would end");
        } finally {
            Mono.from(connection.close()).block(WAIT);
            Mono.from(observer.close()).block(WAIT);
        }
    }

    @Test
    void cancellingTheRowsUpdatedSubscriptionOfAnUpdateCancelsIt() {
        PgJetR2dbcConnection connection = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        try {
            long start = System.nanoTime();
            Long none = Flux.from(connection.createStatement("SELECT pg_sleep(30)").execute())
                    .concatMap(Result::getRowsUpdated).take(Duration.ofMillis(300)).blockLast(WAIT);
            assertEquals(null, none);
            Object one = Flux.from(connection.createStatement("SELECT 1").execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0))).blockLast(WAIT);
            assertEquals(1, one);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        } finally {
            Mono.from(connection.close()).block(WAIT);
        }
    }

    private static boolean waitFor(PgJetR2dbcConnection observer, String sql, int pid, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Long count = Flux.from(observer.createStatement(sql).bind(0, pid).execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0, Long.class))).blockLast(WAIT);
            if (count != null && count == expected) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
