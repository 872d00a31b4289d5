package io.pgjet.internal.types;

import static io.pgjet.internal.types.CodecAssertions.checkAll;
import static io.pgjet.internal.types.CodecAssertions.decode;
import static io.pgjet.internal.types.CodecAssertions.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgInterfaceException;
import io.pgjet.PgProtocolException;
import io.pgjet.types.JsonMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Character types, "char", bytea, uuid, json/jsonb/jsonpath and xml against the SERVER.get(). */
class TextCodecsServerTest {
    private static final long SEED = 0x5eed_0002L;
    private static final CodecRegistry REGISTRY = CodecRegistry.withBuiltins();
    private static final CodecContext CTX = CodecContext.defaults(REGISTRY);
    @RegisterExtension
    static final ServerVectorsExtension SERVER = new ServerVectorsExtension();

    static String randomString(Random r, int maxLen) {
        int n = r.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0:
                    sb.appendCodePoint(0x1F600 + r.nextInt(80));
                    break;
                case 1:
                    sb.appendCodePoint(0xA0 + r.nextInt(0x2000));
                    break;
                case 2:
                    sb.append(" \t\n\"\\'{},()[]=>".charAt(r.nextInt(15)));
                    break;
                default:
                    sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }

    @Test
    void textTypesRoundTripUnicodeAndEmpty() {
        Random r = new Random(SEED);
        List<String> lits = new ArrayList<>(List.of("", "a", "😀 non-BMP 𝄞", "NULL", "line\nbreak"));
        for (int i = 0; i < 300; i++) {
            lits.add(randomString(r, 40));
        }
        for (String type : List.of("text", "varchar", "bpchar", "name", "xml")) {
            List<String> input = type.equals("xml") ? List.of("<a>é😀</a>", "<b/>", "text &amp; more") : lits;
            if (type.equals("name")) {
                input = input.stream().filter(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 64).toList();
            }
            int oid = SERVER.get().oid(type);
            List<Object> values = checkAll(REGISTRY.codec(oid), SERVER.get().vectors(type, input), CTX, true,
                    "(seed " + SEED + ")");
            if (!type.equals("bpchar")) {
                assertEquals(input, values, type);
            }
        }
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> encode(REGISTRY.codec(TypeOids.TEXT), "a\0b", CTX));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
        assertThrows(PgInterfaceException.class, () -> encode(REGISTRY.codec(TypeOids.TEXT), 42, CTX));
    }

    @Test
    void charType() {
        List<Object> v = checkAll(REGISTRY.codec(TypeOids.CHAR),
                SERVER.get().vectors("\"char\"", List.of("a", "", "Z", "\\101", "\\377", "\\200")), CTX, true, "");
        assertEquals("a", v.get(0));
        assertEquals("", v.get(1));
        if (SERVER.get().majorVersion() >= 15) {
            assertEquals(List.of("A", "\\377", "\\200"), v.subList(3, 6));
        } else {
            // Before PostgreSQL 15, "char" input keeps the literal's first byte (no \ooo escapes)
            // and output prints a byte above 127 raw, which is not UTF-8 text.
            assertEquals(List.of("\\", "\\", "\\"), v.subList(3, 6));
        }
        // Bytes above 127 from an integer cast, on every version: the binary form is one byte.
        Codec codec = REGISTRY.codec(TypeOids.CHAR);
        for (int i : new int[] {-1, -128, 65}) {
            byte[] b = SERVER.get().bytes("select " + SERVER.get().sendFunction("\"char\"") + "((" + i + ")::\"char\")");
            assertArrayEquals(new byte[] {(byte) i}, b);
            Object value = decode(codec, b, CTX);
            assertEquals(i < 0 ? "\\" + Integer.toOctalString(i & 0xff) : "A", value);
            assertArrayEquals(b, encode(codec, value, CTX));
            assertEquals((byte) i, decode(codec, b, Byte.class, CTX));
        }
        assertThrows(PgInterfaceException.class, () -> encode(codec, "é", CTX));
    }

    @Test
    void byteaRandom() {
        Random r = new Random(SEED + 1);
        List<String> lits = new ArrayList<>(List.of("\\x", "\\x00ff"));
        List<byte[]> raw = new ArrayList<>(List.of(new byte[0], new byte[] {0, -1}));
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(100)];
            r.nextBytes(b);
            raw.add(b);
            lits.add("\\x" + HexFormat.of().formatHex(b));
        }
        List<Object> values = checkAll(REGISTRY.codec(TypeOids.BYTEA), SERVER.get().vectors("bytea", lits), CTX, true, "");
        for (int i = 0; i < raw.size(); i++) {
            assertArrayEquals(raw.get(i), (byte[]) values.get(i));
        }
    }

    @Test
    void uuidRandom() {
        Random r = new Random(SEED + 2);
        List<String> lits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lits.add(new UUID(r.nextLong(), r.nextLong()).toString());
        }
        List<Object> values = checkAll(REGISTRY.codec(TypeOids.UUID), SERVER.get().vectors("uuid", lits), CTX, true, "");
        for (int i = 0; i < lits.size(); i++) {
            assertEquals(UUID.fromString(lits.get(i)), values.get(i));
        }
    }

    @Test
    void jsonTypesAndMapper() {
        List<String> docs = List.of("{\"a\": [1, 2.5, null, true], \"b\": \"é😀\"}", "[]", "\"\"", "123", "null",
                "{\"nested\": {\"x\": {}}}");
        List<Object> json = checkAll(REGISTRY.codec(TypeOids.JSON), SERVER.get().vectors("json", docs), CTX, true, "");
        assertEquals(docs, json);
        checkAll(REGISTRY.codec(TypeOids.JSONB), SERVER.get().vectors("jsonb", docs), CTX, true, "");
        checkAll(REGISTRY.codec(TypeOids.JSONPATH), SERVER.get().vectors("jsonpath",
                List.of("$.a[*] ? (@ > 1)", "$", "strict $.\"é\"")), CTX, true, "");
        byte[] jsonb = SERVER.get().expression("jsonb", "'{\"k\": 1}'").bytes();
        assertEquals(1, jsonb[0]);
        JsonMapper mapper = new JsonMapper() {
            @Override
            public String encode(Object value) {
                return "{\"k\": " + ((Map<?, ?>) value).get("k") + "}";
            }

            @Override
            public <T> T decode(String text, Class<T> type) {
                return type.cast(Map.of("text", text));
            }
        };
        CodecContext withMapper = CTX.withJsonMapper(mapper);
        assertEquals(Map.of("text", "{\"k\": 1}"), decode(REGISTRY.codec(TypeOids.JSONB), jsonb, Map.class, withMapper));
        assertArrayEquals(jsonb, encode(REGISTRY.codec(TypeOids.JSONB), Map.of("k", 1), withMapper));
        assertThrows(PgInterfaceException.class, () -> decode(REGISTRY.codec(TypeOids.JSONB), jsonb, Map.class, CTX));
        assertThrows(PgProtocolException.class, () -> decode(REGISTRY.codec(TypeOids.JSONB), new byte[] {2, '1'}, CTX));
    }
}
