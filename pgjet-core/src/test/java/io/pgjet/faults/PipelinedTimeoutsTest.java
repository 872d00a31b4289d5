package io.pgjet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.AsyncConnection;
import io.pgjet.Connection;
import io.pgjet.PgJet;
import io.pgjet.PgTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 1000 pipelined queries, half of them with a short random timeout whose cancel request races
 * the server: every query gets its own result or (only if it had a timeout) a
 * {@link PgTimeoutException}. A query without a timeout that fails, or any query that gets
 * another's value, would be a cancel or a result delivered to the wrong request.
 */
class PipelinedTimeoutsTest {
    private static final int QUERIES = 1_000;

    @Test
    void pipelinedQueriesWithRandomTimeoutsOnNettyEachGetTheirOwnOutcome() throws Exception {
        AsyncConnection conn = PgJet.connectAsync(Faults.server().dsn()).get(10, TimeUnit.SECONDS);
        try {
            run(conn, new Random(17));
        } finally {
            conn.close();
        }
    }

    @Test
    void pipelinedQueriesWithRandomTimeoutsOnTheBlockingTransportEachGetTheirOwnOutcome() throws Exception {
        try (Connection conn = PgJet.connect(Faults.server().dsn())) {
            run(conn.async(), new Random(18));
        }
    }

    private static void run(AsyncConnection conn, Random random) throws Exception {
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        boolean[] limited = new boolean[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            limited[i] = random.nextBoolean();
            double sleep = random.nextInt(4) / 1000.0;
            AsyncConnection target = limited[i] ? conn.withTimeout(Duration.ofMillis(1 + random.nextInt(15))) : conn;
            results.add(target.<Integer>fetchVal("select $1::int from pg_sleep($2)", i, sleep));
        }
        int own = 0;
        int timedOut = 0;
        List<String> wrong = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < QUERIES; i++) {
            try {
                int got = results.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (got == i) {
                    own++;
                } else {
                    wrong.add("query " + i + " got the result of query " + got);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof PgTimeoutException && limited[i]) {
                    timedOut++;
                } else {
                    wrong.add("query " + i + (limited[i] ? " (with a timeout)" : " (no timeout)") + " failed: "
                            + e.getCause());
                }
            }
        }
        System.out.println("[reliability] " + QUERIES + " pipelined queries with random timeouts: " + own
                + " own results, " + timedOut + " timeouts, " + wrong.size() + " wrong");
        assertEquals(List.of(), wrong);
        assertEquals(QUERIES, own + timedOut);
        assertTrue(timedOut > 0, "some timeouts fired");
        if (!conn.isClosed()) {
            assertEquals(4242, (int) conn.<Integer>fetchVal("select 4242").get(10, TimeUnit.SECONDS));
        }
    }
}
