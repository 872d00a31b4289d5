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
    void prepareOfBadSqlFailsWithServerError() {
        PgException e = assertThrows(PgException.class, () -> conn.prepare("selec 1"));
        assertEquals("42601", e.sqlState());
    }
}
