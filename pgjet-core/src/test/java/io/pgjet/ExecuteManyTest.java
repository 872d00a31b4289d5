package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.UniqueViolationException;
import io.pgjet.testkit.PgTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** executeMany and fetchMany: one pipelined, all-or-nothing batch, streamed with bounded memory. */
class ExecuteManyTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        conn.execute("create temp table items (id int primary key, label text, price float8)");
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private static List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new Object[] {i, "item " + i, i * 1.5});
        }
        return rows;
    }

    @Test
    void insertsEveryParameterSetAndReportsRowCount() {
        assertEquals(10_000, conn.executeMany("insert into items values ($1, $2, $3)", rows(10_000)));
        assertEquals("10000", conn.fetchRow("select count(*) from items").getString(0));
        assertEquals("item 7001", conn.fetchRow("select label from items where id = 7001").getString(0));
    }

    @Test
    void failureAtRow7001Of10000LeavesTableUnchangedAndNamesTheRowInTheMessage() {
        List<Object[]> rows = rows(10_000);
        rows.set(7000, new Object[] {1, "duplicate", 0.0});
        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> conn.executeMany("insert into items values ($1, $2, $3)", rows));
        assertTrue(e.getMessage().contains("parameter set 7001"), e.getMessage());
        assertTrue(e.getMessage().startsWith("ERROR: duplicate key value"), e.getMessage());
        assertEquals("23505", e.sqlState());
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
        assertEquals("1", conn.fetchRow("select 1").getString(0));
    }

    @Test
    void unencodableParameterSetMidStreamRollsBackWhatWasSent() {
        Iterable<Object[]> source = LazyRows.of(50_000, n -> new Object[] {n, n == 40_000 ? "bad\0label" : "ok", 1.0});
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> conn.executeMany("insert into items values ($1, $2, $3)", source));
        assertTrue(e.getMessage().contains("parameter set 40000"), e.getMessage());
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
    }

    @Test
    void failureInsideTransactionBlockAbortsIt() {
        conn.execute("begin");
        List<Object[]> rows = rows(100);
        rows.set(50, new Object[] {1, "duplicate", 0.0});
        assertThrows(UniqueViolationException.class, () -> conn.executeMany("insert into items values ($1, $2, $3)", rows));
        assertTrue(conn.isInTransaction());
        conn.execute("rollback");
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
    }

    @Test
    void largeBatchStreamsFromALazyIterable() {
        Iterable<Object[]> lazy = LazyRows.of(200_000, n -> new Object[] {n, null, (double) n});
        assertEquals(200_000, conn.executeMany("insert into items values ($1, $2, $3)", lazy));
        assertEquals("20000100000", conn.fetchRow("select sum(id) from items").getString(0));
    }

    @Test
    void parameterSetsFromAPublisherAreRequestedAsWritten() throws Exception {
        java.util.concurrent.SubmissionPublisher<Object[]> publisher = new java.util.concurrent.SubmissionPublisher<>();
        var done = conn.async().executeMany("insert into items values ($1, $2, $3)", publisher);
        for (int i = 1; i <= 50_000; i++) {
            publisher.submit(new Object[] {i, "p" + i, (double) i}); // blocks while the batch is behind
        }
        publisher.close();
        assertEquals(50_000L, done.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("50000", conn.fetchRow("select count(*) from items").getString(0));
    }

    @Test
    void failingPublisherAbandonsTheWholeBatch() {
        java.util.concurrent.SubmissionPublisher<Object[]> publisher = new java.util.concurrent.SubmissionPublisher<>();
        var done = conn.async().executeMany("insert into items values ($1, $2, $3)", publisher);
        for (int i = 1; i <= 5_000; i++) {
            publisher.submit(new Object[] {i, "p" + i, (double) i});
        }
        publisher.closeExceptionally(new IllegalStateException("upstream broke"));
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> done.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("upstream broke"), e.getCause().getMessage());
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
        assertEquals("1", conn.fetchRow("select 1").getString(0));
    }

    @Test
    void fetchManyReturnsRowsOfEveryExecution() {
        List<Row> ids = conn.fetchMany("insert into items values ($1, $2, $3) returning id * 10", rows(5));
        assertEquals(5, ids.size());
        assertEquals("30", ids.get(2).getString(0));
    }

    @Test
    void emptyBatchDoesNothing() {
        assertEquals(0, conn.executeMany("insert into items values ($1, $2, $3)", List.of()));
    }

    @Test
    void requestsIssuedDuringBatchRunAfterIt() {
        AsyncConnection async = conn.async();
        var batch = async.executeMany("insert into items values ($1, $2, $3)", rows(20_000));
        var count = async.fetchRow("select count(*) from items");
        assertEquals(20_000, batch.join());
        assertEquals("20000", count.join().getString(0));
    }
    @Test
    void nullParameterSetFailsTheBatchNamingIt() {
        List<Object[]> rows = rows(5);
        rows.set(2, null);
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> conn.executeMany("insert into items values ($1, $2, $3)", rows));
        assertTrue(e.getMessage().contains("parameter set 3") && e.getMessage().contains("null"), e.getMessage());
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
        PgInterfaceException fetched = assertThrows(PgInterfaceException.class,
                () -> conn.fetchMany("insert into items values ($1, $2, $3) returning id", rows));
        assertTrue(fetched.getMessage().contains("parameter set 3"), fetched.getMessage());
        try (PreparedStatement insert = conn.prepare("insert into items values ($1, $2, $3)")) {
            PgInterfaceException prepared = assertThrows(PgInterfaceException.class, () -> insert.executeMany(rows));
            assertTrue(prepared.getMessage().contains("parameter set 3"), prepared.getMessage());
        }
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
    }

    @Test
    void nullParameterSetFailsARewrittenBatchNamingIt() {
        try (Connection rewriting = PgJet.connect(PgTestServer.shared().dsn() + "?rewrite_batched_inserts=true")) {
            rewriting.execute("create temp table items (id int primary key, label text, price float8)");
            List<Object[]> rows = rows(5);
            rows.set(3, null);
            PgInterfaceException e = assertThrows(PgInterfaceException.class,
                    () -> rewriting.executeMany("insert into items values ($1, $2, $3)", rows));
            assertTrue(e.getMessage().contains("row 4"), e.getMessage());
            assertEquals("0", rewriting.fetchRow("select count(*) from items").getString(0));
        }
    }

    @Test
    void serverErrorStopsReadingTheSourceSoon() {
        String big = "x".repeat(32 * 1024);
        java.util.concurrent.atomic.AtomicInteger pulled = new java.util.concurrent.atomic.AtomicInteger();
        Iterable<Object[]> source = () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled.get() < 128;
            }

            @Override
            public Object[] next() {
                int n = pulled.incrementAndGet();
                return new Object[] {n == 2 ? 1 : n, big, 1.0}; // set 2 repeats the key of set 1
            }
        };
        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> conn.executeMany("insert into items values ($1, $2, $3)", source));
        // At most about 1 MiB (32 sets) ahead of the server's answers plus one 256 KiB chunk.
        assertTrue(pulled.get() <= 48, "sets read from the source: " + pulled.get() + " of 128");
        assertTrue(e.getMessage().contains("parameter set 2"), e.getMessage());
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
    }

    @Test
    void rowCountsOfEachExecutionArriveInOrder() {
        conn.executeMany("insert into items values ($1, $2, $3)", rows(50));
        List<Long> counts = new ArrayList<>();
        long total = conn.executeMany("update items set price = price + 1 where id <= $1",
                List.of(new Object[] {10}, new Object[] {0}, new Object[] {50}), counts::add);
        assertEquals(60, total);
        assertEquals(List.of(10L, 0L, 50L), counts);
    }

    @Test
    void rowCountsBeforeARejectedExecutionAreReportedAndNothingIsApplied() {
        List<Long> counts = new ArrayList<>();
        List<Object[]> sets = List.of(new Object[] {1, "a", 1.0}, new Object[] {2, "b", 2.0}, new Object[] {1, "again", 3.0});
        assertThrows(UniqueViolationException.class,
                () -> conn.executeMany("insert into items values ($1, $2, $3)", sets, counts::add));
        assertEquals(List.of(1L, 1L), counts);
        assertEquals("0", conn.fetchRow("select count(*) from items").getString(0));
    }

    @Test
    void rowCountsVariantDoesNotRewriteInserts() {
        try (Connection rewriting = PgJet.connect(PgTestServer.shared().dsn() + "?rewrite_batched_inserts=true")) {
            rewriting.execute("create temp table t (id int)");
            List<Long> counts = new ArrayList<>();
            assertEquals(3, rewriting.executeMany("insert into t values ($1)",
                    List.of(new Object[] {1}, new Object[] {2}, new Object[] {3}), counts::add));
            assertEquals(List.of(1L, 1L, 1L), counts);
        }
    }
}
