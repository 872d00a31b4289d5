package io.pgjet.internal.types;

import static io.pgjet.internal.types.CodecAssertions.checkAll;
import static io.pgjet.internal.types.CodecAssertions.decode;
import static io.pgjet.internal.types.CodecAssertions.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgBitString;
import io.pgjet.types.PgBox;
import io.pgjet.types.PgCidr;
import io.pgjet.types.PgCircle;
import io.pgjet.types.PgInet;
import io.pgjet.types.PgLsn;
import io.pgjet.types.PgMacAddr;
import io.pgjet.types.PgPoint;
import io.pgjet.types.PgTsQuery;
import io.pgjet.types.PgTsVector;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Network, bit string, geometric, LSN/tid/snapshot and text-search types against the SERVER.get(). */
class OtherScalarCodecsServerTest {
    private static final long SEED = 0x5eed_0004L;
    private static final CodecRegistry REGISTRY = CodecRegistry.withBuiltins();
    private static final CodecContext CTX = CodecContext.defaults(REGISTRY);
    @RegisterExtension
    static final ServerVectorsExtension SERVER = new ServerVectorsExtension();

    private static Codec codec(int oid) {
        return REGISTRY.codec(oid);
    }

    @Test
    void networkTypesRandom() throws Exception {
        Random r = new Random(SEED);
        List<String> inet = new ArrayList<>(List.of("192.168.0.1", "10.0.0.0/8", "::1", "::", "::ffff:1.2.3.4",
                "::1.2.3.4", "2001:db8::1/64", "fe80::1:0:0:0", "1:0:0:1:0:0:0:1", "0.0.0.0/0", "1:2:3:4:5:6:7:8"));
        List<String> cidr = new ArrayList<>(List.of("10.0.0.0/8", "::/0", "2001:db8::/32", "192.168.1.0/24"));
        for (int i = 0; i < 200; i++) {
            byte[] a = new byte[r.nextBoolean() ? 4 : 16];
            r.nextBytes(a);
            if (a.length == 16 && r.nextBoolean()) {
                for (int k = 2 * r.nextInt(6); k < 12 && k < 2 * r.nextInt(8) + 4; k++) {
                    a[k] = 0;
                }
            }
            int bits = r.nextInt(a.length * 8 + 1);
            InetAddress addr = a.length == 4 ? InetAddress.getByAddress(a) : java.net.Inet6Address.getByAddress(null, a, -1);
            inet.add(new PgInet(addr, bits).toString());
            for (int bit = bits; bit < a.length * 8; bit++) {
                a[bit >> 3] &= (byte) ~(0x80 >> (bit & 7));
            }
            cidr.add(new PgCidr(a.length == 4 ? InetAddress.getByAddress(a)
                    : java.net.Inet6Address.getByAddress(null, a, -1), bits).toString());
        }
        checkAll(codec(TypeOids.INET), SERVER.get().vectors("inet", inet), CTX, true, "(seed " + SEED + ")");
        checkAll(codec(TypeOids.CIDR), SERVER.get().vectors("cidr", cidr), CTX, true, "(seed " + SEED + ")");
        byte[] host = SERVER.get().expression("inet", "'10.1.2.3'").bytes();
        assertEquals(InetAddress.getByName("10.1.2.3"), decode(codec(TypeOids.INET), host, InetAddress.class, CTX));
        assertArrayEquals(host, encode(codec(TypeOids.INET), InetAddress.getByName("10.1.2.3"), CTX));
        assertThrows(PgInterfaceException.class,
                () -> encode(codec(TypeOids.CIDR), new PgInet(InetAddress.getByName("10.1.2.3"), 8), CTX));
        List<String> macs = new ArrayList<>();
        List<String> macs8 = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] m = new byte[8];
            r.nextBytes(m);
            macs8.add(PgMacAddr.of(m).toString());
            macs.add(PgMacAddr.of(java.util.Arrays.copyOf(m, 6)).toString());
        }
        checkAll(codec(TypeOids.MACADDR), SERVER.get().vectors("macaddr", macs), CTX, true, "");
        checkAll(codec(TypeOids.MACADDR8), SERVER.get().vectors("macaddr8", macs8), CTX, true, "");
        assertArrayEquals(SERVER.get().expression("macaddr8", "'08:00:2b:01:02:03'").bytes(),
                encode(codec(TypeOids.MACADDR8), PgMacAddr.parse("08:00:2b:01:02:03"), CTX));
    }

    @Test
    void bitStrings() {
        Random r = new Random(SEED + 1);
        List<String> lits = new ArrayList<>(List.of("", "1", "0", "10110", "11111111", "111111111"));
        for (int i = 0; i < 100; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(70);
            for (int k = 0; k < n; k++) {
                sb.append(r.nextBoolean() ? '1' : '0');
            }
            lits.add(sb.toString());
        }
        List<Object> v = checkAll(codec(TypeOids.VARBIT), SERVER.get().vectors("varbit", lits), CTX, true, "");
        for (int i = 0; i < lits.size(); i++) {
            assertEquals(PgBitString.parse(lits.get(i)), v.get(i));
        }
        checkAll(codec(TypeOids.BIT), SERVER.get().vectors("bit(5)", List.of("10110", "00000")), CTX, true, "");
        assertEquals(true, decode(codec(TypeOids.BIT), SERVER.get().expression("bit", "B'1'").bytes(), Boolean.class, CTX));
    }

    @Test
    void geometryRandom() {
        Random r = new Random(SEED + 2);
        List<String> points = new ArrayList<>(List.of("(0,0)", "(-0,1e300)", "(1.5,-2.25)", "(NaN,Infinity)"));
        List<String> boxes = new ArrayList<>();
        List<String> circles = new ArrayList<>();
        List<String> lsegs = new ArrayList<>();
        List<String> paths = new ArrayList<>(List.of("[(1,2)]", "((1,2),(3,4),(5,6))"));
        List<String> polys = new ArrayList<>(List.of("((0,0),(1,1),(2,0))"));
        List<String> lines = new ArrayList<>(List.of("{1,2,3}", "{0,-1,5.5}"));
        for (int i = 0; i < 100; i++) {
            PgPoint a = new PgPoint(d(r), d(r));
            PgPoint b = new PgPoint(d(r), d(r));
            points.add(a.toString());
            boxes.add(PgBox.of(a, b).toString());
            circles.add(new PgCircle(a, Math.abs(d(r))).toString());
            lsegs.add("[" + a + "," + b + "]");
            paths.add((r.nextBoolean() ? "[" : "(") + a + "," + b + "," + a + (paths.size() % 2 == 0 ? "]" : ")"));
            polys.add("(" + a + "," + b + ")");
        }
        paths.replaceAll(p -> p.charAt(0) == '[' ? p.substring(0, p.length() - 1) + "]" : p.substring(0, p.length() - 1) + ")");
        checkAll(codec(TypeOids.POINT), SERVER.get().vectors("point", points), CTX, true, "(seed " + (SEED + 2) + ")");
        checkAll(codec(TypeOids.BOX), SERVER.get().vectors("box", boxes), CTX, true, "");
        checkAll(codec(TypeOids.CIRCLE), SERVER.get().vectors("circle", circles), CTX, true, "");
        checkAll(codec(TypeOids.LSEG), SERVER.get().vectors("lseg", lsegs), CTX, true, "");
        checkAll(codec(TypeOids.PATH), SERVER.get().vectors("path", paths), CTX, true, "");
        checkAll(codec(TypeOids.POLYGON), SERVER.get().vectors("polygon", polys), CTX, true, "");
        checkAll(codec(TypeOids.LINE), SERVER.get().vectors("line", lines), CTX, true, "");
        assertArrayEquals(SERVER.get().expression("box", "'(1,2),(3,4)'").bytes(),
                encode(codec(TypeOids.BOX), new PgBox(new PgPoint(1, 2), new PgPoint(3, 4)), CTX));
    }

    private static double d(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return r.nextInt(1000) - 500;
            case 1:
                return r.nextGaussian() * 1e20;
            default:
                return Math.round(r.nextGaussian() * 1e6) / 1000.0;
        }
    }

    @Test
    void lsnTidSnapshot() {
        Random r = new Random(SEED + 3);
        List<String> lsns = new ArrayList<>(List.of("0/0", "FFFFFFFF/FFFFFFFF", "16/B374D848", "0/1"));
        for (int i = 0; i < 50; i++) {
            lsns.add(new PgLsn(r.nextLong()).toString());
        }
        List<Object> v = checkAll(codec(TypeOids.PG_LSN), SERVER.get().vectors("pg_lsn", lsns), CTX, true, "");
        for (int i = 0; i < lsns.size(); i++) {
            assertEquals(PgLsn.parse(lsns.get(i)), v.get(i));
        }
        checkAll(codec(TypeOids.TID), SERVER.get().vectors("tid", List.of("(0,1)", "(4294967295,65535)", "(12,0)")), CTX, true, "");
        checkAll(codec(TypeOids.PG_SNAPSHOT), SERVER.get().vectors("pg_snapshot", List.of("10:20:10,14,15", "5:5:")), CTX,
                true, "");
        checkAll(codec(TypeOids.TXID_SNAPSHOT), SERVER.get().vectors("txid_snapshot", List.of("10:20:10,14,15")), CTX, true, "");
    }

    @Test
    void textSearch() {
        List<String> vectors = List.of("", "a fat cat sat on a mat", "'fat':2A,4 'cat':3B 'rat':1C,5D",
                "'it''s' 'back\\\\slash' 'ünï😀':7", "a:1,2,3,16383");
        List<Object> v = checkAll(codec(TypeOids.TSVECTOR), SERVER.get().vectors("tsvector", vectors), CTX, true, "");
        assertEquals(new PgTsVector.Position(2, 'A'), ((PgTsVector) v.get(2)).lexemes().get(1).positions().get(0));
        List<String> queries = List.of("fat & rat", "fat & (rat | cat)", "!fat", "!(fat | rat)", "fat <-> rat",
                "fat <2> rat <-> cat", "a <-> (b <-> c)", "(a | b) & !(c & d)", "'sup':*A & 'x':BC", "'it''s'",
                "a & b & c | d", "a | b & c", "!!a", "(a <-> b) & c", "a <-> (b & c)", "");
        List<Object> q = checkAll(codec(TypeOids.TSQUERY), SERVER.get().vectors("tsquery", queries), CTX, false, "");
        assertEquals(new PgTsQuery("'fat' & ( 'rat' | 'cat' )"), q.get(1));
        assertEquals(Codec.TEXT, codec(TypeOids.TSQUERY).parameterFormat());
        assertEquals(Codec.BINARY, codec(TypeOids.TSQUERY).format());
    }
}
