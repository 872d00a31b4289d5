package io.pgjet.internal.types;

import static io.pgjet.internal.types.CodecAssertions.checkAll;
import static io.pgjet.internal.types.CodecAssertions.decode;
import static io.pgjet.internal.types.CodecAssertions.encode;
import static io.pgjet.internal.types.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgInterfaceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bool, integers, OID types, floats, numeric and money against the server's send functions. */
class NumberCodecsServerTest {
    private static final long SEED = 0x5eed_0001L;
    @RegisterExtension
    static final ServerVectorsExtension SERVER = new ServerVectorsExtension();
    private static final CodecRegistry REGISTRY = CodecRegistry.withBuiltins();
    /** The test server's version: encoders refuse what it cannot take. */
    private static CodecContext CTX;

    @BeforeAll
    static void useServerVersion() {
        CTX = CodecContext.defaults(REGISTRY).withServerVersion(SERVER.get().versionNumber());
    }

    private static Codec codec(int oid) {
        return REGISTRY.codec(oid);
    }

    @Test
    void boolAndIntegerLimits() {
        checkAll(codec(TypeOids.BOOL), SERVER.get().vectors("bool", List.of("t", "f")), CTX, true, "");
        List<Object> i2 = checkAll(codec(TypeOids.INT2), SERVER.get().vectors("int2", List.of("-32768", "32767", "0", "-1")),
                CTX, true, "");
        assertEquals(List.of((short) -32768, (short) 32767, (short) 0, (short) -1), i2);
        checkAll(codec(TypeOids.INT4), SERVER.get().vectors("int4",
                List.of("-2147483648", "2147483647", "0", "42")), CTX, true, "");
        List<Object> i8 = checkAll(codec(TypeOids.INT8), SERVER.get().vectors("int8",
                List.of("-9223372036854775808", "9223372036854775807", "0")), CTX, true, "");
        assertEquals(Long.MIN_VALUE, i8.get(0));
        for (String t : List.of("oid", "xid", "cid", "regclass", "regtype", "regproc", "regnamespace", "regrole")) {
            int oid = SERVER.get().oid(t);
            ServerVectors.Vector v = t.startsWith("reg") ? SERVER.get().expression(t, "11::oid")
                    : SERVER.get().expression(t, "'4294967295'");
            byte[] b = v.bytes();
            Object value = decode(codec(oid), b, CTX);
            assertArrayEquals(b, encode(codec(oid), value, CTX), t);
        }
        assertEquals(4294967295L, decode(codec(TypeOids.OID), SERVER.get().expression("oid", "4294967295").bytes(), CTX));
        checkAll(codec(TypeOids.XID8), SERVER.get().vectors("xid8", List.of("0", "9223372036854775807", "12345")), CTX,
                true, "");
        assertEquals(new BigInteger("18446744073709551615"), decode(codec(TypeOids.XID8),
                SERVER.get().expression("xid8", "'18446744073709551615'").bytes(), BigInteger.class, CTX));
    }

    @Test
    void randomIntegers() {
        Random r = new Random(SEED);
        List<String> l2 = new ArrayList<>();
        List<String> l4 = new ArrayList<>();
        List<String> l8 = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            l2.add(Short.toString((short) r.nextInt()));
            l4.add(Integer.toString(r.nextInt()));
            l8.add(Long.toString(r.nextLong() >> r.nextInt(64)));
        }
        String seed = "(seed " + SEED + ")";
        List<Object> v4 = checkAll(codec(TypeOids.INT4), SERVER.get().vectors("int4", l4), CTX, true, seed);
        for (int i = 0; i < l4.size(); i++) {
            assertEquals(Integer.parseInt(l4.get(i)), v4.get(i), seed);
            byte[] enc = encode(codec(TypeOids.INT4), Integer.parseInt(l4.get(i)), CTX);
            assertEquals(Integer.parseInt(l4.get(i)), BinaryPrimitives.asLong(TypeOids.INT4, enc, 0, 4));
        }
        checkAll(codec(TypeOids.INT2), SERVER.get().vectors("int2", l2), CTX, true, seed);
        List<Object> v8 = checkAll(codec(TypeOids.INT8), SERVER.get().vectors("int8", l8), CTX, true, seed);
        for (int i = 0; i < l8.size(); i++) {
            assertEquals(Long.parseLong(l8.get(i)), v8.get(i), seed);
        }
    }

    @Test
    void floatsIncludingSpecialValues() {
        Random r = new Random(SEED + 1);
        List<String> f8 = new ArrayList<>(List.of("NaN", "Infinity", "-Infinity", "-0", "0", "1e308", "4.9e-324",
                "2.2250738585072014e-308", "0.1", "1e15", "1e16", "123456789012345680000", "1e-5", "0.0001"));
        List<String> f4 = new ArrayList<>(List.of("NaN", "Infinity", "-Infinity", "-0", "3.4028235e38", "1.4e-45",
                "0.1", "1e6", "100000", "1e-5"));
        for (int i = 0; i < 400; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            f8.add(Double.isNaN(d) ? "NaN" : Double.toString(d));
            f8.add(Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(30) - 10)));
            float f = Float.intBitsToFloat(r.nextInt());
            f4.add(Float.isNaN(f) ? "NaN" : Float.toString(f));
        }
        String seed = "(seed " + (SEED + 1) + ")";
        List<Object> d = checkAll(codec(TypeOids.FLOAT8), SERVER.get().vectors("float8", f8), CTX, true, seed);
        for (int i = 0; i < f8.size(); i++) {
            double expected = Double.parseDouble(f8.get(i).replace("Infinity", "Infinity"));
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits((Double) d.get(i)), f8.get(i));
        }
        checkAll(codec(TypeOids.FLOAT4), SERVER.get().vectors("float4", f4), CTX, true, seed);
        byte[] minusZero = SERVER.get().expression("float8", "'-0'").bytes();
        assertEquals("8000000000000000", hex(minusZero));
        assertEquals(-0.0, BinaryPrimitives.asDouble(TypeOids.FLOAT8, minusZero, 0, 8));
        assertThrows(PgInterfaceException.class, () -> encode(codec(TypeOids.FLOAT4), 1e300, CTX));
    }

    @Test
    void numericRandomAndEdgeValues() {
        Random r = new Random(SEED + 2);
        List<String> lits = new ArrayList<>(List.of("0", "0.00", "-0.000", "1", "-1", "10000", "0.0001", "0.00001",
                "12345678.9", "NaN", "1e1000", "-1e-1000", "99999999999999999999.99999",
                "123.45", "1000000000000000000000", "0.1234567890123456789"));
        boolean infinityExists = SERVER.get().majorVersion() >= 14;
        if (infinityExists) {
            lits.addAll(List.of("Infinity", "-Infinity"));
        }
        for (int i = 0; i < 400; i++) {
            int intDigits = r.nextInt(4) == 0 ? r.nextInt(300) : r.nextInt(25);
            int fracDigits = r.nextInt(4) == 0 ? r.nextInt(300) : r.nextInt(12);
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "");
            for (int k = 0; k < intDigits; k++) {
                sb.append(r.nextInt(3) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
            }
            if (intDigits == 0) {
                sb.append('0');
            }
            if (fracDigits > 0) {
                sb.append('.');
                for (int k = 0; k < fracDigits; k++) {
                    sb.append(r.nextInt(3) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
                }
            }
            lits.add(sb.toString());
        }
        StringBuilder thousand = new StringBuilder("9");
        for (int i = 1; i < 1000; i++) {
            thousand.append((char) ('0' + i % 10));
        }
        lits.add(thousand.toString());
        lits.add("0." + thousand);
        String seed = "(seed " + (SEED + 2) + ")";
        List<Object> values = checkAll(codec(TypeOids.NUMERIC), SERVER.get().vectors("numeric", lits), CTX, true, seed);
        for (int i = 0; i < lits.size(); i++) {
            Object v = values.get(i);
            if (v instanceof BigDecimal) {
                assertEquals(0, new BigDecimal(lits.get(i)).compareTo((BigDecimal) v), lits.get(i) + " " + seed);
                assertArrayEquals(SERVER.get().vectors("numeric", List.of(lits.get(i))).get(0).bytes(),
                        encode(codec(TypeOids.NUMERIC), new BigDecimal(lits.get(i)), CTX), lits.get(i));
            }
        }
        assertEquals("c000", hex(SERVER.get().expression("numeric", "'NaN'").bytes()).substring(8, 12));
        assertArrayEquals(SERVER.get().expression("numeric", "'NaN'").bytes(),
                encode(codec(TypeOids.NUMERIC), Double.NaN, CTX));
        List<Object> infinities = List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
                "Infinity", "-Infinity", "+infinity");
        if (infinityExists) {
            byte[] plus = SERVER.get().expression("numeric", "'Infinity'").bytes();
            byte[] minus = SERVER.get().expression("numeric", "'-Infinity'").bytes();
            assertEquals("d000", hex(plus).substring(8, 12));
            assertEquals("f000", hex(minus).substring(8, 12));
            for (Object infinity : infinities) {
                boolean negative = infinity.toString().startsWith("-");
                assertArrayEquals(negative ? minus : plus, encode(codec(TypeOids.NUMERIC), infinity, CTX),
                        infinity.toString());
            }
        } else {
            // Before 14 numeric has NaN but no infinities: the server rejects them, the codec refuses them.
            for (String infinity : List.of("Infinity", "-Infinity")) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> SERVER.get().expression("numeric", "'" + infinity + "'"));
                assertEquals("22P02", ((java.sql.SQLException) e.getCause()).getSQLState(), infinity);
            }
        }
        CodecContext before14 = infinityExists ? CTX.withServerVersion(130000) : CTX;
        for (Object infinity : infinities) {
            PgInterfaceException e = assertThrows(PgInterfaceException.class,
                    () -> encode(codec(TypeOids.NUMERIC), infinity, before14), infinity.toString());
            assertTrue(e.getMessage().contains("PostgreSQL 14"), e.getMessage());
        }
        assertThrows(PgInterfaceException.class, () -> decode(codec(TypeOids.NUMERIC),
                SERVER.get().expression("numeric", "'NaN'").bytes(), BigDecimal.class, CTX));
        // A negative scale is normalized: 1E+3 is sent as 1000 with display scale 0.
        assertArrayEquals(SERVER.get().expression("numeric", "1000").bytes(),
                encode(codec(TypeOids.NUMERIC), new BigDecimal("1E+3"), CTX));
        byte[] sum = SERVER.get().expression("numeric", "123456789012").bytes();
        assertEquals(123456789012L, BinaryPrimitives.asLong(TypeOids.NUMERIC, sum, 0, sum.length));
        assertEquals(123456789012L, decode(codec(TypeOids.NUMERIC), sum, Long.class, CTX));
        byte[] frac = SERVER.get().expression("numeric", "1.5").bytes();
        assertThrows(PgInterfaceException.class, () -> BinaryPrimitives.asLong(TypeOids.NUMERIC, frac, 0, frac.length));
        assertEquals(1.5, BinaryPrimitives.asDouble(TypeOids.NUMERIC, frac, 0, frac.length));
    }

    @Test
    void money() {
        Random r = new Random(SEED + 3);
        List<String> lits = new ArrayList<>(List.of("0", "-92233720368547758.08", "92233720368547758.07", "1.5",
                "-0.01", "1234567.89"));
        for (int i = 0; i < 100; i++) {
            lits.add(BigDecimal.valueOf(r.nextLong() >> r.nextInt(60), 2).toPlainString());
        }
        List<Object> values = checkAll(codec(TypeOids.MONEY), SERVER.get().vectors("money", lits), CTX, true, "");
        assertEquals(new BigDecimal("1.50"), values.get(3));
        assertArrayEquals(SERVER.get().expression("money", "'1.005'").bytes(),
                encode(codec(TypeOids.MONEY), new BigDecimal("1.005"), CTX));
        assertTrue(text(TypeOids.MONEY, "-1234567.89").equals("-$1,234,567.89"));
    }

    private static String text(int oid, String literal) {
        return codec(oid).formatText(new BigDecimal(literal), CTX);
    }
}
