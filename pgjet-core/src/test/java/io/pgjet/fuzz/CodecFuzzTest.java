package io.pgjet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgProtocolException;
import io.pgjet.internal.types.BinaryPrimitives;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.internal.types.CodecRegistry;
import io.pgjet.internal.types.FuzzCodecs;
import io.pgjet.types.OutdatedSchemaCacheException;
import io.pgjet.types.PgArray;
import io.pgjet.types.PgBitString;
import io.pgjet.types.PgBox;
import io.pgjet.types.PgCidr;
import io.pgjet.types.PgCircle;
import io.pgjet.types.PgInet;
import io.pgjet.types.PgInterval;
import io.pgjet.types.PgLine;
import io.pgjet.types.PgLineSegment;
import io.pgjet.types.PgLsn;
import io.pgjet.types.PgMacAddr;
import io.pgjet.types.PgMultirange;
import io.pgjet.types.PgPath;
import io.pgjet.types.PgPoint;
import io.pgjet.types.PgPolygon;
import io.pgjet.types.PgRange;
import io.pgjet.types.PgRecord;
import io.pgjet.types.PgSnapshot;
import io.pgjet.types.PgTid;
import io.pgjet.types.PgTsQuery;
import io.pgjet.types.PgTsVector;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jazzer fuzz target for every binary decoder PgJet has: the built-in codecs (each scalar type,
 * its array type, ranges, multiranges, {@code record}, int2vector/oidvector) and one codec of each
 * kind introspection builds for user and extension types (hstore, ltree, enum, composite, nested
 * composite, domains, their arrays), see {@link FuzzCodecs}.
 *
 * <p>Input layout, so a committed input keeps selecting the same decoder:
 * <ul>
 *   <li>bytes 0–3: a type OID, big-endian; an OID without a codec selects
 *       {@code codecs[oid mod count]};</li>
 *   <li>byte 4: what to decode into, see {@link #decodeOne};</li>
 *   <li>the rest: the value's bytes, as a DataRow column would carry them. They end the array,
 *       so a decoder reading past the value's length fails instead of reading a neighbour.</li>
 * </ul>
 *
 * <p>Malformed bytes may throw only {@link PgProtocolException} (and
 * {@link OutdatedSchemaCacheException} for a composite whose attributes differ from its
 * description, the documented sign of an altered type); a requested Java class the codec
 * cannot produce, a value that does not fit it (an xid8 above {@code Long.MAX_VALUE} as Long) or
 * a nested type without a binary codec only {@link PgInterfaceException}. Anything
 * else (an IndexOutOfBounds, NegativeArraySize or IllegalArgument exception, an
 * OutOfMemoryError from a length header believed before it was checked against the bytes) is a
 * finding. The live run (.ci/fuzz) uses a 256 MB heap.
 */
class CodecFuzzTest {
    /** Where the value starts in the input. */
    static final int HEADER = 5;

    private static final CodecRegistry REGISTRY = FuzzCodecs.registry();
    private static final List<Codec> CODECS = FuzzCodecs.codecs();
    private static final CodecContext CONTEXT = CodecContext.defaults(REGISTRY)
            .withTimeZone(ZoneId.of("Europe/Paris"));

    /** A record whose components match the test composite {@code item}. */
    record Item(int id, String name, List<String> tags, BigDecimal amount) {}

    /** An enum whose constants match the test enum {@code color}'s labels. */
    enum Color { RED, green }

    /** Targets selected by byte 4 from {@value #FIRST_TARGET} on; append only. */
    static final Class<?>[] TARGETS = {
        Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class, Boolean.class,
        Character.class, BigDecimal.class, BigInteger.class, Number.class, CharSequence.class, byte[].class,
        ByteBuffer.class, InputStream.class, UUID.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
        OffsetTime.class, OffsetDateTime.class, ZonedDateTime.class, Instant.class, Duration.class, Period.class,
        InetAddress.class, Map.class, List.class, Collection.class, Object[].class, String[].class,
        Integer[].class, int[].class, long[].class, short[].class, double[].class, float[].class, boolean[].class,
        int[][].class, Object[][].class, LocalDate[].class, PgArray.class, PgBitString.class, PgBox.class,
        PgCidr.class, PgCircle.class, PgInet.class, PgInterval.class, PgLine.class, PgLineSegment.class,
        PgLsn.class, PgMacAddr.class, PgMultirange.class, PgPath.class, PgPoint.class, PgPolygon.class,
        PgRange.class, PgRecord.class, PgSnapshot.class, PgTid.class, PgTsQuery.class, PgTsVector.class,
        Item.class, Color.class, Item[].class, Map[].class,
    };

    /** The first value of byte 4 that selects from {@link #TARGETS}. */
    static final int FIRST_TARGET = 7;

    @FuzzTest(maxDuration = "60s")
    void binaryDecoder(byte[] input) {
        if (input.length < HEADER) {
            return;
        }
        int oid = ((input[0] & 0xff) << 24) | ((input[1] & 0xff) << 16) | ((input[2] & 0xff) << 8) | (input[3] & 0xff);
        Codec codec = REGISTRY.codec(oid);
        if (codec == null) {
            codec = CODECS.get(Integer.remainderUnsigned(oid, CODECS.size()));
        }
        int mode = input[4] & 0xff;
        try {
            Object v = decodeOne(codec, mode, input, HEADER, input.length - HEADER);
            String.valueOf(v);
        } catch (PgProtocolException expected) {
            // malformed bytes: the documented answer
        } catch (OutdatedSchemaCacheException expected) {
            // a composite whose attributes differ from its description: documented, any mode
        } catch (PgInterfaceException expected) {
            // a value the requested (or default) Java type cannot hold, such as an xid8 above
            // Long.MAX_VALUE, or a nested type without a binary codec: documented
        }
    }

    /**
     * Decodes one value.
     *
     * @param mode 0: the default Java type; 1: text form; 2–5: the primitive readers
     *     (long, int, double, boolean); 6: the composite shape check; from {@value #FIRST_TARGET}:
     *     {@code TARGETS[(mode - FIRST_TARGET) % TARGETS.length]}
     */
    static Object decodeOne(Codec codec, int mode, byte[] buf, int off, int len) {
        switch (mode) {
            case 0:
                return codec.decode(buf, off, len, CONTEXT);
            case 1:
                return codec.decodeText(buf, off, len, CONTEXT);
            case 2:
                return BinaryPrimitives.asLong(codec.oid(), buf, off, len);
            case 3:
                return BinaryPrimitives.asInt(codec.oid(), buf, off, len);
            case 4:
                return BinaryPrimitives.asDouble(codec.oid(), buf, off, len);
            case 5:
                return BinaryPrimitives.asBoolean(codec.oid(), buf, off, len);
            case 6:
                ByteBuf b = Unpooled.wrappedBuffer(buf);
                try {
                    return codec.hasShape(REGISTRY) ? codec.outdatedDescription(b, off, len, REGISTRY) : null;
                } finally {
                    b.release();
                }
            default:
                Class<?> target = TARGETS[(mode - FIRST_TARGET) % TARGETS.length];
                return codec.decode(buf, off, len, target, CONTEXT);
        }
    }
}
