package io.pgjet.cli.soak;

import io.pgjet.Connection;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.Notification;
import io.pgjet.PgException;
import io.pgjet.PgJetException;
import io.pgjet.PgTimeoutException;
import io.pgjet.Pool;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import io.pgjet.Transaction;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One kind of request a soak worker makes, with the check of its answer. A wrong answer throws
 * {@link WrongResult} (a finding, like any failure that is not a {@code PgJetException}).
 */
enum Verb {
    /** A one-value query with a parameter. */
    FETCH_VAL("fetchVal") {
        @Override
        void run(Work w) {
            int x = w.random().nextInt(1_000_000);
            w.pool().withConnection(conn -> expect(x + 1, conn.<Integer>fetchVal("select $1::int + 1", x)));
        }
    },
    /** 300 rows of 100 bytes, buffered. */
    FETCH("fetch") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> expect(300,
                    conn.fetch("select g, repeat('x', 100) from generate_series(1, 300) g").size()));
        }
    },
    /** A batch of rows with executeMany in a transaction: a ledger batch. */
    EXECUTE_MANY_TX("executeMany-tx") {
        @Override
        void run(Work w) {
            int batch = w.ledger().begin();
            w.pool().withConnection(conn -> {
                try (Transaction tx = conn.transaction()) {
                    conn.executeMany(insert(w), rows(batch, 0, Ledger.BATCH, "v"));
                    tx.commit();
                }
                return null;
            });
            w.ledger().committed(batch);
        }
    },
    /** A batch of records with binary COPY IN: a ledger batch. */
    COPY_IN("copyIn") {
        @Override
        void run(Work w) {
            int batch = w.ledger().begin();
            List<SoakRow> rows = new ArrayList<>();
            for (int i = 0; i < Ledger.BATCH; i++) {
                rows.add(new SoakRow(batch, i, "c" + i));
            }
            w.pool().withConnection(conn -> expect((long) Ledger.BATCH,
                    conn.copyRecordsToTable(w.ledger().table(), rows, "batch", "n", "v").rowCount()));
            w.ledger().committed(batch);
        }
    },
    /** 500 rows with COPY OUT. */
    COPY_OUT("copyOut") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                return expect(500L, conn.copyFromQuery("select g from generate_series(1, 500) g", CopySink.of(out),
                        CopyOptions.defaults()).rowCount());
            });
        }
    },
    /** 400 rows through a server-side cursor in a transaction. */
    CURSOR("cursor") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> {
                try (Transaction tx = conn.transaction();
                        Stream<Row> rows = conn.cursor("select g from generate_series(1, 400) g")) {
                    expect(400L, rows.count());
                    tx.commit();
                }
                return null;
            });
        }
    },
    /** 2,000 rows streamed (single-row mode, no transaction needed). */
    STREAM("stream") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> {
                try (Stream<Row> rows = conn.stream("select g from generate_series(1, $1) g", 2_000)) {
                    return expect(2_000L, rows.count());
                }
            });
        }
    },
    /** A named prepared statement, run five times, then closed. */
    PREPARED("prepared") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> {
                try (PreparedStatement ps = conn.prepare("select $1::int + $2::int")) {
                    for (int i = 0; i < 5; i++) {
                        int a = w.random().nextInt(1_000);
                        expect(a + i, ps.fetchRow(a, i).getInt(0));
                    }
                }
                return null;
            });
        }
    },
    /** 16 queries pipelined on one connection of the pool's asynchronous view. */
    PIPELINED("pipelined-async") {
        @Override
        void run(Work w) throws Exception {
            int base = w.random().nextInt(1_000_000);
            CompletableFuture<Integer> all = w.pool().async().withConnection(c -> {
                List<CompletableFuture<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(c.<Integer>fetchVal("select $1::int * 3", base + i));
                }
                return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(v -> {
                    for (int i = 0; i < calls.size(); i++) {
                        expect((base + i) * 3, calls.get(i).join());
                    }
                    return calls.size();
                });
            });
            try {
                all.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw rethrow(e);
            } catch (TimeoutException e) {
                all.cancel(true);
                throw new WrongResult("16 pipelined queries did not finish within 30 s");
            }
        }
    },
    /** LISTEN on a channel of the worker's own, NOTIFY it, and wait for the notification. */
    LISTEN_NOTIFY("listen-notify") {
        @Override
        void run(Work w) {
            String channel = "soak " + w.worker();
            String payload = "p" + w.random().nextInt(1_000_000);
            w.pool().withConnection(conn -> {
                BlockingQueue<Notification> received = new ArrayBlockingQueue<>(16);
                Consumer<Notification> listener = received::offer;
                conn.addListener(channel, listener);
                try {
                    conn.execute("select pg_notify($1, $2)", channel, payload);
                    // the server sends a session's own notification before its ReadyForQuery:
                    // once execute returned, it has arrived
                    Notification n = received.poll(5, TimeUnit.SECONDS);
                    if (n == null) {
                        throw new WrongResult("the notification on \"" + channel + "\" did not arrive within 5 s");
                    }
                    expect(payload, n.payload());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WrongResult("interrupted while waiting for a notification");
                } finally {
                    conn.removeListener(channel, listener);
                }
                return null;
            });
        }
    },
    /** A transaction with a released savepoint and a rolled-back one: a ledger batch. */
    SAVEPOINT("savepoint") {
        @Override
        void run(Work w) {
            int batch = w.ledger().begin();
            int half = Ledger.BATCH / 2;
            w.pool().withConnection(conn -> {
                try (Transaction tx = conn.transaction()) {
                    conn.executeMany(insert(w), rows(batch, 0, half, "s"));
                    try (Transaction kept = conn.transaction()) {
                        conn.executeMany(insert(w), rows(batch, half, Ledger.BATCH, "s"));
                        kept.commit();
                    }
                    try (Transaction undone = conn.transaction()) {
                        conn.execute(insert(w), Ledger.ROLLED_BACK, 0, "savepoint rolled back");
                        undone.rollback();
                    }
                    tx.commit();
                }
                return null;
            });
            w.ledger().committed(batch);
        }
    },
    /** A query that times out after 30 ms (a cancel), then the same connection is used again. */
    TIMEOUT("timeout-cancel") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> {
                long start = System.nanoTime();
                try {
                    conn.withTimeout(Duration.ofMillis(30)).execute("select pg_sleep(0.5)");
                    throw new WrongResult("pg_sleep(0.5) did not time out after 30 ms (it returned after "
                            + (System.nanoTime() - start) / 1_000_000 + " ms)");
                } catch (PgTimeoutException expected) {
                    // the promise: a typed timeout, then a usable connection
                }
                return expect(2, conn.<Integer>fetchVal("select 2"));
            });
        }
    },
    /** A division by zero (SQLSTATE 22012), then the same connection is used again. */
    SQL_ERROR("sqlError") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> {
                try {
                    conn.fetchVal("select 1 / $1::int", 0);
                    throw new WrongResult("1/0 succeeded");
                } catch (PgException expected) {
                    if (!"22012".equals(expected.sqlState())) {
                        throw expected;
                    }
                }
                return expect(3, conn.<Integer>fetchVal("select 3"));
            });
        }
    },
    /** An insert rolled back: its row must never be in the table. */
    ROLLBACK("rollback") {
        @Override
        void run(Work w) {
            w.pool().withConnection(conn -> {
                try (Transaction tx = conn.transaction()) {
                    conn.execute(insert(w), Ledger.ROLLED_BACK, 0, "rolled back");
                    tx.rollback();
                }
                return null;
            });
        }
    };

    private final String label;

    Verb(String label) {
        this.label = label;
    }

    /** {@return the verb's name in the report} */
    String label() {
        return label;
    }

    /** Runs the verb once through the worker's pool; throws what PgJet threw, or {@link WrongResult}. */
    abstract void run(Work w) throws Exception;

    /**
     * What a verb runs with.
     *
     * @param pool the pool under test
     * @param random the worker's random numbers
     * @param ledger the batches written
     * @param worker the worker's number
     */
    record Work(Pool pool, Random random, Ledger ledger, int worker) {}

    /** A row for the binary COPY. */
    record SoakRow(int batch, int n, String v) {}

    /** A wrong answer from PgJet: a finding. */
    static final class WrongResult extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongResult(String message) {
            super(message);
        }
    }

    static <T> T expect(T expected, T actual) {
        if (!expected.equals(actual)) {
            throw new WrongResult("expected " + expected + " but got " + actual);
        }
        return actual;
    }

    private static String insert(Work w) {
        return "insert into " + w.ledger().table() + " values ($1, $2, $3)";
    }

    private static List<Object[]> rows(int batch, int from, int to, String prefix) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(new Object[] {batch, i, prefix + i});
        }
        return rows;
    }

    /** The cause of a failed future, as thrown by the blocking API. */
    private static Exception rethrow(ExecutionException e) {
        Throwable t = e.getCause();
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof PgJetException p) {
            return p;
        }
        if (t instanceof Exception x) {
            return x;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return e;
    }
}
