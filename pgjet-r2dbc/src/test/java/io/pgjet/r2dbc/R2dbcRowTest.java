package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rows and metadata: values through PgJet's codecs, R2DBC's types, LOBs, bound values of many types. */
class R2dbcRowTest extends SharedConnectionTest {
    private static <T> T one(String sql, BiFunction<Row, RowMetadata, T> mapper, Object... args) {
        io.r2dbc.spi.Statement statement = connection.createStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.bind(i, args[i]);
        }
        return Flux.from(statement.execute()).concatMap(r -> r.map(mapper)).blockLast(WAIT);
    }

    @Test
    void defaultJavaTypesFollowTheColumnTypes() {
        List<Object> values = one("SELECT 1::int2, 2::int4, 3::int8, 1.5::float8, 2.25::numeric, true, 'x'::text, "
                + "'2024-02-29'::date, '00000000-0000-0000-0000-000000000001'::uuid, '\\x0102'::bytea, NULL::int4",
                (row, md) -> {
                    List<Object> all = new java.util.ArrayList<>();
                    for (int i = 0; i < md.getColumnMetadatas().size(); i++) {
                        all.add(row.get(i));
                    }
                    return all;
                });
        assertEquals((short) 1, values.get(0));
        assertEquals(2, values.get(1));
        assertEquals(3L, values.get(2));
        assertEquals(1.5, values.get(3));
        assertEquals(new BigDecimal("2.25"), values.get(4));
        assertEquals(true, values.get(5));
        assertEquals("x", values.get(6));
        assertEquals(LocalDate.of(2024, 2, 29), values.get(7));
        assertEquals(new UUID(0, 1), values.get(8));
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), values.get(9));
        assertNull(values.get(10));
    }

    @Test
    void getWithAClassConvertsThroughPgJetsCodecs() {
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"),
                one("SELECT '2024-01-02 03:04:05+00'::timestamptz", (row, md) -> row.get(0, Instant.class)));
        assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05Z").toInstant(),
                one("SELECT '2024-01-02 03:04:05+00'::timestamptz", (row, md) -> row.get(0, OffsetDateTime.class)).toInstant());
        assertEquals(Long.valueOf(42), one("SELECT 42::int4", (row, md) -> row.get(0, Long.class)));
        assertEquals(Integer.valueOf(7), one("SELECT 7", (row, md) -> row.get(0, int.class)));
        assertArrayEquals(new int[] {1, 2, 3}, one("SELECT ARRAY[1,2,3]", (row, md) -> row.get(0, int[].class)));
        assertThrows(IllegalArgumentException.class, () -> one("SELECT 'abc'::text", (row, md) -> row.get(0, UUID.class)));
    }

    @Test
    void columnMetadataReportsR2dbcTypeJavaTypeAndTheOidAsNativeMetadata() {
        List<? extends ColumnMetadata> columns = one("SELECT 1::int4 AS a, 'x'::varchar AS b, now() AS c, 1::int8 AS d",
                (row, md) -> md.getColumnMetadatas());
        assertEquals(R2dbcType.INTEGER, columns.get(0).getType());
        assertEquals(Integer.class, columns.get(0).getJavaType());
        assertEquals(23, columns.get(0).getNativeTypeMetadata());
        assertEquals(R2dbcType.VARCHAR, columns.get(1).getType());
        assertEquals(R2dbcType.TIMESTAMP_WITH_TIME_ZONE, columns.get(2).getType());
        assertEquals(OffsetDateTime.class, columns.get(2).getJavaType());
        assertEquals("d", columns.get(3).getName());
        assertEquals(Long.class, columns.get(3).getJavaType());
    }

    @Test
    void boundValuesOfManyTypesRoundTrip() {
        assertEquals(LocalDate.of(2020, 1, 1), one("SELECT $1::date", (row, md) -> row.get(0), LocalDate.of(2020, 1, 1)));
        assertEquals(new BigDecimal("12.345"), one("SELECT $1::numeric", (row, md) -> row.get(0), new BigDecimal("12.345")));
        assertEquals(ByteBuffer.wrap(new byte[] {9, 8}), one("SELECT $1::bytea", (row, md) -> row.get(0),
                ByteBuffer.wrap(new byte[] {9, 8})));
        assertEquals(new UUID(5, 6), one("SELECT $1::uuid", (row, md) -> row.get(0), new UUID(5, 6)));
        assertEquals((Object) 3, one("SELECT cardinality($1::int[])", (row, md) -> row.get(0), (Object) new int[] {4, 5, 6}));
        assertEquals("é", one("SELECT $1", (row, md) -> row.get(0), io.r2dbc.spi.Parameters.in("é")));
    }

    @Test
    void lobsAreReadAsBlobAndClobAndBoundFromStreams() {
        Blob blob = one("SELECT $1::bytea", (row, md) -> row.get(0, Blob.class),
                Blob.from(Flux.just(ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8)),
                        ByteBuffer.wrap("cd".getBytes(StandardCharsets.UTF_8)))));
        ByteBuffer bytes = Flux.from(blob.stream()).reduce(ByteBuffer.allocate(4), ByteBuffer::put).block(WAIT).flip();
        assertEquals("abcd", StandardCharsets.UTF_8.decode(bytes).toString());
        Mono.from(blob.discard()).block(WAIT);
        Clob clob = one("SELECT $1::text", (row, md) -> row.get(0, Clob.class), Clob.from(Flux.just("hello ", "world")));
        assertEquals("hello world", Flux.from(clob.stream()).reduce(new StringBuilder(), StringBuilder::append)
                .block(WAIT).toString());
    }
}
