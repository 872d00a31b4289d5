package io.pgjet.internal.types;

import static io.pgjet.internal.types.CodecAssertions.checkAll;
import static io.pgjet.internal.types.CodecAssertions.decode;
import static io.pgjet.internal.types.CodecAssertions.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgArray;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Arrays of built-in types: shapes, NULLs, bounds, primitive fast paths, big arrays. */
class ArrayCodecServerTest {
    private static final long SEED = 0x5eed_0005L;
    private static final CodecRegistry REGISTRY = CodecRegistry.withBuiltins();
    private static final CodecContext CTX = CodecContext.defaults(REGISTRY);
    @RegisterExtension
    static final ServerVectorsExtension SERVER = new ServerVectorsExtension();

    private static Codec codec(int oid) {
        return REGISTRY.codec(oid);
    }

    @Test
    void arraysOfManyTypesRoundTripWithText() {
        String[][] cases = {
            {"int4[]", "{1,NULL,3}"}, {"int4[]", "{}"}, {"int8[]", "{{1,2},{3,4}}"}, {"int2[]", "[0:2]={7,8,9}"},
            {"text[]", "{\"\",NULL,\"null\",\"a,b\",\"q\\\"uote\",\"back\\\\slash\",\"{}\",\" sp\",😀}"},
            {"varchar[]", "{a,b}"}, {"bool[]", "{t,f,NULL}"}, {"float8[]", "{NaN,-Infinity,-0,1.5}"},
            {"float4[]", "{1.5,NULL}"}, {"numeric[]", "{1.50,NaN,-0.001}"}, {"bytea[]", "{\"\\\\x00ff\",NULL}"},
            {"uuid[]", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"}, {"date[]", "{2024-02-29,infinity,\"0001-01-01 BC\"}"},
            {"timestamp[]", "{\"2024-01-01 10:00:00\"}"}, {"timestamptz[]", "{\"2024-01-01 10:00:00+00\"}"},
            {"interval[]", "{\"1 day\",\"-00:00:01\"}"}, {"jsonb[]", "{\"{\\\"a\\\": 1}\",\"[]\"}"},
            {"inet[]", "{::1,10.0.0.0/8}"}, {"box[]", "{(1,2),(0,0);(3,4),(1,1)}"}, {"point[]", "{\"(1,2)\"}"},
            {"money[]", "{1.50}"}, {"int4range[]", "{\"[1,5)\",empty}"}, {"\"char\"[]", "{a,b}"},
            {"oid[]", "{1,4294967295}"}, {"tsvector[]", "{\"'a' 'b':1\"}"}, {"int4[]", "[-5:-4][3:4]={{1,2},{3,4}}"},
            {"int4[]", "{{{{{{1,2}}}}},{{{{{3,4}}}}}}"}, {"text[]", "{{a,NULL},{\"\",\"NULL\"}}"},
            {"int2vector", "1 2 3"}, {"oidvector", "4 5"}, {"int4[]", "{NULL}"},
        };
        for (String[] c : cases) {
            int oid = SERVER.get().oid(c[0]);
            checkAll(codec(oid), SERVER.get().vectors(c[0], List.of(c[1])), CTX,
                    !c[1].startsWith("[") && !c[0].equals("box[]"), c[0]);
        }
        byte[] bounds = SERVER.get().expression("int4[]", "'[0:2]={7,8,9}'").bytes();
        PgArray a = decode(codec(TypeOids.INT4_ARRAY), bounds, PgArray.class, CTX);
        assertArrayEquals(new int[] {0}, a.lowerBounds());
        assertEquals(8, a.get(1));
        assertArrayEquals(bounds, encode(codec(TypeOids.INT4_ARRAY), a, CTX));
        assertEquals(List.of(7, 8, 9), decode(codec(TypeOids.INT4_ARRAY), bounds, CTX));
    }

    @Test
    void javaArrayAndListShapes() {
        byte[] withNull = SERVER.get().expression("int4[]", "array[1,null,3]").bytes();
        assertEquals(Arrays.asList(1, null, 3), decode(codec(TypeOids.INT4_ARRAY), withNull, CTX));
        assertArrayEquals(new Integer[] {1, null, 3}, decode(codec(TypeOids.INT4_ARRAY), withNull, Integer[].class, CTX));
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> decode(codec(TypeOids.INT4_ARRAY), withNull, int[].class, CTX));
        assertTrue(e.getMessage().contains("NULL"), e.getMessage());
        assertArrayEquals(withNull, encode(codec(TypeOids.INT4_ARRAY), new Integer[] {1, null, 3}, CTX));
        assertArrayEquals(withNull, encode(codec(TypeOids.INT4_ARRAY), Arrays.asList(1, null, 3), CTX));

        byte[] two = SERVER.get().expression("int8[]", "'{{1,2,3},{4,5,6}}'").bytes();
        assertArrayEquals(new long[][] {{1, 2, 3}, {4, 5, 6}}, decode(codec(TypeOids.INT8_ARRAY), two, long[][].class, CTX));
        assertArrayEquals(two, encode(codec(TypeOids.INT8_ARRAY), new long[][] {{1, 2, 3}, {4, 5, 6}}, CTX));
        assertArrayEquals(two, encode(codec(TypeOids.INT8_ARRAY), List.of(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L)), CTX));
        assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L)), decode(codec(TypeOids.INT8_ARRAY), two, CTX));
        assertThrows(PgInterfaceException.class,
                () -> encode(codec(TypeOids.INT8_ARRAY), new long[][] {{1, 2}, {3}}, CTX));
        assertThrows(PgInterfaceException.class, () -> decode(codec(TypeOids.INT8_ARRAY), two, long[].class, CTX));

        byte[] six = SERVER.get().expression("int4[]", "'{{{{{{1,2}}}}},{{{{{3,4}}}}}}'").bytes();
        int[][][][][][] sixDims = decode(codec(TypeOids.INT4_ARRAY), six, int[][][][][][].class, CTX);
        assertEquals(4, sixDims[1][0][0][0][0][1]);
        assertArrayEquals(six, encode(codec(TypeOids.INT4_ARRAY), sixDims, CTX));
        assertThrows(PgInterfaceException.class, () -> encode(codec(TypeOids.INT4_ARRAY), new int[][][][][][][] {{{{{{{1}}}}}}}, CTX));

        byte[] strings = SERVER.get().expression("text[]", "array['a', null, '😀']").bytes();
        assertArrayEquals(new String[] {"a", null, "😀"}, decode(codec(TypeOids.TEXT_ARRAY), strings, String[].class, CTX));
        assertArrayEquals(strings, encode(codec(TypeOids.TEXT_ARRAY), new String[] {"a", null, "😀"}, CTX));
        byte[] dates = SERVER.get().expression("date[]", "array['2024-02-29'::date]").bytes();
        assertArrayEquals(new LocalDate[] {LocalDate.of(2024, 2, 29)}, decode(codec(TypeOids.DATE_ARRAY), dates, LocalDate[].class, CTX));
        byte[] byteas = SERVER.get().expression("bytea[]", "array['\\x0102'::bytea]").bytes();
        assertArrayEquals(byteas, encode(codec(TypeOids.BYTEA_ARRAY), new byte[][] {{1, 2}}, CTX));
        byte[] empty = SERVER.get().expression("int4[]", "'{}'").bytes();
        assertArrayEquals(new int[0], decode(codec(TypeOids.INT4_ARRAY), empty, int[].class, CTX));
        assertArrayEquals(empty, encode(codec(TypeOids.INT4_ARRAY), new int[0], CTX));
        byte[] numerics = SERVER.get().expression("numeric[]", "'{1.5,2}'").bytes();
        assertArrayEquals(new BigDecimal[] {new BigDecimal("1.5"), new BigDecimal("2")},
                decode(codec(TypeOids.NUMERIC_ARRAY), numerics, BigDecimal[].class, CTX));
    }

    @Test
    void primitiveArraysWithoutBoxingRandom() {
        Random r = new Random(SEED);
        for (int round = 0; round < 20; round++) {
            int n = r.nextInt(50);
            int[] ints = r.ints(n).toArray();
            long[] longs = r.longs(n).toArray();
            double[] doubles = r.doubles(n).map(d -> d * 1e6 - 5e5).toArray();
            short[] shorts = new short[n];
            float[] floats = new float[n];
            boolean[] bools = new boolean[n];
            for (int i = 0; i < n; i++) {
                shorts[i] = (short) r.nextInt();
                floats[i] = r.nextFloat();
                bools[i] = r.nextBoolean();
            }
            String seed = "(seed " + SEED + ", round " + round + ")";
            check("int4[]", Arrays.toString(ints), ints, int[].class, seed);
            check("int8[]", Arrays.toString(longs), longs, long[].class, seed);
            check("int2[]", Arrays.toString(shorts), shorts, short[].class, seed);
            check("float8[]", Arrays.toString(doubles), doubles, double[].class, seed);
            check("float4[]", Arrays.toString(floats), floats, float[].class, seed);
            check("bool[]", Arrays.toString(bools), bools, boolean[].class, seed);
        }
        byte[] small = SERVER.get().expression("int4[]", "'{1,2}'").bytes();
        assertArrayEquals(new long[] {1, 2}, decode(codec(TypeOids.INT4_ARRAY), small, long[].class, CTX));
        assertArrayEquals(SERVER.get().expression("int8[]", "'{1,2}'").bytes(),
                encode(codec(TypeOids.INT8_ARRAY), new int[] {1, 2}, CTX));
    }

    private static void check(String type, String javaText, Object array, Class<?> cls, String seed) {
        String literal = "{" + javaText.substring(1, javaText.length() - 1) + "}";
        byte[] b = SERVER.get().vectors(type, List.of(literal)).get(0).bytes();
        int oid = SERVER.get().oid(type);
        Object decoded = decode(codec(oid), b, cls, CTX);
        assertTrue(Arrays.deepEquals(new Object[] {array}, new Object[] {decoded}), type + " " + seed);
        assertArrayEquals(b, encode(codec(oid), array, CTX), type + " " + seed);
    }

    @Test
    void hundredThousandElements() {
        byte[] b = SERVER.get().bytes("select array_send(array(select g from generate_series(1, 100000) g))");
        int[] ints = decode(codec(TypeOids.INT4_ARRAY), b, int[].class, CTX);
        assertEquals(100_000, ints.length);
        assertEquals(100_000, ints[99_999]);
        assertArrayEquals(b, encode(codec(TypeOids.INT4_ARRAY), ints, CTX));
        List<?> boxed = (List<?>) decode(codec(TypeOids.INT4_ARRAY), b, CTX);
        assertEquals(50_000, boxed.get(49_999));
        byte[] texts = SERVER.get().bytes("select array_send(array(select 'v' || g from generate_series(1, 100000) g))");
        String[] s = decode(codec(TypeOids.TEXT_ARRAY), texts, String[].class, CTX);
        assertEquals("v100000", s[99_999]);
        assertArrayEquals(texts, encode(codec(TypeOids.TEXT_ARRAY), s, CTX));
        String text = SERVER.get().string("select array(select g from generate_series(1, 100000) g)::text");
        assertEquals(text, codec(TypeOids.INT4_ARRAY).decodeText(b, 0, b.length, CTX));
        List<String> random = new ArrayList<>();
        random.add(text.substring(0, 20));
    }
}
