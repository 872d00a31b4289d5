package io.pgjet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.internal.types.CodecRegistry;
import io.pgjet.internal.types.FuzzCodecs;
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
import io.pgjet.types.PgSnapshot;
import io.pgjet.types.PgTid;
import io.pgjet.types.PgTsVector;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the seed corpus of {@link CodecFuzzTest#binaryDecoder} complete: every fuzzed codec has
 * at least one committed valid encoding to start mutating from, made by the codec's own encoder
 * from sample values (and by hand for {@code record}, which PgJet cannot encode).
 *
 * <p>Regenerate after adding a codec: {@code -Dtest=CodecFuzzSeedsTest -Dpgjet.fuzz.writeSeeds=true}.
 */
class CodecFuzzSeedsTest {
    static final Path DIR = Path.of("src/test/resources/io/pgjet/fuzz/CodecFuzzTestInputs/binaryDecoder");

    private static final CodecRegistry REGISTRY = FuzzCodecs.registry();
    private static final CodecContext CONTEXT = CodecContext.defaults(REGISTRY);

    @Test
    void everyFuzzedCodecHasACommittedSeedInput() throws Exception {
        Map<String, byte[]> seeds = seeds();
        if (Boolean.getBoolean("pgjet.fuzz.writeSeeds")) {
            Files.createDirectories(DIR);
            for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
                Files.write(DIR.resolve(e.getKey()), e.getValue());
            }
        }
        Set<Integer> seeded = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                byte[] b = Files.readAllBytes(f);
                if (b.length >= CodecFuzzTest.HEADER) {
                    seeded.add(((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Codec c : FuzzCodecs.codecs()) {
            if (!seeded.contains(c.oid())) {
                missing.add(c.typeName() + "/" + c.oid());
            }
        }
        assertEquals(List.of(), missing, "codecs without a seed in " + DIR + " (regenerate: see the class Javadoc)");
        assertTrue(seeded.size() >= 150, "only " + seeded.size() + " codecs seeded");
    }

    /** Returns valid inputs, by file name: up to two per codec, decoded as default type and as text. */
    static Map<String, byte[]> seeds() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<Object> scalars = scalars();
        for (Codec c : FuzzCodecs.codecs()) {
            byte[] handMade = handMade(c.oid());
            if (handMade != null) {
                out.put(name(c, 0), input(c.oid(), 0, handMade));
                out.put(name(c, 1), input(c.oid(), 1, handMade));
                continue;
            }
            int n = 0;
            for (Object v : candidates(c, scalars)) {
                byte[] bytes = encode(c, v);
                if (bytes == null) {
                    continue;
                }
                out.put(name(c, n), input(c.oid(), n, bytes));
                if (++n == 2) {
                    break;
                }
            }
        }
        return out;
    }

    private static String name(Codec c, int n) {
        return c.typeName().replaceAll("[^A-Za-z0-9_]", "_").replace("__", "_array") + "-" + c.oid() + "-" + n;
    }

    private static byte[] input(int oid, int mode, byte[] value) {
        byte[] b = new byte[CodecFuzzTest.HEADER + value.length];
        b[0] = (byte) (oid >>> 24);
        b[1] = (byte) (oid >>> 16);
        b[2] = (byte) (oid >>> 8);
        b[3] = (byte) oid;
        b[4] = (byte) mode;
        System.arraycopy(value, 0, b, CodecFuzzTest.HEADER, value.length);
        return b;
    }

    /** Encodes a value, or returns null when the codec does not take it in binary or cannot read it back. */
    private static byte[] encode(Codec c, Object v) {
        if (c.format() != Codec.BINARY || c.parameterFormat() != Codec.BINARY || !c.canEncode(v.getClass(), REGISTRY)) {
            return null;
        }
        ByteBuf buf = Unpooled.buffer();
        try {
            c.encode(v, buf, CONTEXT);
            byte[] bytes = ByteBufUtil.getBytes(buf);
            c.decode(bytes, 0, bytes.length, CONTEXT);
            return bytes;
        } catch (RuntimeException notThisOne) {
            return null;
        } finally {
            buf.release();
        }
    }

    private static List<Object> candidates(Codec c, List<Object> scalars) {
        int element = REGISTRY.elementOf(c.oid());
        List<Object> out = new ArrayList<>();
        if (element != 0) {
            Codec e = REGISTRY.codec(element);
            for (Object v : candidates(e, scalars)) {
                if (encode(e, v) != null) {
                    out.add(PgArray.oneDimensional(element, 1, v, null, v));
                    out.add(PgArray.of(element, new int[] {2, 1}, new int[] {0, 1}, new Object[] {v, v}));
                }
            }
            return out;
        }
        out.addAll(scalars);
        for (Object v : scalars) {
            out.add(PgRange.of(v, true, null, false));
            out.add(PgRange.closedOpen(v, v));
        }
        for (Object v : scalars) {
            out.add(PgMultirange.of(PgRange.of(v, true, null, false), PgRange.of(null, false, v, true)));
        }
        out.add(PgRange.empty());
        return out;
    }

    private static List<Object> scalars() throws Exception {
        PgPoint p = new PgPoint(1.5, -2);
        PgPoint q = new PgPoint(3, 4.25);
        Map<String, String> hstore = new LinkedHashMap<>();
        hstore.put("k", "v");
        hstore.put("nothing", null);
        return List.of(true, (short) 7, 42, 123_456_789_012L, 3.5f, 2.25, new BigDecimal("-1234.5678"),
                new BigDecimal("1e30"), "red", "a.b.c", "{\"a\": [1, 2.5, null]}", 'x', new byte[] {1, 2, 3},
                UUID.fromString("0b9a4a6e-8e5c-4e8b-9d3a-2f1e0c6b7a59"), LocalDate.of(2026, 12, 3),
                LocalDate.of(-4713, 11, 24), LocalTime.of(23, 59, 59, 999_999_000),
                OffsetTime.of(12, 30, 0, 0, ZoneOffset.ofHours(-5)), LocalDateTime.of(2000, 1, 1, 0, 0),
                OffsetDateTime.of(2026, 12, 3, 18, 0, 0, 123_000, ZoneOffset.UTC), new PgInterval(14, -3, 86_400_000_001L),
                InetAddress.getByName("192.168.0.1"), new PgInet(InetAddress.getByName("2001:db8::1"), 64),
                new PgCidr(InetAddress.getByName("10.0.0.0"), 8),
                PgMacAddr.of(new byte[] {0, 0x1b, 0x21, 0x3c, 0x4d, 0x5e}),
                PgMacAddr.of(new byte[] {0, 0x1b, 0x21, 0x3c, 0x4d, 0x5e, 0x6f, 0x70}), PgBitString.parse("1011001"),
                p, new PgLine(1, -1, 0.5), new PgLineSegment(p, q), PgBox.of(p, q), new PgPath(List.of(p, q, p), true),
                new PgPolygon(List.of(p, q, new PgPoint(0, 0))), new PgCircle(p, 2), new PgLsn(0x16B3748L),
                new PgTid(12, 3), new PgSnapshot(10, 20, List.of(12L, 15L)),
                new PgTsVector(List.of(new PgTsVector.Lexeme("cat", List.of(new PgTsVector.Position(3, 'A'))),
                        new PgTsVector.Lexeme("sat", List.of()))),
                hstore, new CodecFuzzTest.Item(1, "widget", List.of("a", "b"), new BigDecimal("9.99")));
    }

    /**
     * Returns the bytes of a value PgJet cannot encode itself (record; int2vector and oidvector,
     * sent as arrays; tsquery, sent as text), and arrays of them; null for the others.
     */
    private static byte[] handMade(int oid) {
        switch (oid) {
            case 2249: // record: (int4 42, text 'hi', NULL unknown)
                return bytes(b -> {
                    b.writeInt(3);
                    b.writeInt(23).writeInt(4).writeInt(42);
                    b.writeInt(25).writeInt(2).writeBytes("hi".getBytes(StandardCharsets.UTF_8));
                    b.writeInt(705).writeInt(-1);
                });
            case 22: // int2vector '1 2 3': a one-dimensional array with lower bound 0, no NULLs
                return vector(21, 2, 1, 2, 3);
            case 30: // oidvector '23 25'
                return vector(26, 4, 23, 25);
            case 3615: // tsquery 'cat' & !'dog':*A, in prefix order with the right operand first
                return bytes(b -> {
                    b.writeInt(4);
                    b.writeByte(2).writeByte(2);
                    b.writeByte(2).writeByte(1);
                    b.writeByte(1).writeByte(8).writeByte(1).writeBytes("dog\0".getBytes(StandardCharsets.UTF_8));
                    b.writeByte(1).writeByte(0).writeByte(0).writeBytes("cat\0".getBytes(StandardCharsets.UTF_8));
                });
            case 1006:
                return arrayOf(22, handMade(22));
            case 1013:
                return arrayOf(30, handMade(30));
            case 2287:
                return arrayOf(2249, handMade(2249));
            case 3645:
                return arrayOf(3615, handMade(3615));
            default:
                return null;
        }
    }

    private static byte[] vector(int elementOid, int size, int... values) {
        return bytes(b -> {
            b.writeInt(1).writeInt(0).writeInt(elementOid).writeInt(values.length).writeInt(0);
            for (int v : values) {
                b.writeInt(size);
                if (size == 2) {
                    b.writeShort(v);
                } else {
                    b.writeInt(v);
                }
            }
        });
    }

    /** A one-dimensional array of two copies of {@code element} and a NULL. */
    private static byte[] arrayOf(int elementOid, byte[] element) {
        return bytes(b -> {
            b.writeInt(1).writeInt(1).writeInt(elementOid).writeInt(3).writeInt(1);
            b.writeInt(element.length).writeBytes(element);
            b.writeInt(-1);
            b.writeInt(element.length).writeBytes(element);
        });
    }

    private static byte[] bytes(java.util.function.Consumer<ByteBuf> writer) {
        ByteBuf b = Unpooled.buffer();
        try {
            writer.accept(b);
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }
}
