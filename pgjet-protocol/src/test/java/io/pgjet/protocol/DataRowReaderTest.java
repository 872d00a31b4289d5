package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Walking DataRow columns in place: lengths, NULLs, skipping, reuse. */
class DataRowReaderTest {
    /** Fixed so a failure can be replayed. */
    private static final long SEED = 20261128L;


    /** Three columns: int4 42, NULL, text "abc". */
    private static final String ROW = "0003 00000004 0000002a ffffffff 00000003 'abc'";

    @Test
    void nextColumnReturnsLengthsAndPositionsTheReaderIndexAtTheValue() {
        ByteBuf row = Wire.buffer(ROW);
        try {
            DataRowReader reader = new DataRowReader().reset(row);
            assertEquals(3, reader.columnCount());
            assertEquals(3, DataRows.columnCount(row.duplicate().readerIndex(0)));
            assertEquals(-1, reader.columnIndex());
            assertEquals(4, reader.nextColumn());
            assertEquals(42, row.readInt());
            assertEquals(-1, reader.nextColumn());
            assertEquals(1, reader.columnIndex());
            assertTrue(reader.hasNextColumn());
            assertEquals(3, reader.nextColumn());
            assertEquals("abc", row.toString(row.readerIndex(), 3, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(reader.valueIndex(), row.readerIndex());
            assertEquals(3, reader.valueLength());
            assertFalse(reader.hasNextColumn());
            assertThrows(NoSuchElementException.class, reader::nextColumn);
            assertSame(row, reader.row());
        } finally {
            row.release();
        }
    }

    @Test
    void nextColumnDoesNotDependOnWhetherTheCallerReadTheValue() {
        ByteBuf row = Wire.buffer(ROW);
        try {
            DataRowReader reader = new DataRowReader().reset(row);
            reader.nextColumn();
            row.readByte(); // read only part of the value
            assertEquals(-1, reader.nextColumn());
            assertEquals(3, reader.nextColumn());
        } finally {
            row.release();
        }
    }

    @Test
    void skipMovesPastColumnsWithoutReadingThem() {
        ByteBuf row = Wire.buffer(ROW);
        try {
            DataRowReader reader = new DataRowReader().reset(row);
            reader.skip(2);
            assertEquals(3, reader.nextColumn());
            reader.reset(row.readerIndex(0));
            reader.skip();
            assertEquals(-1, reader.nextColumn());
            assertThrows(NoSuchElementException.class, () -> reader.skip(2));
        } finally {
            row.release();
        }
    }

    @Test
    void readerRejectsColumnsThatOverrunTheRow() {
        ByteBuf row = Wire.buffer("0002 00000001 61 00000009 62");
        try {
            DataRowReader reader = new DataRowReader().reset(row);
            assertEquals(1, reader.nextColumn());
            assertThrows(ProtocolException.class, reader::nextColumn);
        } finally {
            row.release();
        }
    }

    @Test
    void locateColumnsFillsValueIndexesAndLengths() {
        ByteBuf row = Wire.buffer(ROW);
        try {
            int[] indexes = new int[4];
            int[] lengths = new int[4];
            assertEquals(3, DataRows.locateColumns(row, indexes, lengths));
            assertArrayEquals(new int[] {4, -1, 3, 0}, lengths);
            assertEquals(6, indexes[0]);
            assertEquals(14, indexes[1]);
            assertEquals(18, indexes[2]);
            assertEquals(0, row.readerIndex());
            assertThrows(IllegalArgumentException.class, () -> DataRows.locateColumns(row, new int[2], new int[2]));
        } finally {
            row.release();
        }
    }

    @Test
    void encodedColumnsReadBackExactly() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 300; trial++) {
            List<byte[]> columns = new ArrayList<>();
            List<Boolean> nulls = new ArrayList<>();
            int count = random.nextInt(21);
            for (int i = 0; i < count; i++) {
                byte[] value = new byte[random.nextInt(13)];
                random.nextBytes(value);
                columns.add(value);
                nulls.add(random.nextInt(4) == 0);
            }
            readBack(columns, nulls);
        }
    }

    private static void readBack(List<byte[]> columns, List<Boolean> nulls) {
        ByteBuf row = Unpooled.buffer();
        try {
            row.writeShort(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                boolean isNull = i < nulls.size() && nulls.get(i);
                if (isNull) {
                    row.writeInt(-1);
                } else {
                    row.writeInt(columns.get(i).length).writeBytes(columns.get(i));
                }
            }
            DataRows.validate(row);
            DataRowReader reader = new DataRowReader().reset(row);
            for (int i = 0; i < columns.size(); i++) {
                int length = reader.nextColumn();
                if (i < nulls.size() && nulls.get(i)) {
                    assertEquals(-1, length);
                } else {
                    byte[] value = new byte[length];
                    row.readBytes(value);
                    assertArrayEquals(columns.get(i), value);
                }
            }
            assertFalse(reader.hasNextColumn());
        } finally {
            row.release();
        }
    }
}
