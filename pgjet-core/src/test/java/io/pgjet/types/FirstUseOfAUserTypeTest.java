package io.pgjet.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.pgjet.Connection;
import io.pgjet.PgJet;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import io.pgjet.testkit.PgTestServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user type seen first by an explicit {@code prepare()} or by a batch decodes (and encodes)
 * exactly as through {@code fetch}: whichever verb describes the statement introspects the types
 * it does not know.
 */
class FirstUseOfAUserTypeTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private Connection conn;
    private String schema;

    @BeforeEach
    void createFreshTypes() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        // Fresh OIDs per test: type descriptions are cached per server for the whole JVM.
        schema = "pgjet_first_use_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        conn.execute("drop schema if exists " + schema + " cascade");
        conn.execute("create schema " + schema);
        conn.execute("create type " + schema + ".c as (a int, b text)");
        conn.execute("create type " + schema + ".mood as enum ('sad', 'happy')");
        conn.execute("create type " + schema + ".floatrange as range (subtype = float8)");
    }

    @AfterEach
    void dropTypes() {
        conn.execute("drop schema if exists " + schema + " cascade");
        conn.close();
    }

    @Test
    void compositeSeenFirstByPrepareDecodesAsPgRecord() {
        try (PreparedStatement ps = conn.prepare("select (1, 'x')::" + schema + ".c")) {
            Object value = ps.fetchRow().get(0);
            assertEquals(List.of(1, "x"), assertInstanceOf(PgRecord.class, value).values());
        }
    }

    @Test
    void rangeSeenFirstByPrepareDecodesAsPgRange() {
        try (PreparedStatement ps = conn.prepare("select '[1.5,2.5)'::" + schema + ".floatrange")) {
            PgRange<?> range = assertInstanceOf(PgRange.class, ps.fetchRow().get(0));
            assertEquals(1.5, range.lower());
            assertEquals(2.5, range.upper());
        }
    }

    @Test
    void enumArraySeenFirstByPrepareDecodesAsList() {
        try (PreparedStatement ps = conn.prepare("select array['sad', 'happy']::" + schema + ".mood[]")) {
            assertEquals(List.of("sad", "happy"), ps.fetchRow().get(0));
        }
    }

    @Test
    void compositeParameterSeenFirstByPrepareIsEncodedInBinary() {
        try (PreparedStatement ps = conn.prepare("select ($1::" + schema + ".c).b")) {
            Row row = ps.fetchRow(PgRecord.of(new Object[] {7, "seven"}, new int[] {23, 25}, new String[] {"a", "b"}));
            assertEquals("seven", row.get(0));
        }
    }

    @Test
    void prepareAndFetchAgreeOnTheJavaTypeOfEveryUserType() {
        String sql = "select (1, 'x')::" + schema + ".c, '[1,2)'::" + schema + ".floatrange,"
                + " array['sad']::" + schema + ".mood[]";
        List<Object> prepared;
        try (PreparedStatement ps = conn.prepare(sql)) {
            Row row = ps.fetchRow();
            prepared = List.of(row.get(0).getClass(), row.get(1).getClass(), row.get(2).getClass());
        }
        Row fetched = conn.fetchRow(sql);
        assertEquals(List.of(fetched.get(0).getClass(), fetched.get(1).getClass(), fetched.get(2).getClass()), prepared);
    }

    @Test
    void compositeAndEnumArraySeenFirstByFetchManyDecodeAsPgRecordAndList() {
        List<Row> rows = conn.async().fetchMany("select (1, 'x')::" + schema + ".c, array['sad']::" + schema + ".mood[]",
                List.<Object[]>of(new Object[0])).join();
        assertEquals(List.of(1, "x"), assertInstanceOf(PgRecord.class, rows.get(0).get(0)).values());
        assertEquals(List.of("sad"), rows.get(0).get(1));
    }

    @Test
    void compositeParameterSeenFirstByExecuteManyIsEncoded() {
        conn.execute("create table " + schema + ".t (v " + schema + ".c, m " + schema + ".mood)");
        long count = conn.executeMany("insert into " + schema + ".t values ($1, $2)", List.of(
                new Object[] {PgRecord.of(new Object[] {1, "a"}, new int[] {23, 25}, new String[] {"a", "b"}), "sad"},
                new Object[] {java.util.Map.of("a", 2, "b", "b"), "happy"}));
        assertEquals(2L, count);
        assertEquals("b", conn.fetchVal("select (v).b from " + schema + ".t where (v).a = 2"));
    }
}
