package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Explicitly prepared statements: described types, repeated execution, batch, cursor, explain, close. */
class PreparedStatementTest {
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
    void describesParametersAndColumns() {
        try (PreparedStatement ps = conn.prepare("select $1::int4 as n, $2::text[] as tags, now() as at")) {
            assertEquals(List.of(new Attribute("", 23, "integer"), new Attribute("", 1009, "text[]")), ps.getParameters());
            assertEquals("n", ps.getAttributes().get(0).name());
            assertEquals("timestamp with time zone", ps.getAttributes().get(2).typeName());
        }
    }

    @Test
    void describesWhichTableColumnAResultColumnComesFrom() {
        conn.execute("drop table if exists attr_source");
        conn.execute("create table attr_source (id int, price numeric(10,2), name varchar(20))");
        try (PreparedStatement ps = conn.prepare("select name, price, 1 as one from attr_source")) {
            int table = conn.fetchVal("select 'attr_source'::regclass::oid::int4");
            Attribute name = ps.getAttributes().get(0);
            assertEquals(table, name.tableOid());
            assertEquals(3, name.columnNumber());
            assertEquals(20 + 4, name.typeModifier());
            Attribute price = ps.getAttributes().get(1);
            assertEquals(2, price.columnNumber());
            assertEquals((10 << 16) + 2 + 4, price.typeModifier());
            Attribute one = ps.getAttributes().get(2);
            assertEquals(0, one.tableOid());
            assertEquals(0, one.columnNumber());
            assertEquals(-1, one.typeModifier());
        } finally {
            conn.execute("drop table attr_source");
        }
    }

    @Test
    void executesManyTimesWithDifferentArguments() {
        try (PreparedStatement ps = conn.prepare("select $1::int4 * 2")) {
            for (int i = 0; i < 10; i++) {
                assertEquals(String.valueOf(i * 2), ps.fetchRow(i).getString(0));
            }
        }
    }

    @Test
    void batchAndCursorAndExplain() {
        conn.execute("create temp table ps_t (a int)");
        try (PreparedStatement insert = conn.prepare("insert into ps_t values ($1)")) {
            assertEquals(100, insert.executeMany(java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> new Object[] {i}).toList()));
        }
        try (PreparedStatement select = conn.prepare("select a from ps_t where a >= $1 order by a")) {
            try (Transaction tx = conn.transaction(); Stream<Row> rows = select.cursor(90)) {
                assertEquals(10, rows.count());
            }
            String plan = select.explain(false, 5);
            assertTrue(plan.contains("\"Plan\""), plan);
            assertTrue(select.explain(true, 5).contains("\"Actual Rows\""));
        }
    }

    @Test
    void closedStatementIsDeallocatedAndRefusesUse() {
        PreparedStatement ps = conn.prepare("select 1");
        ps.close();
        assertThrows(PgInterfaceException.class, ps::fetch);
        assertEquals("0", conn.fetchRow("select count(*) from pg_prepared_statements where name like 'pgjet_ps_%'").getString(0));
    }

    @Test
    void closedStatementRefusesEveryVerbWithPgJetsClosedError() {
        conn.execute("create temp table ps_closed (a int)");
        PreparedStatement ps = conn.prepare("insert into ps_closed select $1::int returning a");
        ps.close();
        List<org.junit.jupiter.api.function.Executable> verbs = List.of(
                () -> ps.fetch(1), () -> ps.fetchRow(1), () -> ps.execute(1),
                () -> ps.executeMany(List.<Object[]>of(new Object[] {1})),
                () -> {
                    try (Transaction tx = conn.transaction(); Stream<Row> rows = ps.cursor(1)) {
                        rows.count();
                    }
                },
                () -> ps.explain(false, 1));
        for (org.junit.jupiter.api.function.Executable verb : verbs) {
            PgInterfaceException e = assertThrows(PgInterfaceException.class, verb);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }

    @Test
    void callRacingCloseNeverReachesTheServerAsAnUnknownStatement() throws Exception {
        AsyncConnection async = PgJet.connectAsync(PgTestServer.shared().dsn()).get();
        try {
            for (int round = 0; round < 10; round++) {
                AsyncPreparedStatement ps = async.prepare("select $1::int").get();
                List<java.util.concurrent.CompletableFuture<Row>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
                Thread caller = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        calls.add(ps.fetchRow(i));
                    }
                });
                caller.start();
                Thread.sleep(round % 3);
                ps.close().get();
                caller.join();
                for (java.util.concurrent.CompletableFuture<Row> call : calls) {
                    try {
                        call.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertTrue(e.getCause() instanceof PgInterfaceException, "round " + round + ": " + e.getCause());
                    }
                }
            }
        } finally {
            async.close();
        }
    }

    @Test
    void namedStatementRunsFromSqlExecuteToo() {
        try (PreparedStatement ps = conn.prepare("select $1::int * 2", "double_it")) {
            assertEquals(42, (Integer) ps.fetchRow(21).get(0));
            assertEquals(42, (Integer) conn.fetchVal("execute double_it(21)"));
            assertThrows(io.pgjet.errors.DuplicatePreparedStatementException.class,
                    () -> conn.prepare("select 1", "double_it"));
        }
        assertThrows(io.pgjet.errors.InvalidSqlStatementNameException.class, () -> conn.execute("execute double_it(1)"));
    }

    @Test
    void namedStatementRefusesNamesSqlCannotReach() {
        assertThrows(PgInterfaceException.class, () -> conn.prepare("select 1", ""));
        assertThrows(PgInterfaceException.class, () -> conn.prepare("select 1", "x".repeat(64)));
        assertThrows(PgInterfaceException.class, () -> conn.prepare("select 1", "a\0b"));
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }

    @Test
    void prepareOfBadSqlFailsWithServerError() {
        PgException e = assertThrows(PgException.class, () -> conn.prepare("selec 1"));
        assertEquals("42601", e.sqlState());
    }
}
