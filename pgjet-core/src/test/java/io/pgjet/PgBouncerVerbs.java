package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.internal.blocking.BlockingConnection;
import io.pgjet.testkit.PgBouncer;
import io.pgjet.testkit.PgTestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The verbs that work behind pgbouncer in both transaction and statement mode with
 * {@code transaction_pooler=true}, on both transports; subclasses start pgbouncer in their mode
 * and add what only that mode allows or refuses. pgbouncer runs with 2 server connections per
 * pool, so clients really share them.
 */
abstract class PgBouncerVerbs {
    /** Which transport a connection uses. */
    enum Transport {
        /** {@code PgJet.connect}: the caller-driven socket. */
        SOCKET,
        /** {@code PgJet.connectAsync}: the event loops (driven through the blocking facade here). */
        EVENT_LOOP
    }

    static PgBouncer bouncer;
    static String table;

    /** Starts pgbouncer in {@code mode} and creates the table {@code bouncer_<mode>} on the server itself. */
    static void startBouncer(PgBouncer.PoolMode mode) {
        bouncer = PgBouncer.start(PgTestServer.shared(), mode);
        table = "bouncer_" + mode.iniValue();
        try (Connection direct = PgJet.connect(PgTestServer.shared().dsn())) {
            direct.execute("drop table if exists " + table + "; create table " + table + " (id int primary key, name text)");
        }
    }

    @AfterAll
    static void stopBouncer() {
        if (bouncer != null) {
            try (Connection direct = PgJet.connect(PgTestServer.shared().dsn())) {
                direct.execute("drop table if exists " + table);
            }
            bouncer.close();
        }
    }

    static String dsn() {
        return bouncer.dsn() + "?transaction_pooler=true&connect_timeout=5";
    }

    static Connection open(Transport transport) {
        try {
            return transport == Transport.SOCKET ? PgJet.connect(dsn())
                    : new BlockingConnection(PgJet.connectAsync(dsn()).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("cannot connect through " + bouncer + ":\n" + bouncer.logTail(), e);
        }
    }

    void clear(Connection c) {
        c.execute("delete from " + table);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void fetchVerbsReturnTheirRowsWithParametersOfSeveralTypes(Transport transport) {
        try (Connection c = open(transport)) {
            for (int i = 0; i < 5; i++) {
                List<Row> rows = c.fetch("select g, g::text || $2 from generate_series(1, $1::int) g", 3, "x");
                assertEquals(3, rows.size());
                assertEquals("3x", rows.get(2).getString(1));
                assertEquals(42L, (Long) c.fetchVal("select $1::bigint", 42L));
                assertEquals("b", c.fetchRow("select $1::text as a, $2::text as b", "a", "b").getString("b"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void executeWithAndWithoutArgumentsChangesRows(Transport transport) {
        try (Connection c = open(transport)) {
            clear(c);
            assertEquals(1, c.execute("insert into " + table + " values ($1, $2)", 1, "one").rowCount());
            c.execute("insert into " + table + " values (2, 'two'); insert into " + table + " values (3, 'three')");
            assertEquals(3L, (Long) c.fetchVal("select count(*) from " + table));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void executeManyAndFetchManyRunEveryParameterSet(Transport transport) {
        try (Connection c = open(transport)) {
            clear(c);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 1; i <= 500; i++) {
                rows.add(new Object[] {i, "n" + i});
            }
            assertEquals(500, c.executeMany("insert into " + table + " values ($1, $2)", rows));
            List<Row> back = c.fetchMany("select name from " + table + " where id = $1",
                    List.of(new Object[] {7}, new Object[] {499}));
            assertEquals(List.of("n7", "n499"), back.stream().map(r -> r.getString(0)).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void copyInAndCopyOutMoveTheRows(Transport transport) {
        try (Connection c = open(transport)) {
            clear(c);
            List<byte[]> chunks = List.of("1\tone\n2\ttwo\n".getBytes(StandardCharsets.UTF_8),
                    "3\tthree\n".getBytes(StandardCharsets.UTF_8));
            Iterator<byte[]> it = chunks.iterator();
            CommandStatus in = c.copyToTable(table, () -> it.hasNext() ? java.nio.ByteBuffer.wrap(it.next()) : null, CopyOptions.defaults());
            assertEquals(3, in.rowCount());
            assertEquals(1, c.copyRecordsToTable(table, List.<Object[]>of(new Object[] {4, "four"}), "id", "name").rowCount());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.copyFromQuery("select id, name from " + table + " where id > $1 order by id", CopySink.of(out),
                    CopyOptions.defaults(), 2);
            assertEquals("3\tthree\n4\tfour\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void explicitPrepareSurvivesOtherClientsReplacingTheUnnamedStatement(Transport transport) {
        try (Connection a = open(transport); Connection b = open(transport)) {
            PreparedStatement ps = a.prepare("select $1::int + 1");
            for (int i = 0; i < 10; i++) {
                // b's statements run on the server connections a's statement was parsed on.
                assertEquals("b" + i, b.fetchVal("select 'b' || $1::int", i));
                assertEquals(i + 1, (Integer) ps.fetchRow(i).get(0));
            }
            assertEquals(1, ps.getParameters().size());
            clear(a);
            PreparedStatement insert = a.prepare("insert into " + table + " values ($1, $2)");
            assertEquals(3, insert.executeMany(List.of(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {3, "c"})));
            assertEquals(3L, (Long) b.fetchVal("select count(*) from " + table));
            ps.close();
            insert.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void namedPrepareIsRefusedWithAClearError(Transport transport) {
        try (Connection c = open(transport)) {
            PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> c.prepare("select 1", "mine"));
            assertTrue(e.getMessage().contains("transaction pooler"), e.getMessage());
            assertEquals(1, (Integer) c.fetchVal("select 1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void listenIsRefusedWithAClearError(Transport transport) {
        try (Connection c = open(transport)) {
            PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> c.addListener("jobs", n -> { }));
            assertTrue(e.getMessage().contains("LISTEN does not work behind a transaction pooler"), e.getMessage());
            assertEquals(1, (Integer) c.fetchVal("select 1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void noNamedStatementIsLeftOnTheServer(Transport transport) {
        try (Connection c = open(transport)) {
            c.fetch("select $1::int", 1);
            c.prepare("select $1::text").fetch("x");
            assertEquals(0L, (Long) c.fetchVal("select count(*) from pg_prepared_statements"));
        }
    }

    @org.junit.jupiter.api.Test
    void pipelinedAsyncCallsOnOneConnectionAllGetTheirOwnResult() throws Exception {
        try (AsyncConnection c = PgJet.connectAsync(dsn()).get(10, TimeUnit.SECONDS)) {
            AsyncPreparedStatement ps = c.prepare("select $1::int * 2").get(10, TimeUnit.SECONDS);
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(i % 2 == 0 ? c.fetchVal("select $1::int * 2", i)
                        : ps.fetchRow(i).thenApply(r -> (Integer) r.get(0)));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals(i * 2, results.get(i).get(10, TimeUnit.SECONDS));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void poolOfMoreConnectionsThanPgbouncerHasServesConcurrentWorkers() throws Exception {
        try (Pool pool = PgJet.createPool(dsn(), PoolOptions.DEFAULT.withSize(0, 6))) {
            ExecutorService workers = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int w = 0; w < 6; w++) {
                    int worker = w;
                    done.add(workers.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 20; i++) {
                            try (Connection c = pool.acquire()) {
                                PreparedStatement ps = c.prepare("select $1::int + $2::int");
                                ok += (Integer) ps.fetchRow(worker, i).get(0) == worker + i ? 1 : 0;
                                ok += (Integer) c.fetchVal("select $1::int", i) == i ? 0 : -100;
                            }
                        }
                        return ok;
                    }));
                }
                for (Future<Integer> f : done) {
                    assertEquals(20, f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                workers.shutdownNow();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void asyncPoolServesConcurrentCalls() throws Exception {
        AsyncPool pool = PgJet.createPoolAsync(dsn(), PoolOptions.DEFAULT.withSize(0, 4)).get(10, TimeUnit.SECONDS);
        try {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                results.add(pool.fetchVal("select $1::int + 1", i));
            }
            for (int i = 0; i < 60; i++) {
                assertEquals(i + 1, results.get(i).get(30, TimeUnit.SECONDS));
            }
            assertNull(pool.fetchVal("select null::int").get(10, TimeUnit.SECONDS));
        } finally {
            pool.close();
        }
    }
}
