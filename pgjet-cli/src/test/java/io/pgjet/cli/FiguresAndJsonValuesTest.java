package io.pgjet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formatting helpers the commands rely on, on the edge cases a server rarely sends. */
class FiguresAndJsonValuesTest {

    @Test
    void figuresGroupThousandsAndNeverUseENotation() {
        assertEquals("2,499,975,000", DemoCommand.figure(2.499975E9));
        assertEquals("0.5", DemoCommand.figure(0.5));
        assertEquals("-1,234.568", DemoCommand.figure(-1234.5678));
        assertEquals("10,000", DemoCommand.figure(10_000L));
        assertEquals("NaN", DemoCommand.figure(Double.NaN));
    }

    @Test
    void arrayLiteralsWithBoundsQuotesEscapesAndNulls() {
        assertEquals(List.of("1", "2"), JsonValues.ArrayLiteral.parse("[0:1]={1,2}"));
        assertEquals(Arrays.asList("a\\b", "NULL", null, "x}y"), JsonValues.ArrayLiteral.parse("{\"a\\\\b\",\"NULL\",NULL,\"x}y\"}"));
        assertEquals(List.of(), JsonValues.ArrayLiteral.parse("{}"));
        assertEquals(List.of(List.of("1"), List.of("2")), JsonValues.ArrayLiteral.parse("{{1},{2}}"));
        assertNull(JsonValues.ArrayLiteral.parse("{1,2"));
        assertNull(JsonValues.ArrayLiteral.parse("not an array"));
    }

    @Test
    void specialFloatsAndUnparsableArraysBecomeStrings() {
        assertEquals("\"Infinity\"", JsonValues.value("Infinity", ColumnTypes.FLOAT8));
        assertEquals("1e+100", JsonValues.value("1e+100", ColumnTypes.FLOAT8));
        assertEquals("[\"-Infinity\", 0.5]", JsonValues.value("{-Infinity,0.5}", 1022));
        assertEquals("\"{1,2\"", JsonValues.value("{1,2", 1007));
        assertEquals("\"tab\\there\\u0001\"", JsonValues.value("tab\there\u0001", ColumnTypes.TEXT));
    }
}
