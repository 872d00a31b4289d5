package io.pgjet.internal.types;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.pgjet.PgProtocolException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for what fuzzing the binary decoders found (io.pgjet.fuzz.CodecFuzzTest):
 * bytes no server sends must be refused with {@link PgProtocolException}, never an index,
 * argument or arithmetic exception, a read past the value into the next column, or a wrong
 * value.
 */
class MalformedBinaryValuesTest {
    private static final CodecRegistry REGISTRY = FuzzCodecs.registry();
    private static final CodecContext CTX = CodecContext.defaults(REGISTRY);

    private static byte[] bytes(Consumer<ByteBuf> writer) {
        ByteBuf b = Unpooled.buffer();
        try {
            writer.accept(b);
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    private static void assertMalformed(int oid, byte[] value) {
        Codec c = REGISTRY.codec(oid);
        assertThrows(PgProtocolException.class, () -> c.decode(value, 0, value.length, CTX), "decode");
    }

    private static void assertMalformedText(int oid, byte[] value) {
        Codec c = REGISTRY.codec(oid);
        assertThrows(PgProtocolException.class, () -> c.decodeText(value, 0, value.length, CTX), "decodeText");
    }

    /** Four dimensions of 2^16 multiply to 2^64, which wrapped to 0: the array decoded as empty. */
    @Test
    void arrayWhoseDimensionsOverflowTheElementCountIsRefused() {
        byte[] v = bytes(b -> {
            b.writeInt(4).writeInt(0).writeInt(TypeOids.INT4);
            for (int d = 0; d < 4; d++) {
                b.writeInt(1 << 16).writeInt(1);
            }
        });
        assertMalformed(TypeOids.INT4_ARRAY, v);
        assertMalformedText(TypeOids.INT4_ARRAY, v);
    }

    /** The text form read element lengths unchecked: past the value, then past the array. */
    @Test
    void arrayTextWithAnElementLongerThanTheValueIsRefused() {
        byte[] v = bytes(b -> b.writeInt(1).writeInt(0).writeInt(TypeOids.TEXT).writeInt(1).writeInt(1)
                .writeInt(100).writeInt(0x41414141));
        assertMalformedText(TypeOids.TEXT_ARRAY, v);
        byte[] truncated = bytes(b -> b.writeInt(1).writeInt(0).writeInt(TypeOids.TEXT).writeInt(2).writeInt(1)
                .writeInt(1).writeByte('a'));
        assertMalformedText(TypeOids.TEXT_ARRAY, truncated);
        byte[] trailing = bytes(b -> b.writeInt(1).writeInt(0).writeInt(TypeOids.TEXT).writeInt(1).writeInt(1)
                .writeInt(1).writeByte('a').writeByte('b'));
        assertMalformedText(TypeOids.TEXT_ARRAY, trailing);
    }

    /** An element type no codec knows, other than the array's own, was reported as a client limitation. */
    @Test
    void arrayNamingAForeignElementTypeIsRefused() {
        byte[] v = bytes(b -> b.writeInt(1).writeInt(0).writeInt(0x01000000).writeInt(1).writeInt(1)
                .writeInt(4).writeInt(7));
        assertMalformed(TypeOids.INT4_ARRAY, v);
    }

    /** A NULL element in an array whose header says it has none reached Array.set (IllegalArgumentException). */
    @Test
    void primitiveArrayWithAnUnflaggedNullIsRefused() {
        // two elements, 7 and NULL: not the fixed-size fast path, so each element is decoded boxed
        byte[] v = bytes(b -> b.writeInt(1).writeInt(0).writeInt(TypeOids.INT4).writeInt(2).writeInt(1)
                .writeInt(4).writeInt(7).writeInt(-1));
        Codec c = REGISTRY.codec(TypeOids.INT4_ARRAY);
        assertThrows(PgProtocolException.class, () -> c.decode(v, 0, v.length, int[].class, CTX));
    }

    /** The record text form walked fields without checking a length against the value. */
    @Test
    void recordTextWithAFieldLongerThanTheValueIsRefused() {
        byte[] v = bytes(b -> b.writeInt(1).writeInt(TypeOids.TEXT).writeInt(100).writeByte('a'));
        assertMalformedText(TypeOids.RECORD, v);
        byte[] tooShort = bytes(b -> b.writeShort(1));
        assertMalformedText(TypeOids.RECORD, tooShort);
    }

    /** A length near Integer.MAX_VALUE overflowed {@code p + 4 + l} and passed the bounds check. */
    @Test
    void lengthsNearIntegerMaxAreRefusedInMultirangesRangesHstoreAndComposites() {
        assertMalformedText(TypeOids.INT4MULTIRANGE, bytes(b -> b.writeInt(1).writeInt(Integer.MAX_VALUE).writeByte(1)));
        assertMalformed(TypeOids.INT4MULTIRANGE, bytes(b -> b.writeInt(1).writeInt(Integer.MAX_VALUE).writeByte(1)));
        // int4range with both bounds present (flags 0x02: lower inclusive)
        assertMalformedText(TypeOids.TSRANGE, bytes(b -> b.writeByte(0x02).writeInt(Integer.MAX_VALUE - 2).writeLong(0)));
        assertMalformed(FuzzCodecs.HSTORE, bytes(b -> b.writeInt(1).writeInt(Integer.MAX_VALUE - 3).writeInt(0)));
        assertMalformed(TypeOids.RECORD, bytes(b -> b.writeInt(1).writeInt(TypeOids.BYTEA)
                .writeInt(Integer.MAX_VALUE - 7).writeInt(0)));
    }

    /** A timestamp beyond PostgreSQL's range overflowed Math.multiplyExact in the text form. */
    @Test
    void timestampOutsidePostgresqlsRangeIsRefused() {
        byte[] v = bytes(b -> b.writeLong(Long.MIN_VALUE + 255));
        assertMalformed(TypeOids.TIMESTAMP, v);
        assertMalformedText(TypeOids.TIMESTAMP, v);
        assertMalformed(TypeOids.TIMESTAMPTZ, v);
        assertMalformedText(TypeOids.TIMESTAMPTZ, bytes(b -> b.writeLong(PgTime.END_TIMESTAMP)));
    }

    /** The time text form printed a negative time of day instead of refusing it. */
    @Test
    void timeTextOutsideTheDayIsRefused() {
        assertMalformedText(TypeOids.TIME, bytes(b -> b.writeLong(-1)));
        assertMalformedText(TypeOids.TIME, bytes(b -> b.writeLong(PgTime.MICROS_PER_DAY + 1)));
    }

    /** A record field of type record, nested n deep: 12 bytes per level, written outside in. */
    private static byte[] nestedRecord(int levels) {
        return bytes(b -> {
            for (int i = 0; i < levels; i++) {
                b.writeInt(1).writeInt(TypeOids.RECORD).writeInt(4 + 12 * (levels - 1 - i));
            }
            b.writeInt(0);
        });
    }

    /** A one-element int4[] whose header names int4[] as its element type, nested n deep. */
    private static byte[] nestedArray(int levels) {
        int innermost = 20 + 8;
        return bytes(b -> {
            for (int i = 0; i < levels; i++) {
                b.writeInt(1).writeInt(0).writeInt(TypeOids.INT4_ARRAY).writeInt(1).writeInt(1)
                        .writeInt(innermost + 24 * (levels - 1 - i));
            }
            b.writeInt(1).writeInt(0).writeInt(TypeOids.INT4).writeInt(1).writeInt(1).writeInt(4).writeInt(7);
        });
    }

    /** A tsquery of n nested NOT operators around one operand: 2 bytes per level. */
    private static byte[] nestedTsQuery(int levels) {
        return bytes(b -> {
            b.writeInt(levels + 1);
            for (int i = 0; i < levels; i++) {
                b.writeByte(2).writeByte(1);
            }
            b.writeByte(1).writeByte(0).writeByte(0).writeByte('x').writeByte(0);
        });
    }

    /** Values nested a few thousand levels deep (a few kilobytes) overflowed the stack. */
    @Test
    void valuesNestedThousandsOfLevelsDeepAreRefusedNotAStackOverflow() {
        assertMalformed(TypeOids.RECORD, nestedRecord(5_000));
        assertMalformedText(TypeOids.RECORD, nestedRecord(5_000));
        assertMalformed(TypeOids.INT4_ARRAY, nestedArray(5_000));
        assertMalformedText(TypeOids.INT4_ARRAY, nestedArray(5_000));
        assertMalformed(TypeOids.TSQUERY, nestedTsQuery(20_000));
        // shallow nesting still decodes, and the depth count is back to zero after a refusal
        byte[] record = nestedRecord(50);
        REGISTRY.codec(TypeOids.RECORD).decode(record, 0, record.length, CTX);
        byte[] array = nestedArray(50);
        REGISTRY.codec(TypeOids.INT4_ARRAY).decode(array, 0, array.length, CTX);
        byte[] query = nestedTsQuery(500);
        org.junit.jupiter.api.Assertions.assertEquals(503,
                ((io.pgjet.types.PgTsQuery) REGISTRY.codec(TypeOids.TSQUERY).decode(query, 0, query.length, CTX))
                        .text().length());
    }
}
