package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgCluster;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import io.pgjet.types.PgRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values through PgJet's own engine, binary both ways, on the newest and the oldest supported
 * PostgreSQL: parameters the server renders as text exactly as expected, results decoded to the
 * documented Java types, user types found by introspection, records mapped by column name.
 */
class TypesEndToEndTest {
    private static PgCluster oldest;

    static Stream<String> servers() {
        return Stream.of("default", "13");
    }

    static Connection connect(String which) {
        PgServer server = PgTestServer.shared();
        if (which.equals("13")) {
            synchronized (TypesEndToEndTest.class) {
                if (oldest == null) {
                    oldest = PgCluster.builder().version("13").start();
                }
            }
            server = oldest;
        }
        return PgJet.connect(server.dsn());
    }

    @AfterAll
    static void stopOldest() {
        if (oldest != null) {
            oldest.close();
        }
    }

    static Stream<Arguments> parameters() {
        Object[][] cases = {
            {"int2", (short) -32768, "-32768"},
            {"int4", Integer.MAX_VALUE, "2147483647"},
            {"int8", Long.MIN_VALUE, "-9223372036854775808"},
            {"float8", -0.0d, "-0"},
            {"float8", Double.NaN, "NaN"},
            {"float4", Float.POSITIVE_INFINITY, "Infinity"},
            {"numeric", new BigDecimal("-123456789012345678901234567890.000000000000000000001"),
                "-123456789012345678901234567890.000000000000000000001"},
            {"numeric", new BigDecimal("1E+20"), "100000000000000000000"},
            {"bool", true, "true"},
            {"text", "", ""},
            {"text", "non-BMP \uD83D\uDE00 and ümlaut", "non-BMP \uD83D\uDE00 and ümlaut"},
            {"bytea", new byte[] {0, 1, (byte) 0xff}, "\\x0001ff"},
            {"uuid", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"date", LocalDate.of(2024, 2, 29), "2024-02-29"},
            {"date", LocalDate.of(-43, 3, 15), "0044-03-15 BC"},
            {"time", LocalTime.of(23, 59, 59, 999_999_000), "23:59:59.999999"},
            {"timestamp", LocalDateTime.of(1970, 1, 1, 0, 0), "1970-01-01 00:00:00"},
            {"timestamptz", OffsetDateTime.of(2021, 3, 28, 1, 30, 0, 0, ZoneOffset.UTC), "2021-03-28 01:30:00+00"},
            {"timestamptz", Instant.parse("2000-01-01T00:00:00.000001Z"), "2000-01-01 00:00:00.000001+00"},
            {"int4[]", new int[] {1, 2, 3}, "{1,2,3}"},
            {"text[]", new String[] {"a", null, "b,c"}, "{a,NULL,\"b,c\"}"},
            {"jsonb", "{\"a\": [1, 2]}", "{\"a\": [1, 2]}"},
        };
        return servers().flatMap(server -> Stream.of(cases).map(c -> Arguments.of(server, c[0], c[1], c[2])));
    }

    @ParameterizedTest(name = "{0}: {1} {3}")
    @MethodSource("parameters")
    void parameterIsRenderedByServerAsExpected(String server, String type, Object value, String text) {
        try (Connection conn = connect(server)) {
            conn.execute("set timezone = 'UTC'");
            assertEquals(text, conn.fetchRow("select $1::" + type + "::text", value).getString(0));
            // and back: the decoded value re-encodes to the same server text
            Object decoded = conn.fetchRow("select $1::" + type, value).get(0);
            assertEquals(text, conn.fetchRow("select $1::" + type + "::text", decoded).getString(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void resultsDecodeToDocumentedJavaTypes(String server) {
        try (Connection conn = connect(server)) {
            conn.execute("set timezone = 'Europe/Berlin'");
            Row row = conn.fetchRow("select 1::int2 a, 2::int4 b, 3::int8 c, 1.5::float8 d, 'x'::text e, true f, "
                    + "'2024-02-29'::date g, '2024-07-01 12:00:00+00'::timestamptz h, 12.50::numeric i, "
                    + "array[1,null,3]::int4[] j, null::int4 k, '[1,5)'::int4range l, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid m");
            assertEquals((short) 1, row.get("a"));
            assertEquals(2, row.get("b"));
            assertEquals(3L, row.get("c"));
            assertEquals(1.5, row.get("d"));
            assertEquals("x", row.get("e"));
            assertEquals(true, row.get("f"));
            assertEquals(LocalDate.of(2024, 2, 29), row.get("g"));
            OffsetDateTime h = (OffsetDateTime) row.get("h");
            assertEquals(Instant.parse("2024-07-01T12:00:00Z"), h.toInstant());
            assertEquals(ZoneOffset.ofHours(2), h.getOffset(), "timestamptz honours the session TimeZone");
            assertEquals(new BigDecimal("12.50"), row.get("i"));
            assertEquals(java.util.Arrays.asList(1, null, 3), row.get("j"));
            assertArrayEquals(new int[] {4, 5}, conn.fetchRow("select array[4,5]::int4[]").get(0, int[].class));
            assertNull(row.get("k"));
            assertTrue(row.get("l") instanceof PgRange);
            assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), row.get("m"));
            assertEquals(3L, row.getLong("c"));
            assertEquals(2, row.getInt("b"));
            assertEquals(1.5, row.getDouble("d"));
            assertTrue(row.getBoolean("f"));
            assertEquals(Instant.parse("2024-07-01T12:00:00Z"), row.get("h", Instant.class));
            assertThrows(PgInterfaceException.class, () -> row.getInt("k"));
            long count = conn.fetchVal("select count(*) from generate_series(1, 10)");
            assertEquals(10L, count);
        }
    }

    record Person(int id, String fullName, LocalDate born) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void rowsMapToRecordsByColumnName(String server) {
        try (Connection conn = connect(server)) {
            List<Person> people = conn.fetch(Person.class,
                    "select g as id, 'person ' || g as full_name, date '2000-01-01' + g as born from generate_series(1, 3) g");
            assertEquals(new Person(2, "person 2", LocalDate.of(2000, 1, 3)), people.get(1));
            PgInterfaceException e = assertThrows(PgInterfaceException.class,
                    () -> conn.fetchRow(Person.class, "select 1 as id"));
            assertTrue(e.getMessage().contains("fullName"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void userTypesCreatedAfterConnectAreFoundOnFirstUse(String server) {
        try (Connection conn = connect(server)) {
            conn.execute("drop type if exists mood cascade; drop type if exists pair cascade; drop domain if exists posint cascade");
            conn.execute("create type mood as enum ('sad', 'ok', 'happy')");
            conn.execute("create type pair as (label text, n int4)");
            conn.execute("create domain posint as int4 check (value > 0)");
            assertEquals("happy", conn.fetchVal("select 'happy'::mood"));
            assertEquals("ok", conn.fetchRow("select $1::mood::text", "ok").getString(0));
            Row composite = conn.fetchRow("select row('x', 5)::pair, array[row('y', 6)::pair], 7::posint");
            assertEquals("(x,5)", composite.getString(0));
            assertEquals(7, composite.get(2));
            assertEquals("{\"(y,6)\"}", composite.getString(1));
            conn.execute("drop type mood cascade; drop type pair cascade; drop domain posint cascade");
        }
    }

    record Json(String raw) {}

    record Pair(String label, int n) {}

    @Test
    void userCodecsReplaceTypeHandlingOnThisConnection() {
        try (Connection conn = connect("default"); Connection other = connect("default")) {
            conn.setTypeCodec("json", "pg_catalog", Json.class,
                    io.pgjet.types.TextTypeCodec.of(json -> json.raw(), Json::new));
            assertEquals(new Json("{\"a\":1}"), conn.fetchVal("select '{\"a\":1}'::json"));
            assertEquals("[1]", conn.fetchRow("select $1::json::text", new Json("[1]")).getString(0));
            assertEquals("{\"a\":1}", other.fetchVal("select '{\"a\":1}'::json"), "other connections keep the default");

            conn.execute("drop type if exists codec_pair cascade; create type codec_pair as (label text, n int4)");
            conn.setTypeCodec("codec_pair", "public", Pair.class,
                    io.pgjet.types.TupleTypeCodec.of(p -> new Object[] {p.label(), p.n()},
                            t -> new Pair((String) t[0], (Integer) t[1])));
            assertEquals(new Pair("x", 5), conn.fetchVal("select row('x', 5)::codec_pair"));
            assertEquals("(y,6)", conn.fetchRow("select $1::codec_pair::text", new Pair("y", 6)).getString(0));
            conn.execute("drop type codec_pair cascade");
            assertThrows(PgInterfaceException.class, () -> conn.setTypeCodec("no_such_type", "public", Json.class,
                    io.pgjet.types.TextTypeCodec.of(Json::raw, Json::new)));
        }
    }

    @Test
    void hstoreMapsToJavaMap() {
        try (Connection conn = connect("default")) {
            conn.execute("create extension if not exists hstore");
            conn.reloadSchemaState();
            Object value = conn.fetchVal("select 'a=>1, b=>NULL'::hstore");
            assertEquals(java.util.Collections.singletonMap("a", "1").get("a"), ((Map<?, ?>) value).get("a"));
            assertTrue(((Map<?, ?>) value).containsKey("b"));
        }
    }

    @Test
    void nulCharacterInTextParameterIsRejectedClearly() {
        try (Connection conn = connect("default")) {
            PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.fetch("select $1::text", "a\0b"));
            assertTrue(e.getMessage().contains("$1"), e.getMessage());
            assertEquals(1, conn.<Integer>fetchVal("select 1"));
        }
    }

    @Test
    void randomIntegersAndDoublesRoundTripThroughTheServer() {
        Random random = new Random(20261128L);
        try (Connection conn = connect("default")) {
            for (int i = 0; i < 300; i++) {
                long l = random.nextLong();
                double d = Double.longBitsToDouble(random.nextLong());
                Row row = conn.fetchRow("select $1::int8, $1::int8::text, $2::float8, $2::float8::text", l, d);
                assertEquals(l, row.getLong(0), "seed 20261128 trial " + i);
                assertEquals(Long.toString(l), row.getString(1));
                assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(row.getDouble(2)), "trial " + i);
            }
        }
    }
}
