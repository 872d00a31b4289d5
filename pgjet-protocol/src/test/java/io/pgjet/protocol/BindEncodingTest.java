package io.pgjet.protocol;

import static io.pgjet.protocol.FrontendMessagesTest.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Byte-exact checks of Bind, written in three steps or at once. */
class BindEncodingTest {

    /** Portal "p", statement "s", formats binary/text/binary, values int4 42, NULL, 0x0102; results binary. */
    private static final String PER_PARAMETER_FORMATS_WITH_NULL = "42 00000028 'p' 00 's' 00"
            + " 0003 0001 0000 0001"
            + " 0003 00000004 0000002a ffffffff 00000002 0102"
            + " 0001 0001";

    @Test
    void threeStepBindWritesPerParameterFormatsNullsAndBackPatchedLengths() {
        assertEncodes(PER_PARAMETER_FORMATS_WITH_NULL, out -> {
            int start = FrontendMessages.bindStart(out, "p", "s", new short[] {1, 0, 1}, 3);
            int first = FrontendMessages.bindValueStart(out);
            out.writeInt(42);
            FrontendMessages.bindValueEnd(out, first);
            FrontendMessages.bindNull(out);
            int third = FrontendMessages.bindValueStart(out);
            out.writeByte(1).writeByte(2);
            FrontendMessages.bindValueEnd(out, third);
            FrontendMessages.bindEnd(out, start, new short[] {1});
        });
    }

    @Test
    void convenienceBindWritesTheSameBytesAsThreeSteps() {
        assertEncodes(PER_PARAMETER_FORMATS_WITH_NULL, out -> FrontendMessages.bind(out, "p", "s",
                new short[] {1, 0, 1}, new byte[][] {{0, 0, 0, 42}, null, {1, 2}}, new short[] {1}));
    }

    @Test
    void bindWithoutParametersOrFormatsIsMinimal() {
        assertEncodes("42 0000000c 00 00 0000 0000 0000", out -> FrontendMessages.bind(out, null, null, null, null, null));
    }

    @Test
    void singleFormatCodeAppliesToAllParametersAndEmptyValueHasZeroLength() {
        assertEncodes("42 0000001b 00 's1' 00 0001 0001 0002 00000001 'x' 00000000 0001 0000",
                out -> FrontendMessages.bind(out, "", "s1", new short[] {1}, new byte[][] {{'x'}, {}}, new short[] {0}));
    }

    @Test
    void perColumnResultFormatsAreWrittenInOrder() {
        assertEncodes("42 00000012 00 00 0000 0000 0003 0001 0000 0001",
                out -> FrontendMessages.bind(out, "", "", null, null, new short[] {1, 0, 1}));
    }

    @Test
    void formatCountMatchingNeitherOneNorParameterCountIsRejectedBeforeWriting() {
        ByteBuf out = Unpooled.buffer();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FrontendMessages.bindStart(out, "", "", new short[] {1, 1}, 3));
            assertTrue(e.getMessage().contains("parameterFormats"), e.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void parameterCountAbove65535IsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.bindStart(out, "", "", null, 65536)));
        assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.bindStart(out, "", "", null, -1)));
    }

    @Test
    void statementNameWithNulIsRejectedAndNothingIsLeftInTheBuffer() {
        ByteBuf out = Unpooled.buffer();
        try {
            FrontendMessages.sync(out);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FrontendMessages.bind(out, "", "s\0", null, new byte[][] {{1}}, null));
            assertTrue(e.getMessage().contains("statement"), e.getMessage());
            assertArrayEquals(Wire.bytes("53 00000004"), io.netty.buffer.ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    @Test
    void bindEndRejectsAnIndexThatIsNotABindStart() {
        assertThrows(IllegalArgumentException.class, () -> Wire.encode(out -> {
            FrontendMessages.sync(out);
            FrontendMessages.bindEnd(out, 0, null);
        }));
    }
}
