package io.pgjet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LSNs read and print like PostgreSQL's pg_lsn and order as unsigned numbers. */
class LsnTest {
    @Test
    void parsesAndPrintsThePgLsnForm() {
        Lsn lsn = Lsn.parse("16/B374D848");
        assertEquals(0x16_B374D848L, lsn.value());
        assertEquals("16/B374D848", lsn.toString());
        assertEquals("0/0", Lsn.INVALID.toString());
        assertEquals("FFFFFFFF/FFFFFFFF", new Lsn(-1).toString());
    }

    @Test
    void ordersAsUnsigned() {
        assertTrue(new Lsn(-1).isAfter(new Lsn(Long.MAX_VALUE)));
        assertTrue(Lsn.parse("1/0").isAfter(Lsn.parse("0/FFFFFFFF")));
    }

    @Test
    void rejectsWhatIsNotAnLsn() {
        for (String bad : new String[] {"", "12", "/1", "1/", "G/1", "123456789/1"}) {
            assertThrows(IllegalArgumentException.class, () -> Lsn.parse(bad), bad);
        }
    }
}
