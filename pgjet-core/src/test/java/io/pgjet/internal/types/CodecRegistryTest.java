package io.pgjet.internal.types;

import static io.pgjet.internal.types.CodecAssertions.decode;
import static io.pgjet.internal.types.CodecAssertions.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgInterfaceException;
import io.pgjet.types.BinaryTypeCodec;
import io.pgjet.types.PgArray;
import io.pgjet.types.PgInterval;
import io.pgjet.types.PgRange;
import io.pgjet.types.TextTypeCodec;
import io.pgjet.types.TupleTypeCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Parameter type inference, lookups, user codecs and the primitive fast paths (no server). */
class CodecRegistryTest {
    private final CodecRegistry registry = CodecRegistry.withBuiltins();
    private final CodecContext ctx = CodecContext.defaults(registry);

    @Test
    void infersBuiltInTypesFromJavaValues() throws Exception {
        assertEquals(TypeOids.INT4, registry.inferOid(1));
        assertEquals(TypeOids.INT8, registry.inferOid(1L));
        assertEquals(TypeOids.INT2, registry.inferOid((short) 1));
        assertEquals(0, registry.inferOid("text"), "strings are sent untyped, as text");
        assertEquals(TypeOids.NUMERIC, registry.inferOid(BigDecimal.ONE));
        assertEquals(TypeOids.NUMERIC, registry.inferOid(BigInteger.ONE));
        assertEquals(TypeOids.BOOL, registry.inferOid(true));
        assertEquals(TypeOids.BYTEA, registry.inferOid(new byte[0]));
        assertEquals(TypeOids.UUID, registry.inferOid(UUID.randomUUID()));
        assertEquals(TypeOids.DATE, registry.inferOid(LocalDate.now()));
        assertEquals(TypeOids.TIMESTAMP, registry.inferOid(LocalDateTime.now()));
        assertEquals(TypeOids.TIMESTAMPTZ, registry.inferOid(OffsetDateTime.now()));
        assertEquals(TypeOids.TIMESTAMPTZ, registry.inferOid(Instant.now()));
        assertEquals(TypeOids.TIME, registry.inferOid(LocalTime.NOON));
        assertEquals(TypeOids.TIMETZ, registry.inferOid(OffsetTime.now()));
        assertEquals(TypeOids.INTERVAL, registry.inferOid(Duration.ZERO));
        assertEquals(TypeOids.INTERVAL, registry.inferOid(PgInterval.ZERO));
        assertEquals(TypeOids.FLOAT8, registry.inferOid(1.0));
        assertEquals(TypeOids.FLOAT4, registry.inferOid(1.0f));
        assertEquals(TypeOids.INT4_ARRAY, registry.inferOid(new int[] {1}));
        assertEquals(TypeOids.INT8_ARRAY, registry.inferOid(new long[0]));
        assertEquals(TypeOids.TEXT_ARRAY, registry.inferOid(new String[] {"a"}));
        assertEquals(TypeOids.TEXT_ARRAY, registry.inferOid(List.of("a", "b")));
        assertEquals(TypeOids.INT4_ARRAY, registry.inferOid(Arrays.asList(null, 2)));
        assertEquals(TypeOids.INT4_ARRAY, registry.inferOid(new Integer[0]));
        assertEquals(TypeOids.INT8_ARRAY, registry.inferOid(List.of(List.of(1L), List.of(2L))));
        assertEquals(TypeOids.BYTEA_ARRAY, registry.inferOid(new byte[][] {{1}}));
        assertEquals(TypeOids.INET, registry.inferOid(InetAddress.getByName("127.0.0.1")));
        assertEquals(TypeOids.INT4RANGE, registry.inferOid(PgRange.closedOpen(1, 2)));
        assertEquals(TypeOids.DATERANGE, registry.inferOid(PgRange.closedOpen(LocalDate.MIN, null)));
        assertEquals(TypeOids.INT4_ARRAY, registry.inferOid(PgArray.oneDimensional(0, 0, 1, 2)));
        assertEquals(0, registry.inferOid(null));
        assertEquals(0, registry.inferOid(new ArrayList<>()));
        assertThrows(PgInterfaceException.class, () -> registry.inferOid(Map.of("a", "b")),
                "hstore is inferred only once registered");
        assertThrows(PgInterfaceException.class, () -> registry.inferOid(new Object()));
    }

    @Test
    void untypedValuesTravelAsText() {
        Codec c = registry.codecForValue("2024-01-01");
        assertEquals(Codec.TEXT, c.parameterFormat());
        assertEquals("2024-01-01", new String(encode(c, "2024-01-01", ctx), StandardCharsets.UTF_8));
        Codec empty = registry.codecForValue(List.of());
        assertEquals("{}", new String(encode(empty, List.of(), ctx), StandardCharsets.UTF_8));
        Codec nulls = registry.codecForValue(Arrays.asList(null, null));
        assertEquals("{NULL,NULL}", new String(encode(nulls, Arrays.asList(null, null), ctx), StandardCharsets.UTF_8));
        assertSame(registry.codec(TypeOids.INT4), registry.codecForValue(5));
        Codec declared = registry.parameterCodec(TypeOids.DATE, "2024-01-01");
        assertEquals(Codec.TEXT, declared.parameterFormat());
        assertEquals(TypeOids.DATE, declared.oid());
        assertSame(registry.codec(TypeOids.DATE), registry.parameterCodec(TypeOids.DATE, LocalDate.now()));
        assertThrows(PgInterfaceException.class, () -> registry.parameterCodec(TypeOids.DATE, 5));
    }

    @Test
    void arrayElementLinksAndLookups() {
        assertEquals(TypeOids.INT4, registry.elementOf(TypeOids.INT4_ARRAY));
        assertEquals(TypeOids.INT4_ARRAY, registry.arrayOf(TypeOids.INT4));
        assertEquals(TypeOids.TEXT_ARRAY, TypeOids.arrayOf(TypeOids.TEXT));
        assertEquals("int4", TypeOids.name(TypeOids.INT4));
        assertEquals("oid 99999", TypeOids.name(99999));
        assertNotNull(registry.byName("int4[]"));
        assertTrue(registry.hasBinaryCodec(TypeOids.RECORD_ARRAY));
        assertFalse(registry.hasBinaryCodec(123456));
        assertEquals(Codec.TEXT, registry.codecOrText(123456).format());
        CodecRegistry copy = registry.copy();
        copy.register(new TextCodecs.TextFormatCodec(TypeOids.INT4, "int4"));
        assertFalse(copy.hasBinaryCodec(TypeOids.INT4));
        assertFalse(copy.hasBinaryCodec(TypeOids.INT4_ARRAY), "arrays follow their element's format");
        assertTrue(registry.hasBinaryCodec(TypeOids.INT4), "the original registry is untouched");
    }

    @Test
    void userCodecsOfEveryFormat() {
        record Money(long cents) {
        }
        CodecRegistry r = registry.copy();
        r.register(UserCodecs.text(TypeOids.MONEY, "money", Money.class,
                TextTypeCodec.of(m -> Long.toString(m.cents()), s -> new Money(Long.parseLong(s)))));
        Codec text = r.codec(TypeOids.MONEY);
        assertEquals(Codec.TEXT, text.format());
        assertEquals(new Money(5), text.decode("5".getBytes(StandardCharsets.UTF_8), 0, 1, ctx));
        assertEquals("7", new String(encode(text, new Money(7), ctx), StandardCharsets.UTF_8));
        assertThrows(PgInterfaceException.class, () -> encode(text, "x", ctx));

        r.register(UserCodecs.binary(TypeOids.INT4, "int4", String.class,
                BinaryTypeCodec.of(s -> new byte[] {0, 0, 0, (byte) s.length()}, b -> "len" + b[3])));
        assertEquals("len3", decode(r.codec(TypeOids.INT4), new byte[] {0, 0, 0, 3}, ctx));

        record Iv(int months, int days, long micros) {
        }
        r.register(UserCodecs.tuple(registry.codec(TypeOids.INTERVAL), Iv.class, TupleTypeCodec.of(
                v -> new Object[] {v.months(), v.days(), v.micros()},
                t -> new Iv((Integer) t[0], (Integer) t[1], (Long) t[2]))));
        byte[] bytes = encode(registry.codec(TypeOids.INTERVAL), new PgInterval(1, 2, 3), ctx);
        assertEquals(new Iv(1, 2, 3), decode(r.codec(TypeOids.INTERVAL), bytes, ctx));
        assertArrayEquals(bytes, encode(r.codec(TypeOids.INTERVAL), new Iv(1, 2, 3), ctx));
        assertThrows(PgInterfaceException.class, () -> UserCodecs.tuple(registry.codec(TypeOids.TEXT), Iv.class,
                TupleTypeCodec.of(v -> new Object[0], t -> null)));
    }

    @Test
    void primitiveFastPaths() {
        byte[] b = {0, 0, 0, 0, 0, 0, 1, 0, (byte) 0xff, (byte) 0xff};
        assertEquals(256, BinaryPrimitives.int4(b, 4));
        assertEquals(256L, BinaryPrimitives.asLong(TypeOids.INT4, b, 4, 4));
        assertEquals(-1, BinaryPrimitives.int2(b, 8));
        assertEquals(65535L, BinaryPrimitives.asLong(TypeOids.OID, new byte[] {0, 0, (byte) 0xff, (byte) 0xff}, 0, 4));
        assertEquals(-1, BinaryPrimitives.asInt(TypeOids.INT2, b, 8, 2));
        assertThrows(PgInterfaceException.class, () -> BinaryPrimitives.asLong(TypeOids.TEXT, b, 0, 4));
        assertThrows(PgInterfaceException.class, () -> BinaryPrimitives.asInt(TypeOids.INT8,
                new byte[] {0, 0, 0, 1, 0, 0, 0, 0}, 0, 8));
        assertThrows(io.pgjet.PgProtocolException.class, () -> BinaryPrimitives.asLong(TypeOids.INT4, b, 0, 3));
        assertEquals(256.0, BinaryPrimitives.asDouble(TypeOids.INT4, b, 4, 4));
        assertTrue(BinaryPrimitives.asBoolean(TypeOids.BOOL, new byte[] {1}, 0, 1));
        assertThrows(PgInterfaceException.class, () -> BinaryPrimitives.asBoolean(TypeOids.INT4, b, 0, 4));
        assertEquals(1.5f, BinaryPrimitives.float4(encode(registry.codec(TypeOids.FLOAT4), 1.5f, ctx), 0));
    }

    @Test
    void errorsNameTheJavaClassAndType() {
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> encode(registry.codec(TypeOids.INT4), new StringBuilder("1"), ctx));
        assertEquals("cannot encode java.lang.StringBuilder as int4", e.getMessage());
        e = assertThrows(PgInterfaceException.class, () -> encode(registry.codec(TypeOids.INT2), 40000, ctx));
        assertTrue(e.getMessage().contains("int2"), e.getMessage());
        e = assertThrows(PgInterfaceException.class,
                () -> decode(registry.codec(TypeOids.INT4), new byte[4], LocalDate.class, ctx));
        assertEquals("cannot decode int4 as java.time.LocalDate", e.getMessage());
        assertThrows(io.pgjet.PgProtocolException.class, () -> decode(registry.codec(TypeOids.INT4), new byte[3], ctx));
        assertThrows(io.pgjet.PgProtocolException.class, () -> decode(registry.codec(TypeOids.INT4_ARRAY),
                new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 23, 0x7f, 0, 0, 0, 0, 0, 0, 1}, ctx));
        assertEquals(5, decode(registry.codec(TypeOids.INT8), new byte[] {0, 0, 0, 0, 0, 0, 0, 5}, int.class, ctx));
        assertThrows(PgInterfaceException.class, () -> decode(registry.codec(TypeOids.INT8),
                new byte[] {0, 0, 0, 1, 0, 0, 0, 0}, Integer.class, ctx));
    }
}
