package io.pgjet.cli;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncPool;
import io.pgjet.Connection;
import io.pgjet.Notification;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import io.pgjet.PgTimeoutException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.Row;
import io.pgjet.Transaction;
import io.pgjet.testkit.PgCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code pgjet demo}: starts the embedded default PostgreSQL, prints how to connect to it, and
 * takes a short tour of PgJet with timings; then stops the server (or keeps it running until
 * Enter with {@code --keep}).
 */
final class DemoCommand {
    /** This file, from the repository root: the demo says where its code is, to read and to copy. */
    static final String SOURCE = "pgjet-cli/src/main/java/io/pgjet/cli/DemoCommand.java";

    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) throws Main.UsageException {
        boolean keep = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(String.join("\n",
                        "usage: pgjet demo [--keep]",
                        "",
                        "Starts an embedded PostgreSQL (the test kit's default version), takes a short tour of PgJet,",
                        "and stops the server. --keep leaves it running until you press Enter, so you can connect.",
                        ""));
                return 0;
            } else if (arg.equals("--keep")) {
                keep = true;
            } else {
                throw new Main.UsageException("unknown option " + arg);
            }
        }
        long start = System.nanoTime();
        out.println("Starting an embedded PostgreSQL...");
        try (PgCluster cluster = PgCluster.builder().start()) {
            out.printf("%s is up on %s:%d (started in %d ms)%n", cluster.version(), cluster.host(),
                    cluster.port(), millisSince(start));
            out.println("  connect with: psql \"" + cluster.dsn() + "\"");
            out.println("  unix socket:  " + cluster.socketDirectory() + "/.s.PGSQL." + cluster.port());
            out.println("  (a throwaway local server: the password above is generated for this run)");
            out.println("  the code of this tour: " + sourcePath());
            tour(cluster.dsn());
            if (keep) {
                out.println("\nServer running. Press Enter to stop it.");
                try {
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                } catch (IOException ignored) {
                    // stdin closed: stop now
                }
            }
        }
        out.printf("%nServer stopped. Demo finished in %d ms.%n", millisSince(start));
        return 0;
    }

    /** A row mapped to a Java record by column names. */
    record User(int id, String name, java.time.LocalDate joined) {}

    private void tour(String dsn) {
        try (Connection conn = PgJet.connect(dsn)) {
            step("connect", () -> "server " + conn.getServerVersion() + ", backend pid " + conn.getServerPid()
                    + ", TimeZone " + conn.getSettings().get("TimeZone"));

            step("fetch with bound parameters (binary both ways)", () -> {
                List<Row> rows = conn.fetch("select g as n, g * g as square from generate_series(1, $1::int) g", 3);
                StringBuilder s = new StringBuilder();
                for (Row row : rows) {
                    s.append(row.getInt("n")).append("²=").append(row.getInt("square")).append("  ");
                }
                return s.toString().trim();
            });

            step("fetchVal", () -> {
                Long count = conn.fetchVal("select count(*) from pg_type");
                return figure(count) + " types in pg_type";
            });

            step("executeMany: 10,000 rows in one pipelined, all-or-nothing batch", () -> {
                conn.execute("create table demo_users (id int primary key, name text, joined date)");
                List<Object[]> users = new ArrayList<>();
                for (int i = 1; i <= 10_000; i++) {
                    users.add(new Object[] {i, "user " + i, java.time.LocalDate.of(2020, 1, 1).plusDays(i % 1000)});
                }
                long t = System.nanoTime();
                long inserted = conn.executeMany("insert into demo_users values ($1, $2, $3)", users);
                return figure(inserted) + " rows in " + millisSince(t) + " ms";
            });

            step("rows as Java records", () -> {
                List<User> some = conn.fetch(User.class, "select id, name, joined from demo_users where id <= $1 order by id", 2);
                return some.toString();
            });

            step("copyRecordsToTable: 100,000 rows by binary COPY", () -> {
                conn.execute("create table demo_events (id int, kind text, score float8, at timestamptz)");
                List<Object[]> events = new ArrayList<>();
                java.time.OffsetDateTime base = java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z");
                for (int i = 0; i < 100_000; i++) {
                    events.add(new Object[] {i, i % 3 == 0 ? "click" : "view", i * 0.5, base.plusSeconds(i)});
                }
                long t = System.nanoTime();
                long copied = conn.copyRecordsToTable("demo_events", events).rowCount();
                return figure(copied) + " rows in " + millisSince(t) + " ms";
            });

            step("a cursor streams a large result in slices (inside a transaction)", () -> {
                try (Transaction tx = conn.transaction();
                        java.util.stream.Stream<Row> rows = conn.cursor("select score from demo_events")) {
                    double sum = rows.mapToDouble(r -> r.getDouble(0)).sum();
                    return "sum of 100,000 scores = " + figure(sum);
                }
            });

            step("1,000 concurrent queries, pipelined on one connection", () -> {
                AsyncConnection async = conn.async();
                long t = System.nanoTime();
                List<CompletableFuture<Row>> futures = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    futures.add(async.fetchRow("select $1::int * 2", i));
                }
                long sum = 0;
                for (CompletableFuture<Row> f : futures) {
                    sum += f.join().getInt(0);
                }
                return "sum " + figure(sum) + " in " + millisSince(t) + " ms";
            });

            step("an error, and the connection carries on", () -> {
                try {
                    conn.execute("insert into demo_users values ($1, $2, $3)", 1, "again", null);
                    return "unexpected success";
                } catch (PgException e) {
                    return e.getClass().getSimpleName() + " (SQLSTATE " + e.sqlState() + ", constraint "
                            + e.constraintName() + "), then " + figure(conn.<Long>fetchVal("select count(*) from demo_users"))
                            + " users still there";
                }
            });

            step("LISTEN/NOTIFY", () -> {
                BlockingQueue<Notification> received = new ArrayBlockingQueue<>(1);
                conn.addListener("demo channel", received::offer);
                conn.execute("select pg_notify($1, $2)", "demo channel", "hello from PgJet");
                Notification n = received.poll(10, TimeUnit.SECONDS);
                return n == null ? "no notification arrived" : "got \"" + n.payload() + "\" on \"" + n.channel() + "\"";
            });

            step("a timeout cancels the query on the server", () -> {
                try {
                    conn.withTimeout(Duration.ofMillis(100)).execute("select pg_sleep(10)");
                    return "unexpected success";
                } catch (PgTimeoutException e) {
                    return "timed out; next query answers " + conn.fetchVal("select 'still usable'");
                }
            });

            step("a pool of 4 connections serving 200 concurrent callers", () -> {
                try (Pool pool = PgJet.createPool(dsn, PoolOptions.DEFAULT.withSize(1, 4))) {
                    AsyncPool async = pool.async();
                    long t = System.nanoTime();
                    List<CompletableFuture<Integer>> calls = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        calls.add(async.withConnection(c -> c.<Integer>fetchVal("select $1::int4", 1)));
                    }
                    int sum = 0;
                    for (CompletableFuture<Integer> f : calls) {
                        sum += f.join();
                    }
                    return figure(sum) + " answers in " + millisSince(t) + " ms on " + pool.size() + " connections";
                }
            });
        }
    }

    private interface Step {
        String run() throws Exception;
    }

    private void step(String title, Step step) {
        long t = System.nanoTime();
        String result;
        try {
            result = step.run();
        } catch (Exception e) {
            result = "FAILED: " + e;
        }
        out.printf("%n» %s (%d ms)%n  %s%n", title, millisSince(t), result);
    }

    /** Returns where this file is: under {@code pgjet.home} (set by the pgjet script), else relative. */
    static Path sourcePath() {
        String home = System.getProperty("pgjet.home");
        return home == null || home.isEmpty() ? Path.of(SOURCE) : Path.of(home, SOURCE);
    }

    /** Writes a figure for people: digits grouped by thousands, never in E notation. */
    static String figure(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    /** Writes a whole number with digits grouped by thousands. */
    static String figure(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
