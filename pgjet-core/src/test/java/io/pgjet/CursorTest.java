package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-side cursors: stepping, skipping, scrolling, streams and publishers with backpressure. */
class CursorTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void cursorStepsThroughResult() {
        try (Transaction tx = conn.transaction(); Cursor cursor = conn.openCursor("select g from generate_series(1, $1::int) g", 10)) {
            assertEquals("1", cursor.fetchRow().getString(0));
            List<Row> next = cursor.fetch(3);
            assertEquals("4", next.get(2).getString(0));
            assertEquals(4, cursor.forward(4));
            assertEquals("9", cursor.fetchRow().getString(0));
            assertEquals(1, cursor.fetch(5).size());
            assertNull(cursor.fetchRow());
            assertThrows(PgInterfaceException.class, () -> cursor.backward(1));
        }
    }

    @Test
    void cursorOutsideTransactionIsAClearError() {
        PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.openCursor("select 1"));
        assertTrue(e.getMessage().contains("transaction"), e.getMessage());
        try (Stream<Row> rows = conn.cursor("select 1")) {
            // opening happens eagerly in the blocking facade, so this is not reached
            rows.count();
        } catch (PgInterfaceException expected) {
            assertTrue(expected.getMessage().contains("transaction"));
        }
    }

    @Test
    void scrollableCursorMovesBothWays() {
        try (Transaction tx = conn.transaction();
                Cursor cursor = conn.openScrollableCursor("select g from generate_series(1, 10) g")) {
            assertEquals("5", cursor.absolute(5).getString(0));
            assertEquals("3", cursor.relative(-2).getString(0));
            List<Row> back = cursor.backward(2);
            assertEquals("2", back.get(0).getString(0));
            assertEquals("1", back.get(1).getString(0));
            assertEquals("10", cursor.absolute(-1).getString(0));
        }
    }

    @Test
    void scrollableCursorClosedAfterItsTransactionCommittedClosesQuietly() {
        try (Transaction tx = conn.transaction();
                Cursor cursor = conn.openScrollableCursor("select g from generate_series(1, 10) g")) {
            assertEquals("1", cursor.fetchRow().getString(0));
            tx.commit(); // the server closes the cursor here; try-with-resources closes it after
        }
        assertEquals(1, conn.fetch("select 1").size());
    }

    @Test
    void blockingStreamReadsLazilyInSlices() {
        try (Transaction tx = conn.transaction();
                Stream<Row> rows = conn.cursor("select g from generate_series(1, 100000) g")) {
            assertEquals(5000050000L, rows.mapToLong(r -> Long.parseLong(r.getString(0))).sum());
        }
    }

    @Test
    void publisherHonoursDemandAndHoldsAtMostOneSlice() throws Exception {
        AsyncConnection async = conn.async();
        AsyncTransaction tx = async.transaction().join();
        CompletableFuture<Long> sum = new CompletableFuture<>();
        AtomicLong maxOutstanding = new AtomicLong();
        async.cursor(100, "select g from generate_series(1, 200000) g").subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;
            private long total;
            private long outstanding;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                outstanding = 10;
                s.request(10);
            }

            @Override
            public void onNext(Row row) {
                total += Long.parseLong(row.getString(0));
                outstanding--;
                maxOutstanding.accumulateAndGet(outstanding, Math::max);
                if (outstanding == 0) {
                    outstanding = 10;
                    subscription.request(10);
                }
            }

            @Override
            public void onError(Throwable t) {
                sum.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                sum.complete(total);
            }
        });
        assertEquals(20000100000L, sum.get(60, TimeUnit.SECONDS));
        assertTrue(maxOutstanding.get() <= 10);
        tx.commit().join();
    }

    @Test
    void publisherOutsideTransactionSignalsError() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        conn.async().cursor("select 1").subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(Row item) {
                failure.complete(new AssertionError("no row expected"));
            }

            @Override
            public void onError(Throwable t) {
                failure.complete(t);
            }

            @Override
            public void onComplete() {
                failure.complete(new AssertionError("no completion expected"));
            }
        });
        assertTrue(failure.get(30, TimeUnit.SECONDS) instanceof PgInterfaceException);
    }

    @Test
    void cancellingSubscriptionClosesCursorAndConnectionStaysUsable() throws Exception {
        AsyncConnection async = conn.async();
        AsyncTransaction tx = async.transaction().join();
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        async.cursor("select g from generate_series(1, 1000000) g").subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(5);
            }

            @Override
            public void onNext(Row row) {
                if (row.getString(0).equals("5")) {
                    subscription.cancel();
                    cancelled.complete(null);
                }
            }

            @Override
            public void onError(Throwable t) {
                cancelled.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                cancelled.completeExceptionally(new AssertionError("should not complete"));
            }
        });
        cancelled.get(30, TimeUnit.SECONDS);
        Thread.sleep(100);
        assertEquals("0", async.fetchRow("select count(*) from pg_cursors where name like 'pgjet_cursor%'").join().getString(0));
        tx.commit().join();
    }
}
