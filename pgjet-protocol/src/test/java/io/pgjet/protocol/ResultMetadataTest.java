package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RowDescription lookups, ServerMessage accessors and CopyResponse construction. */
class ResultMetadataTest {

    private static RowDescription columns(String... names) {
        int n = names.length;
        return RowDescription.of(names, new int[n], new short[n], new int[n], new short[n], new int[n], new short[n]);
    }

    @Test
    void indexOfFindsTheFirstCaseSensitiveMatch() {
        RowDescription d = columns("id", "Name", "name", "id");
        assertEquals(0, d.indexOf("id"));
        assertEquals(1, d.indexOf("Name"));
        assertEquals(2, d.indexOf("name"));
        assertEquals(-1, d.indexOf("NAME"));
        assertEquals(-1, d.indexOf(null));
    }

    @Test
    void rowDescriptionCopiesItsInputArrays() {
        String[] names = {"a"};
        RowDescription d = columns(names);
        names[0] = "b";
        assertEquals("a", d.name(0));
        assertThrows(IllegalArgumentException.class,
                () -> RowDescription.of(new String[2], new int[1], new short[1], new int[1], new short[1], new int[1],
                        new short[1]));
    }

    @Test
    void positionsAreNumbersOrZero() {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put('P', "12");
        fields.put('p', "x");
        ServerMessage m = ServerMessage.of(fields);
        assertEquals(12, m.position());
        assertEquals(0, m.internalPosition());
        assertEquals(0, ServerMessage.of(Map.of()).position());
    }

    @Test
    void toStringShowsSeverityCodeAndMessage() {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put('S', "FEHLER");
        fields.put('V', "ERROR");
        fields.put('C', "42P01");
        fields.put('M', "relation \"x\" does not exist");
        assertEquals("ERROR 42P01: relation \"x\" does not exist", ServerMessage.of(fields).toString());
    }

    @Test
    void copyResponseRejectsFormatCodesOtherThanZeroOrOne() {
        assertEquals(2, CopyResponse.of(1, new short[] {1, 1}).columnCount());
        assertThrows(IllegalArgumentException.class, () -> CopyResponse.of(2, new short[0]));
        assertThrows(IllegalArgumentException.class, () -> CopyResponse.of(0, new short[] {3}));
    }
}
