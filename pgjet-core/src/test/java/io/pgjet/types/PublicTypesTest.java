package io.pgjet.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgInterfaceException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value semantics and PostgreSQL text forms of the public value types. */
class PublicTypesTest {

    @Test
    void intervalConversionsAndText() {
        assertEquals("1 year 2 mons -3 days +04:05:06.5", new PgInterval(14, -3, 14_706_500_000L).toString());
        assertEquals("00:00:00", PgInterval.ZERO.toString());
        assertEquals("-00:00:01", new PgInterval(0, 0, -1_000_000).toString());
        assertEquals("infinity", PgInterval.POSITIVE_INFINITY.toString());
        assertEquals(Duration.ofDays(1).plusNanos(1000), new PgInterval(0, 1, 1).toDuration());
        assertEquals(new PgInterval(0, 0, 2), PgInterval.of(Duration.ofNanos(1500)));
        assertEquals(new PgInterval(0, 0, 1), PgInterval.of(Duration.ofNanos(1499)));
        assertEquals(new PgInterval(0, 0, 2), PgInterval.of(Duration.ofNanos(2500)));
        assertEquals(Period.of(1, 1, 1), new PgInterval(13, 1, 0).toPeriod());
        assertThrows(PgInterfaceException.class, () -> new PgInterval(1, 0, 0).toDuration());
        assertThrows(PgInterfaceException.class, () -> new PgInterval(0, 0, 1).toPeriod());
        assertThrows(PgInterfaceException.class, () -> PgInterval.of(Period.ofYears(Integer.MAX_VALUE)));
    }

    @Test
    void networkValues() throws Exception {
        assertEquals("::ffff:1.2.3.4", new PgInet(java.net.Inet6Address.getByAddress(null,
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4}, -1), 128).toString());
        assertEquals("10.0.0.0/8", new PgCidr(InetAddress.getByName("10.0.0.0"), 8).toString());
        assertThrows(IllegalArgumentException.class, () -> new PgCidr(InetAddress.getByName("10.0.0.1"), 8));
        assertThrows(IllegalArgumentException.class, () -> new PgInet(InetAddress.getByName("10.0.0.1"), 33));
        assertEquals("08:00:2b:01:02:03", PgMacAddr.parse("08-00-2B-01-02-03").toString());
        assertEquals(PgMacAddr.parse("08:00:2b:01:02:03"), PgMacAddr.of(new byte[] {8, 0, 0x2b, 1, 2, 3}));
    }

    @Test
    void rangesArraysAndRecords() {
        assertEquals("[1,5)", PgRange.closedOpen(1, 5).toString());
        assertEquals("(,5]", PgRange.of(null, true, 5, true).toString());
        assertTrue(PgRange.of(null, true, 5, true).lowerUnbounded());
        assertEquals("empty", PgRange.empty().toString());
        assertEquals("{[1,3),[5,7)}", PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7)).toString());
        PgArray a = PgArray.of(23, new int[] {2, 2}, new int[] {0, 1}, new Object[] {1, 2, 3, null});
        assertEquals(3, a.get(1, 1));
        assertEquals(List.of(List.of(1, 2), Arrays.asList(3, null)), a.toList());
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 1));
        assertThrows(IllegalArgumentException.class, () -> PgArray.of(23, new int[] {3}, new int[] {1}, new Object[2]));
        PgRecord r = PgRecord.of(new Object[] {1, null}, new int[] {23, 25}, new String[] {"a", "b"});
        assertEquals(1, r.get("a"));
        assertEquals("{a=1, b=null}", r.toMap().toString());
        assertThrows(IllegalArgumentException.class, () -> r.get("c"));
    }

    @Test
    void bitStringsAndLsn() {
        PgBitString b = PgBitString.parse("10110");
        assertEquals(5, b.length());
        assertTrue(b.get(0));
        assertEquals(b, PgBitString.of(5, new byte[] {(byte) 0xb7}));
        assertEquals("16/B374D848", PgLsn.parse("16/B374D848").toString());
        assertTrue(new PgLsn(-1).compareTo(new PgLsn(1)) > 0);
        assertThrows(IllegalArgumentException.class, () -> PgLsn.parse("nope"));
        assertEquals("'fat':2A,4", new PgTsVector.Lexeme("fat", List.of(new PgTsVector.Position(2, 'A'),
                new PgTsVector.Position(4, 'D'))).toString());
        assertEquals("<(1,2),3>", new PgCircle(new PgPoint(1, 2), 3).toString());
        assertEquals("(1e+20,-0)", new PgPoint(1e20, -0.0).toString());
        assertEquals(new PgBox(new PgPoint(3, 4), new PgPoint(1, 2)), PgBox.of(new PgPoint(1, 4), new PgPoint(3, 2)));
    }

    @Test
    void jsonMapperDefaultKeepsText() {
        assertEquals("{}", JsonMapper.STRINGS_ONLY.encode("{}"));
        assertEquals("[1]", JsonMapper.STRINGS_ONLY.decode("[1]", String.class));
        assertThrows(PgInterfaceException.class, () -> JsonMapper.STRINGS_ONLY.encode(List.of()));
        assertThrows(PgInterfaceException.class, () -> JsonMapper.STRINGS_ONLY.decode("[]", List.class));
    }
}
