package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SASLprep per RFC 4013, including the examples of its section 3, and PostgreSQL's raw fallback. */
class SaslPrepTest {

    @Test
    void rfc4013ExamplesMapNormalizeOrFail() {
        assertEquals("IX", SaslPrep.prepare("I\u00ADX"));
        assertEquals("user", SaslPrep.prepare("user"));
        assertEquals("USER", SaslPrep.prepare("USER"));
        assertEquals("a", SaslPrep.prepare("\u00AA"));
        assertEquals("IX", SaslPrep.prepare("\u2168"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0007"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0627\u0031"));
    }

    @Test
    void nonAsciiSpacesBecomeSpaceAndZeroWidthCharactersVanish() {
        assertEquals("a b", SaslPrep.prepare("a\u00A0b"));
        assertEquals("a b", SaslPrep.prepare("a\u3000b"));
        assertEquals("ab", SaslPrep.prepare("a\u200Db\uFEFF"));
    }

    @Test
    void supplementaryCharactersAreNormalized() {
        assertEquals("A", SaslPrep.prepare("\uD835\uDC00"));
    }

    @Test
    void prohibitedOutputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\u0085"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\uE000"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\uFFFF"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\uD800"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("a\u200E"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u2FF0"));
    }

    @Test
    void codePointsUnassignedInUnicode32AreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0221"));
    }

    @Test
    void bidirectionalRulesAcceptPureRightToLeftAndRejectMixing() {
        assertEquals("\u0627\u0628", SaslPrep.prepare("\u0627\u0628"));
        assertEquals("\u0627 1 \u0628", SaslPrep.prepare("\u0627 1 \u0628"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("\u0627a\u0628"));
        assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("1\u0627"));
    }

    @Test
    void exceptionTextDoesNotRevealTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SaslPrep.prepare("secret\u0007"));
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void generatedTablesAreSortedDisjointInclusiveRanges() {
        for (int[] table : new int[][] {StringPrepTables.MAPPED_TO_NOTHING, StringPrepTables.NON_ASCII_SPACE,
                StringPrepTables.PROHIBITED, StringPrepTables.UNASSIGNED, StringPrepTables.RAND_AL_CAT,
                StringPrepTables.L_CAT}) {
            assertEquals(0, table.length % 2);
            for (int i = 0; i < table.length; i += 2) {
                assertTrue(table[i] <= table[i + 1]);
                assertTrue(i == 0 || table[i - 1] < table[i]);
            }
        }
        assertTrue(StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, 0x05D0));
        assertTrue(StringPrepTables.contains(StringPrepTables.L_CAT, 'a'));
        assertFalse(StringPrepTables.contains(StringPrepTables.L_CAT, '1'));
    }

    @Test
    void prepareOrRawFallsBackToTheInputLikePostgreSql() {
        String prohibited = "pass\u0007word";
        assertSame(prohibited, SaslPrep.prepareOrRaw(prohibited));
        assertEquals("IX", SaslPrep.prepareOrRaw("I\u00ADX"));
        assertEquals("", SaslPrep.prepareOrRaw(""));
    }
}
