package io.pgjet.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.PgJet;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import io.pgjet.Transaction;
import io.pgjet.testkit.PgTestServer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A composite type altered (ALTER TYPE ... ADD/DROP ATTRIBUTE) while the application runs: its
 * cached description is refreshed, on this connection, on new connections and in pools, and a
 * shape mismatch is reported as an outdated schema, never as a protocol fault.
 */
class AlteredCompositeTypeTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private Connection conn;
    private String schema;

    @BeforeEach
    void createTypeAndTable() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        // A schema (so a type OID) per test: the type descriptions are cached per server.
        schema = "pgjet_altered_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        conn.execute("drop schema if exists " + schema + " cascade");
        conn.execute("create schema " + schema);
        conn.execute("create type " + schema + ".typ1 as (x int, y int)");
        conn.execute("create table " + schema + ".tab1 (a int, b " + schema + ".typ1, c " + schema + ".typ1[])");
        conn.execute("insert into " + schema + ".tab1 values (1, (2, 3), array[(4, 5)::" + schema + ".typ1])");
    }

    @AfterEach
    void dropSchema() {
        conn.execute("drop schema if exists " + schema + " cascade");
        conn.close();
    }

    private String select() {
        return "select a, b, c from " + schema + ".tab1";
    }

    private static List<Object> fields(Object record) {
        return assertInstanceOf(PgRecord.class, record).values();
    }

    @Test
    void compositeGainingAnAttributeIsReadAgainTransparentlyOutsideATransaction() {
        Row before = conn.fetchRow(select());
        assertEquals(List.of(2, 3), fields(before.get(1)));
        conn.execute("alter type " + schema + ".typ1 add attribute z text");
        Row after = conn.fetchRow(select());
        assertEquals(Arrays.asList(2, 3, null), fields(after.get(1)));
        assertEquals(Arrays.asList(4, 5, null), fields(((List<?>) after.get(2)).get(0)));
        assertEquals("z", ((PgRecord) after.get(1)).name(2));
    }

    @Test
    void compositeLosingAnAttributeInsideATransactionFailsOnceNamingTheTypeThenReadsCorrectly() {
        assertEquals(List.of(2, 3), fields(conn.fetchRow(select()).get(1)));
        try (Transaction tx = conn.transaction()) {
            conn.execute("alter type " + schema + ".typ1 drop attribute x");
            OutdatedSchemaCacheException e = assertThrows(OutdatedSchemaCacheException.class,
                    () -> conn.fetchRow(select()));
            assertTrue(e.getMessage().contains("typ1"), e.getMessage());
            assertEquals("typ1", e.typeName());
            assertEquals(schema, e.schemaName());
            Row row = conn.fetchRow(select());
            assertEquals(List.of(3), fields(row.get(1)));
            assertEquals(List.of(5), fields(((List<?>) row.get(2)).get(0)));
            tx.commit();
        }
        assertEquals(List.of(3), fields(conn.fetchRow(select()).get(1)));
    }

    @Test
    void newConnectionsOfTheJvmDoNotKeepTheOutdatedDescription() {
        conn.fetchRow(select());
        conn.execute("alter type " + schema + ".typ1 add attribute z text");
        try (Connection fresh = PgJet.connect(PgTestServer.shared().dsn())) {
            assertEquals(Arrays.asList(2, 3, null), fields(fresh.fetchRow(select()).get(1)));
        }
        try (Connection fresh = PgJet.connect(PgTestServer.shared().dsn())) {
            fresh.execute("begin");
            // Already refreshed: no error even inside a transaction.
            assertEquals(Arrays.asList(2, 3, null), fields(fresh.fetchRow(select()).get(1)));
            fresh.execute("commit");
        }
        assertEquals(Arrays.asList(2, 3, null), fields(conn.fetchRow(select()).get(1)));
    }

    @Test
    void everyConnectionOfAPoolReadsTheAlteredComposite() {
        try (Pool pool = PgJet.createPool(PgTestServer.shared().dsn(), PoolOptions.DEFAULT.withSize(2, 2))) {
            Connection first = pool.acquire();
            Connection second = pool.acquire();
            try {
                assertEquals(List.of(2, 3), fields(first.fetchRow(select()).get(1)));
                assertEquals(List.of(2, 3), fields(second.fetchRow(select()).get(1)));
                conn.execute("alter type " + schema + ".typ1 drop attribute y");
                assertEquals(List.of(2), fields(first.fetchRow(select()).get(1)));
                assertEquals(List.of(2), fields(second.fetchRow(select()).get(1)));
            } finally {
                first.close();
                second.close();
            }
            assertEquals(List.of(2), fields(((Row) pool.fetchRow(select())).get(1)));
        }
    }

    @Test
    void dataModifyingStatementRunsOnceWhenItsCompositeChangedAndReportsTheOutdatedType() {
        conn.fetchRow("insert into " + schema + ".tab1 values (7, (8, 9)) returning b");
        conn.execute("alter type " + schema + ".typ1 add attribute z text");
        String insert = "insert into " + schema + ".tab1 values (10, (11, 12, 'w')) returning b";
        OutdatedSchemaCacheException e = assertThrows(OutdatedSchemaCacheException.class, () -> conn.fetchRow(insert));
        assertTrue(e.getMessage().contains("typ1"), e.getMessage());
        assertEquals(1L, (long) conn.<Long>fetchVal("select count(*) from " + schema + ".tab1 where a = 10"));
        assertEquals(List.of(11, 12, "w"), fields(conn.fetchRow(insert).get(0)));
    }

    @Test
    void explicitlyPreparedStatementReadsTheAlteredCompositeOutsideATransaction() {
        try (PreparedStatement ps = conn.prepare(select())) {
            assertEquals(List.of(2, 3), fields(ps.fetchRow().get(1)));
            conn.execute("alter type " + schema + ".typ1 add attribute z text");
            assertEquals(Arrays.asList(2, 3, null), fields(ps.fetchRow().get(1)));
        }
    }

    @Test
    void explicitlyPreparedStatementReportsTheOutdatedTypeOnceInATransactionThenReadsCorrectly() {
        try (PreparedStatement ps = conn.prepare(select()); Transaction tx = conn.transaction()) {
            assertEquals(List.of(2, 3), fields(ps.fetchRow().get(1)));
            conn.execute("alter type " + schema + ".typ1 add attribute z text");
            assertThrows(OutdatedSchemaCacheException.class, ps::fetchRow);
            assertEquals(Arrays.asList(2, 3, null), fields(ps.fetchRow().get(1)));
            tx.commit();
        }
    }

    @Test
    void shapeMismatchSeenWhileDecodingIsAnOutdatedSchemaNotAProtocolFault() {
        conn.fetchRow(select());
        conn.execute("alter type " + schema + ".typ1 add attribute z text");
        try (Transaction tx = conn.transaction()) {
            // A cursor's rows are decoded when read: the mismatch surfaces there.
            List<Row> rows;
            try (io.pgjet.Cursor cursor = conn.openCursor(select())) {
                rows = cursor.fetch(10);
            }
            OutdatedSchemaCacheException e = assertThrows(OutdatedSchemaCacheException.class, () -> rows.get(0).get(1));
            assertTrue(e.getMessage().contains("typ1"), e.getMessage());
            assertEquals(Arrays.asList(2, 3, null), fields(conn.fetchRow(select()).get(1)));
            tx.commit();
        }
    }

    @Test
    void compositeParameterOfAnAlteredTypeIsEncodedWithTheNewDescription() {
        String insert = "insert into " + schema + ".tab1 (a, b) values ($1, $2)";
        conn.execute(insert, 20, java.util.Map.of("x", 1, "y", 2));
        conn.execute("alter type " + schema + ".typ1 add attribute z text");
        conn.execute(insert, 21, java.util.Map.of("x", 3, "y", 4, "z", "w"));
        assertEquals(List.of(3, 4, "w"), fields(conn.fetchRow("select b from " + schema + ".tab1 where a = 21").get(0)));
        try (Transaction tx = conn.transaction()) {
            conn.execute("alter type " + schema + ".typ1 drop attribute x");
            assertThrows(OutdatedSchemaCacheException.class, () -> conn.execute(insert, 22, java.util.Map.of("y", 5)));
            tx.rollback();
        }
    }

    @Test
    void batchWithACompositeParameterOfAnAlteredTypeFailsOnceThenUsesTheNewDescription() {
        String insert = "insert into " + schema + ".tab1 (a, b) values ($1, $2)";
        conn.executeMany(insert, List.<Object[]>of(new Object[] {30, java.util.Map.of("x", 1, "y", 2)}));
        conn.execute("alter type " + schema + ".typ1 add attribute z text");
        List<Object[]> batch = List.<Object[]>of(new Object[] {31, java.util.Map.of("x", 3, "y", 4, "z", "w")});
        OutdatedSchemaCacheException e = assertThrows(OutdatedSchemaCacheException.class, () -> conn.executeMany(insert, batch));
        assertTrue(e.getMessage().contains("typ1"), e.getMessage());
        assertEquals(1L, conn.executeMany(insert, batch));
        assertEquals(List.of(3, 4, "w"), fields(conn.fetchRow("select b from " + schema + ".tab1 where a = 31").get(0)));
    }

    @Test
    void batchAfterAReadSawTheAlteredTypeUsesTheNewDescriptionAtOnce() {
        String insert = "insert into " + schema + ".tab1 (a, b) values ($1, $2)";
        conn.executeMany(insert, List.<Object[]>of(new Object[] {40, java.util.Map.of("x", 1, "y", 2)}));
        conn.execute("alter type " + schema + ".typ1 add attribute z text");
        assertEquals(Arrays.asList(2, 3, null), fields(conn.fetchRow(select()).get(1)));
        assertEquals(1L, conn.executeMany(insert, List.<Object[]>of(new Object[] {41, java.util.Map.of("x", 5, "y", 6, "z", "v")})));
        assertEquals(List.of(5, 6, "v"), fields(conn.fetchRow("select b from " + schema + ".tab1 where a = 41").get(0)));
    }
}
