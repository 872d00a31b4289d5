package io.pgjet.internal.types;

import static io.pgjet.internal.types.CodecAssertions.checkAll;
import static io.pgjet.internal.types.CodecAssertions.decode;
import static io.pgjet.internal.types.CodecAssertions.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import io.pgjet.types.PgMultirange;
import io.pgjet.types.PgRange;
import io.pgjet.types.PgRecord;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Composites, records, enums, domains, ranges, multiranges and the extension types, resolved by
 * {@link IntrospectionQuery} against the server.
 */
class UserTypesServerTest {
    private static final long SEED = 0x5eed_0006L;
    private static final String SCHEMA = "pgjet_types_test";
    private static final CodecRegistry REGISTRY = CodecRegistry.withBuiltins();
    private static final CodecContext CTX = CodecContext.defaults(REGISTRY);
    private static ServerVectors server;
    private static List<Integer> added;
    /** Whether the server has multiranges (PostgreSQL 14 and later). */
    private static boolean multiranges;

    record Inner(int a, String b) {
    }

    record WideInner(long a, String b) {
    }

    enum Mood { sad, ok, happy }

    @BeforeAll
    static void setUp() throws Exception {
        server = new ServerVectors();
        server.execute("create extension if not exists hstore");
        server.execute("create extension if not exists citext");
        server.execute("create extension if not exists ltree");
        server.execute("drop schema if exists " + SCHEMA + " cascade");
        server.execute("create schema " + SCHEMA);
        server.execute("set search_path = " + SCHEMA + ", public");
        server.execute("create type mood as enum ('sad', 'ok', 'happy', 'ünï 😀')");
        server.execute("create domain posint as int4 check (value > 0)");
        server.execute("create type inner_t as (a int4, b text)");
        server.execute("create type outer_t as (id int8, \"inner\" inner_t, tags text[], m mood, d posint,"
                + " dropped int4, r int4range)");
        server.execute("alter type outer_t drop attribute dropped");
        server.execute("create type floatrange as range (subtype = float8)");
        server.execute("create domain posints as int4[]");
        multiranges = server.majorVersion() >= 14;
        List<Integer> oids = new ArrayList<>();
        for (String t : List.of("outer_t", "outer_t[]", "floatrange[]", "posints", "mood[]")) {
            oids.add(server.oid(t));
        }
        if (multiranges) {
            oids.add(server.oid("floatmultirange"));
        }
        String sql = IntrospectionQuery.sql(server.versionNumber()).replace("$1", "?");
        try (PreparedStatement ps = server.connection().prepareStatement(sql)) {
            ps.setString(1, IntrospectionQuery.oidArrayParameter(oids.stream().mapToInt(Integer::intValue).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> rows = TextRow.all(rs);
                added = IntrospectionQuery.register(rows, REGISTRY);
            }
        }
        REGISTRY.registerJavaType(Inner.class, server.oid("inner_t"));
    }

    @AfterAll
    static void tearDown() {
        server.execute("drop schema if exists " + SCHEMA + " cascade");
        server.close();
    }

    @Test
    void introspectionRegistersEveryDependency() {
        List<String> types = new ArrayList<>(List.of("outer_t", "outer_t[]", "inner_t", "mood", "mood[]", "posint",
                "floatrange", "floatrange[]", "posints", "hstore", "hstore[]", "citext", "ltree"));
        if (multiranges) {
            types.add("floatmultirange");
        }
        for (String t : types) {
            int oid = server.oid(t);
            assertTrue(added.contains(oid), t + " registered");
            assertTrue(REGISTRY.hasBinaryCodec(oid), t + " binary");
        }
        assertEquals(server.oid("hstore"), REGISTRY.inferOid(Map.of("a", "b")));
        assertEquals(server.oid("inner_t"), REGISTRY.inferOid(new Inner(1, "x")));
        assertFalse(REGISTRY.hasBinaryCodec(TypeOids.ACLITEM));
        assertEquals(Codec.TEXT, REGISTRY.codecOrText(TypeOids.ACLITEM).format());
    }

    @Test
    void compositesNestedAndInArrays() {
        Codec outer = REGISTRY.codec(server.oid("outer_t"));
        List<String> lits = List.of("(1,\"(2,x)\",\"{a,NULL}\",happy,5,\"[1,3)\")", "(,,,,,)",
                "(-1,\"(,\"\"q\"\" \\\\\\\\)\",{},\"ünï 😀\",1,empty)");
        List<Object> values = checkAll(outer, server.vectors("outer_t", lits), CTX, true, "");
        PgRecord first = (PgRecord) values.get(0);
        assertEquals(1L, first.get("id"));
        assertEquals(PgRecord.of(new Object[] {2, "x"}, new int[] {TypeOids.INT4, TypeOids.TEXT},
                new String[] {"a", "b"}), first.get("inner"));
        assertEquals(List.of("a"), ((List<?>) first.get("tags")).subList(0, 1));
        assertNull(((PgRecord) values.get(1)).get(0));
        Codec inner = REGISTRY.codec(server.oid("inner_t"));
        byte[] b = server.expression("inner_t", "row(7, 'seven')").bytes();
        assertEquals(new Inner(7, "seven"), decode(inner, b, Inner.class, CTX));
        assertEquals(new WideInner(7, "seven"), decode(inner, b, WideInner.class, CTX));
        assertArrayEquals(b, encode(inner, new Inner(7, "seven"), CTX));
        assertArrayEquals(b, encode(inner, new Object[] {7, "seven"}, CTX));
        assertArrayEquals(b, encode(inner, Map.of("a", 7, "b", "seven"), CTX));
        assertEquals(Map.of("a", 7, "b", "seven"), decode(inner, b, Map.class, CTX));
        Codec array = REGISTRY.codec(server.oid("inner_t[]"));
        List<Object> arr = checkAll(array, server.vectors("inner_t[]", List.of("{\"(1,a)\",NULL,\"(,)\"}")), CTX, true, "");
        assertEquals(3, ((List<?>) arr.get(0)).size());
        Inner[] inners = decode(array, server.vectors("inner_t[]", List.of("{\"(1,a)\"}")).get(0).bytes(), Inner[].class, CTX);
        assertEquals(new Inner(1, "a"), inners[0]);
        assertThrows(PgInterfaceException.class, () -> encode(inner, new Object[] {1}, CTX));
    }

    @Test
    void anonymousRecords() {
        Codec record = REGISTRY.codec(TypeOids.RECORD);
        byte[] b = server.bytes("select record_send(row(1, 'a b', null::int, array[1,2], row(true, 2.5::numeric)))");
        PgRecord r = (PgRecord) decode(record, b, CTX);
        assertEquals(5, r.size());
        assertEquals(TypeOids.INT4, r.typeOid(0));
        assertEquals("a b", r.get(1));
        assertNull(r.get(2));
        assertEquals(List.of(1, 2), r.get(3));
        assertEquals(new BigDecimal("2.5"), ((PgRecord) r.get(4)).get(1));
        assertEquals(server.string("select row(1, 'a b', null::int, array[1,2], row(true, 2.5::numeric))::text"),
                record.decodeText(b, 0, b.length, CTX));
        assertThrows(PgInterfaceException.class, () -> encode(record, r, CTX));
        assertArrayEquals(new Object[] {1, "a b", null, List.of(1, 2), r.get(4)}, decode(record, b, Object[].class, CTX));
    }

    @Test
    void enumsAndDomains() {
        Codec mood = REGISTRY.codec(server.oid("mood"));
        List<Object> labels = checkAll(mood, server.vectors("mood", List.of("sad", "ünï 😀")), CTX, true, "");
        assertEquals("ünï 😀", labels.get(1));
        byte[] happy = server.expression("mood", "'happy'").bytes();
        assertEquals(Mood.happy, decode(mood, happy, Mood.class, CTX));
        assertArrayEquals(happy, encode(mood, Mood.happy, CTX));
        checkAll(REGISTRY.codec(server.oid("mood[]")), server.vectors("mood[]", List.of("{sad,NULL,happy}")), CTX, true, "");
        Codec posint = REGISTRY.codec(server.oid("posint"));
        assertEquals(Integer.class, posint.defaultJavaType());
        byte[] five = server.expression("posint", "5").bytes();
        assertEquals(5, decode(posint, five, CTX));
        assertEquals(5L, decode(posint, five, Long.class, CTX));
        assertArrayEquals(five, encode(posint, 5, CTX));
        checkAll(REGISTRY.codec(server.oid("posints")), server.vectors("posints", List.of("{1,2}")), CTX, true, "");
    }

    @Test
    void rangesAndMultiranges() {
        Random r = new Random(SEED);
        List<String> ints = new ArrayList<>(List.of("empty", "(,)", "(,5]", "[1,)", "[1,5)", "[-2147483648,2147483647)"));
        for (int i = 0; i < 100; i++) {
            int a = r.nextInt(1000) - 500;
            ints.add("[" + a + "," + (a + 1 + r.nextInt(100)) + (r.nextBoolean() ? "]" : ")"));
        }
        checkAll(REGISTRY.codec(TypeOids.INT4RANGE), server.vectors("int4range", ints), CTX, true, "(seed " + SEED + ")");
        checkAll(REGISTRY.codec(TypeOids.INT8RANGE), server.vectors("int8range", ints), CTX, true, "");
        checkAll(REGISTRY.codec(TypeOids.NUMRANGE), server.vectors("numrange", List.of("[1.5,2.25]", "(,0.001)", "empty")),
                CTX, true, "");
        List<Object> dates = checkAll(REGISTRY.codec(TypeOids.DATERANGE), server.vectors("daterange",
                List.of("[2024-01-01,2024-02-29]", "[-infinity,infinity)", "[\"0001-01-01 BC\",)")), CTX, true, "");
        assertEquals(PgRange.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1)), dates.get(0));
        assertEquals(PgRange.closedOpen(LocalDate.MIN, LocalDate.MAX), dates.get(1));
        checkAll(REGISTRY.codec(TypeOids.TSRANGE), server.vectors("tsrange",
                List.of("[\"2024-01-01 10:00\",\"2024-01-02 00:00:00.5\")", "(,infinity]")), CTX, true, "");
        checkAll(REGISTRY.codec(TypeOids.TSTZRANGE), server.vectors("tstzrange",
                List.of("[\"2024-01-01 10:00+00\",)")), CTX, true, "");
        checkAll(REGISTRY.codec(server.oid("floatrange")), server.vectors("floatrange",
                List.of("[1.5,2.5]", "(-Infinity,NaN)")), CTX, true, "");
        assertArrayEquals(server.expression("int4range", "'[1,5)'").bytes(),
                encode(REGISTRY.codec(TypeOids.INT4RANGE), PgRange.closedOpen(1, 5), CTX));
        assertArrayEquals(server.expression("int4range", "'empty'").bytes(),
                encode(REGISTRY.codec(TypeOids.INT4RANGE), PgRange.empty(), CTX));
        if (multiranges) {
            List<Object> multi = checkAll(REGISTRY.codec(TypeOids.INT4MULTIRANGE), server.vectors("int4multirange",
                    List.of("{}", "{[1,3),[5,7)}", "{(,2],[10,)}")), CTX, true, "");
            assertEquals(PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7)), multi.get(1));
            checkAll(REGISTRY.codec(server.oid("floatmultirange")), server.vectors("floatmultirange",
                    List.of("{[1,2],(3,4)}")), CTX, true, "");
            checkAll(REGISTRY.codec(TypeOids.DATEMULTIRANGE), server.vectors("datemultirange",
                    List.of("{[2024-01-01,2024-01-05)}")), CTX, true, "");
        } else {
            // Before 14 there are no multiranges: a range type gets none, the built-in ones do not
            // exist, and introspection neither asks for them nor registers one.
            assertNull(server.string("select to_regtype('int4multirange')::text"));
            assertEquals("0", server.string("select count(*) from pg_catalog.pg_type where typtype = 'm'"));
            assertFalse(IntrospectionQuery.sql(server.versionNumber()).contains("rngmultitypid"));
            assertNull(REGISTRY.byName("floatmultirange"));
        }
    }

    @Test
    void extensionTypes() {
        Random r = new Random(SEED + 1);
        Codec hstore = REGISTRY.byName("hstore");
        List<String> lits = new ArrayList<>(List.of("", "a=>1, b=>NULL", "\"k e y\"=>\"v\\\"al\\\\ue\", \"\"=>\"\"",
                "\"😀\"=>\"ünï\""));
        List<Map<String, String>> maps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, String> m = new LinkedHashMap<>();
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) {
                m.put(TextCodecsServerTest.randomString(r, 8), r.nextInt(4) == 0 ? null : TextCodecsServerTest.randomString(r, 8));
            }
            maps.add(m);
            lits.add(hstore.formatText(m, CTX));
        }
        List<Object> decoded = checkAll(hstore, server.vectors("hstore", lits), CTX, true, "(seed " + (SEED + 1) + ")");
        for (int i = 0; i < maps.size(); i++) {
            assertEquals(maps.get(i), decoded.get(i + 4));
            assertArrayEquals(server.vectors("hstore", List.of(lits.get(i + 4))).get(0).bytes(),
                    encode(hstore, maps.get(i), CTX));
        }
        checkAll(REGISTRY.byName("citext"), server.vectors("citext", List.of("MiXeD", "", "😀")), CTX, true, "");
        checkAll(REGISTRY.byName("ltree"), server.vectors("ltree", List.of("a.b.c", "", "Top.Science")), CTX, true, "");
        checkAll(REGISTRY.byName("hstore[]"), server.vectors("hstore[]", List.of("{\"a=>1\",NULL}")), CTX, true, "");
    }
}
