package io.pgjet.internal;

import io.pgjet.internal.conn.RealConnection;

import static io.pgjet.internal.Servers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.DivisionByZeroException;
import io.pgjet.internal.result.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Requests issued concurrently on one connection are pipelined and answered in order. */
class PipeliningTest {

    @Test
    void tenThousandConcurrentRequestsAllCompleteAndRunInIssueOrder() {
        RealConnection conn = Servers.connect();
        try {
            await(conn.simpleQuery("create temp sequence pipeline_order"));
            int count = 10_000;
            List<CompletableFuture<StatementResult>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // the server numbers the requests as it runs them; the echo ties each answer to its request
                futures.add(conn.query("select $1::int4, nextval('pipeline_order')", i));
            }
            for (int i = 0; i < count; i++) {
                StatementResult result = await(futures.get(i));
                assertEquals(String.valueOf(i), result.rows().get(0).getString(0));
                assertEquals(String.valueOf(i + 1), result.rows().get(0).getString(1));
            }
        } finally {
            conn.terminate();
        }
    }

    @Test
    void statementsBeingPreparedDoNotOvertakeEarlierRequests() {
        RealConnection conn = Servers.connect();
        try {
            await(conn.simpleQuery("create temp table overtake (n int)"));
            List<CompletableFuture<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // distinct SQL texts: every other request needs a prepare round trip first
                String sql = i % 2 == 0 ? "insert into overtake values ($1::int4 + " + i + " * 0)" : "insert into overtake values ($1)";
                futures.add(conn.query(sql, i));
            }
            futures.forEach(Servers::await);
            StatementResult all = await(conn.query("select string_agg(n::text, ',' order by ctid) from overtake"));
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                expected.append(i == 0 ? "" : ",").append(i);
            }
            assertEquals(expected.toString(), Servers.single(all));
        } finally {
            conn.terminate();
        }
    }

    @Test
    void executionWrittenBeforeItsStatementsPreparationWaitsForIt() {
        // Two threads issuing the same new SQL at once can have their commands written in either
        // order; whichever is written first must prepare the statement for both.
        RealConnection conn = Servers.connect();
        try {
            io.pgjet.internal.engine.StatementRef statement = new io.pgjet.internal.engine.StatementRef("race_1", "select 42");
            CompletableFuture<StatementResult> second = conn.io().submit(io.pgjet.internal.engine.QueryCommand.of(
                    statement, conn.bindEncoderFor(new Object[0]), conn.typeResolver(), "", 0, true), 0)
                    .future();
            CompletableFuture<StatementResult> first = conn.io().submit(io.pgjet.internal.engine.QueryCommand.of(
                    statement, conn.bindEncoderFor(new Object[0]), conn.typeResolver(), "", 0, true), 0).future();
            assertEquals("42", Servers.single(await(second)));
            assertEquals("42", Servers.single(await(first)));
        } finally {
            conn.terminate();
        }
    }

    @Test
    void concurrentFirstUsesOfTheSameSqlAllGetTheirRows() throws Exception {
        for (int round = 0; round < 30; round++) {
            RealConnection conn = Servers.connect();
            try {
                int threads = 8;
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
                List<CompletableFuture<Integer>> sizes = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    CompletableFuture<Integer> size = new CompletableFuture<>();
                    sizes.add(size);
                    new Thread(() -> {
                        try {
                            start.await();
                            size.complete(await(conn.query("select 1")).rows().size());
                        } catch (Exception e) {
                            size.completeExceptionally(e);
                        }
                    }).start();
                }
                for (CompletableFuture<Integer> size : sizes) {
                    assertEquals(1, await(size), "round " + round);
                }
            } finally {
                conn.terminate();
            }
        }
    }

    @Test
    void requestsFromManyThreadsArePipelinedAndAllComplete() throws Exception {
        RealConnection conn = Servers.connect();
        try {
            int threads = 8;
            int perThread = 500;
            CountDownLatch done = new CountDownLatch(threads);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                new Thread(() -> {
                    try {
                        List<CompletableFuture<StatementResult>> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            mine.add(conn.query("select $1::int4", base + i));
                        }
                        for (int i = 0; i < perThread; i++) {
                            assertEquals(String.valueOf(base + i), Servers.single(await(mine.get(i))));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            assertTrue(done.await(60, TimeUnit.SECONDS));
            assertTrue(failures.isEmpty(), () -> failures.peek().toString());
        } finally {
            conn.terminate();
        }
    }

    @Test
    void errorInMiddleOfPipelineFailsOnlyThatRequest() {
        RealConnection conn = Servers.connect();
        try {
            List<CompletableFuture<StatementResult>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                futures.add(conn.query(i == 50 ? "select 1 / 0" : "select " + i));
            }
            for (int i = 0; i < 100; i++) {
                if (i == 50) {
                    int index = i;
                    assertThrows(DivisionByZeroException.class, () -> await(futures.get(index)));
                } else {
                    assertEquals(String.valueOf(i), Servers.single(await(futures.get(i))));
                }
            }
        } finally {
            conn.terminate();
        }
    }

    @Test
    void errorInsideTransactionFailsLaterPipelinedStatementsOfThatTransaction() {
        RealConnection conn = Servers.connect();
        try {
            CompletableFuture<?> begin = conn.simpleQuery("begin");
            CompletableFuture<StatementResult> bad = conn.query("select 1 / 0");
            CompletableFuture<StatementResult> after = conn.query("select 2");
            CompletableFuture<?> rollback = conn.simpleQuery("rollback");
            CompletableFuture<StatementResult> outside = conn.query("select 3");
            await(begin);
            assertThrows(DivisionByZeroException.class, () -> await(bad));
            io.pgjet.PgException aborted = assertThrows(io.pgjet.PgException.class, () -> await(after));
            assertEquals("25P02", aborted.sqlState()); // in_failed_sql_transaction
            await(rollback);
            assertEquals("3", Servers.single(await(outside)));
        } finally {
            conn.terminate();
        }
    }
}
