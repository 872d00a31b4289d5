package io.pgjet.internal.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgjet.protocol.ProtocolException;
import io.pgjet.protocol.RowDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows kept in chunks come back intact wherever the chunk boundaries fall. */
class RowBufferTest {
    private static final Columns TWO_TEXT_COLUMNS = new Columns(RowDescription.of(
            new String[] {"a", "b"}, new int[] {0, 0}, new short[] {0, 0}, new int[] {25, 25},
            new short[] {-1, -1}, new int[] {-1, -1}, new short[] {0, 0}));

    private static ByteBuf dataRow(String a, String b) {
        ByteBuf row = Unpooled.buffer();
        row.writeShort(2);
        for (String value : new String[] {a, b}) {
            if (value == null) {
                row.writeInt(-1);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                row.writeInt(bytes.length).writeBytes(bytes);
            }
        }
        return row;
    }

    @Test
    void rowsOfRandomSizesSurviveChunkBoundaries() {
        Random random = new Random(20261128L);
        RowBuffer buffer = new RowBuffer(TWO_TEXT_COLUMNS);
        String[] expected = new String[5000];
        for (int i = 0; i < expected.length; i++) {
            int size = random.nextInt(10) == 0 ? 70_000 + random.nextInt(1000) : random.nextInt(200);
            expected[i] = "r" + i + "x".repeat(size);
            ByteBuf row = dataRow(expected[i], i % 3 == 0 ? null : Integer.toString(i));
            buffer.add(row);
            row.release();
        }
        List<io.pgjet.Row> rows = new RowList(buffer);
        assertEquals(expected.length, rows.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rows.get(i).getString(0), "row " + i);
            if (i % 3 == 0) {
                assertNull(rows.get(i).getString(1));
            } else {
                assertEquals(Integer.toString(i), rows.get(i).getString(1));
            }
        }
    }

    @Test
    void rowsReadOutOfOrderAcrossChunksComeBackRight() {
        RowBuffer buffer = new RowBuffer(TWO_TEXT_COLUMNS);
        int count = 3000; // about 20 chunks
        for (int i = 0; i < count; i++) {
            ByteBuf row = dataRow("row " + i, "x".repeat(i % 300));
            buffer.add(row);
            row.release();
        }
        List<io.pgjet.Row> rows = new RowList(buffer);
        Random random = new Random(7);
        for (int n = 0; n < 10_000; n++) {
            int i = n % 3 == 0 ? count - 1 - (n % count) : random.nextInt(count);
            assertEquals("row " + i, rows.get(i).getString(0), "row " + i);
        }
    }

    @Test
    void rowsWhoseValuesStraddleIndexBlockBoundariesComeBackRight() {
        // 3 columns: row 341 has its values at slots 1023, 1024 and 1025, in two index blocks.
        Columns three = new Columns(RowDescription.of(new String[] {"a", "b", "c"}, new int[] {0, 0, 0},
                new short[] {0, 0, 0}, new int[] {25, 25, 25}, new short[] {-1, -1, -1}, new int[] {-1, -1, -1},
                new short[] {0, 0, 0}));
        RowBuffer buffer = new RowBuffer(three);
        for (int i = 0; i < 1000; i++) {
            ByteBuf row = Unpooled.buffer();
            row.writeShort(3);
            for (int c = 0; c < 3; c++) {
                byte[] bytes = (i + "/" + c).getBytes(StandardCharsets.UTF_8);
                row.writeInt(bytes.length).writeBytes(bytes);
            }
            buffer.add(row);
        }
        RowList rows = new RowList(buffer);
        for (int i : new int[] {0, 340, 341, 342, 682, 683, 999}) {
            for (int c = 0; c < 3; c++) {
                assertEquals(i + "/" + c, rows.get(i).getString(c), "row " + i + " column " + c);
            }
        }
    }

    @Test
    void aOneRowAnswerReadsBack() {
        RowBuffer buffer = new RowBuffer(TWO_TEXT_COLUMNS);
        buffer.add(dataRow("only", null));
        RowList rows = new RowList(buffer);
        assertEquals(1, rows.size());
        assertEquals("only", rows.get(0).getString(0));
        assertNull(rows.get(0).getString(1));
    }

    @Test
    void columnsReadInAnyOrderOnOneRowComeBackRight() {
        RowBuffer buffer = new RowBuffer(TWO_TEXT_COLUMNS);
        ByteBuf body = dataRow("first", "second");
        buffer.add(body);
        body.release();
        io.pgjet.Row row = new RowList(buffer).get(0);
        assertEquals("second", row.getString(1));
        assertEquals("first", row.getString(0));
        assertEquals("second", row.getString(1));
        assertEquals("second", row.getString(1));
        assertThrows(IndexOutOfBoundsException.class, () -> row.getString(2));
        assertEquals("first", row.getString(0));
    }

    @Test
    void rowWithWrongColumnCountIsProtocolError() {
        RowBuffer buffer = new RowBuffer(TWO_TEXT_COLUMNS);
        ByteBuf row = Unpooled.buffer().writeShort(1).writeInt(-1);
        try {
            assertThrows(ProtocolException.class, () -> buffer.add(row));
        } finally {
            row.release();
        }
    }

    @Test
    void rowWhoseValueRunsPastTheRowIsProtocolError() {
        assertMalformed(Unpooled.buffer().writeShort(2).writeInt(1).writeByte('x').writeInt(5).writeByte('y'),
                "invalid length 5");
    }

    @Test
    void rowWithLengthBelowMinusOneIsProtocolError() {
        assertMalformed(Unpooled.buffer().writeShort(2).writeInt(-2).writeInt(-1), "invalid length -2");
    }

    @Test
    void rowCutInsideALengthIsProtocolError() {
        assertMalformed(Unpooled.buffer().writeShort(2).writeInt(-1).writeShort(0), "no length for column 1");
    }

    @Test
    void rowWithTrailingBytesIsProtocolError() {
        assertMalformed(Unpooled.buffer().writeShort(2).writeInt(-1).writeInt(-1).writeByte(7), "trailing");
    }

    @Test
    void rowWithoutColumnCountIsProtocolError() {
        assertMalformed(Unpooled.buffer().writeByte(0), "no column count");
    }

    private static void assertMalformed(ByteBuf row, String expectedMessagePart) {
        RowBuffer buffer = new RowBuffer(TWO_TEXT_COLUMNS);
        try {
            ProtocolException e = assertThrows(ProtocolException.class, () -> buffer.add(row));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
            assertEquals(0, buffer.rowCount(), "a malformed row is not counted");
        } finally {
            row.release();
        }
    }
}
