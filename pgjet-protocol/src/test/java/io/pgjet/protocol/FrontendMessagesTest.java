package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Byte-exact checks of the extended-query, simple-query, COPY and authentication encoders. */
class FrontendMessagesTest {

    static void assertEncodes(String expectedSpec, Consumer<ByteBuf> encoder) {
        assertEquals(Wire.hex(Wire.bytes(expectedSpec)), Wire.hex(Wire.encode(encoder)));
    }

    @Test
    void syncFlushTerminateAndCopyDoneAreBareHeaders() {
        assertEncodes("53 00000004", FrontendMessages::sync);
        assertEncodes("48 00000004", FrontendMessages::flush);
        assertEncodes("58 00000004", FrontendMessages::terminate);
        assertEncodes("63 00000004", FrontendMessages::copyDone);
    }

    @Test
    void executeWritesPortalNameAndRowLimit() {
        assertEncodes("45 0000000b 'p1' 00 00000064", out -> FrontendMessages.execute(out, "p1", 100));
    }

    @Test
    void executeOfUnnamedPortalWithoutLimitWritesEmptyNameAndZero() {
        assertEncodes("45 00000009 00 00000000", out -> FrontendMessages.execute(out, null, 0));
        assertEncodes("45 00000009 00 00000000", out -> FrontendMessages.execute(out, "", 0));
    }

    @Test
    void executeRejectsNegativeRowLimit() {
        assertThrows(IllegalArgumentException.class, () -> Wire.encode(out -> FrontendMessages.execute(out, "", -1)));
    }

    @Test
    void parseWritesNameQueryAndParameterTypes() {
        assertEncodes("50 0000001c 's1' 00 'select $1::int' 00 0001 00000017",
                out -> FrontendMessages.parse(out, "s1", "select $1::int", new int[] {23}));
    }

    @Test
    void parseWithoutParameterTypesWritesZeroCount() {
        assertEncodes("50 00000010 00 'select 1' 00 0000", out -> FrontendMessages.parse(out, "", "select 1", new int[0]));
        assertEncodes("50 00000010 00 'select 1' 00 0000", out -> FrontendMessages.parse(out, null, "select 1", null));
    }

    @Test
    void parseRejectsMoreThan65535ParameterTypes() {
        assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.parse(out, "", "x", new int[65536])));
    }

    @Test
    void describeAndCloseWriteTargetKindAndName() {
        assertEncodes("44 00000008 53 's1' 00", out -> FrontendMessages.describeStatement(out, "s1"));
        assertEncodes("44 00000006 50 00", out -> FrontendMessages.describePortal(out, ""));
        assertEncodes("43 00000008 53 's1' 00", out -> FrontendMessages.closeStatement(out, "s1"));
        assertEncodes("43 00000007 50 'p' 00", out -> FrontendMessages.closePortal(out, "p"));
    }

    @Test
    void queryWritesNulTerminatedSql() {
        assertEncodes("51 0000000d 'select 1' 00", out -> FrontendMessages.query(out, "select 1"));
    }

    @Test
    void queryEncodesNonAsciiAsUtf8() {
        assertEncodes("51 00000010 'select ' 27 c3a9 27 00", out -> FrontendMessages.query(out, "select 'é'"));
        assertEncodes("51 00000009 f09f9880 00", out -> FrontendMessages.query(out, "\uD83D\uDE00"));
    }

    @Test
    void queryRejectsNulNamingTheFieldAndLeavesBufferUnchanged() {
        ByteBuf out = Unpooled.buffer();
        try {
            FrontendMessages.sync(out);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FrontendMessages.query(out, "select 1\0; drop table t"));
            assertTrue(e.getMessage().contains("sql"), e.getMessage());
            assertEquals(5, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void nameContainingNulIsRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.closeStatement(out, "a\0b")));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void copyDataFromBufferCopiesReadableBytesWithoutConsumingOrReleasing() {
        ByteBuf data = Unpooled.copiedBuffer("xabc", StandardCharsets.US_ASCII);
        try {
            data.skipBytes(1);
            assertEncodes("64 00000007 'abc'", out -> FrontendMessages.copyData(out, data));
            assertEquals(1, data.readerIndex());
            assertEquals(1, data.refCnt());
        } finally {
            data.release();
        }
    }

    @Test
    void copyDataFromArrayRangeWritesOnlyTheRange() {
        byte[] data = "xabcx".getBytes(StandardCharsets.US_ASCII);
        assertEncodes("64 00000007 'abc'", out -> FrontendMessages.copyData(out, data, 1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Wire.encode(out -> FrontendMessages.copyData(out, data, 3, 3)));
    }

    @Test
    void copyDataStartAndEndBackPatchTheLengthOfBytesWrittenBetween() {
        assertEncodes("64 00000007 'row' 64 00000004", out -> {
            int start = FrontendMessages.copyDataStart(out);
            out.writeBytes("row".getBytes(StandardCharsets.US_ASCII));
            FrontendMessages.copyDataEnd(out, start);
            FrontendMessages.copyDataEnd(out, FrontendMessages.copyDataStart(out));
        });
    }

    @Test
    void copyDataEndRejectsAnIndexThatIsNotACopyDataStart() {
        assertThrows(IllegalArgumentException.class, () -> Wire.encode(out -> {
            FrontendMessages.sync(out);
            FrontendMessages.copyDataEnd(out, 0);
        }));
    }

    @Test
    void copyFailWritesTheReason() {
        assertEncodes("66 00000009 'boom' 00", out -> FrontendMessages.copyFail(out, "boom"));
    }

    @Test
    void passwordWritesNulTerminatedText() {
        assertEncodes("70 0000000b 'secret' 00", out -> FrontendMessages.password(out, "secret"));
    }

    @Test
    void passwordWithNulIsRejectedWithoutRevealingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.password(out, "hunter\0two")));
        assertTrue(!e.getMessage().contains("hunter"), e.getMessage());
    }

    @Test
    void saslInitialResponseWritesMechanismAndLengthPrefixedData() {
        assertEncodes("70 00000021 'SCRAM-SHA-256' 00 0000000b 'n,,n=,r=abc'", out -> FrontendMessages
                .saslInitialResponse(out, "SCRAM-SHA-256", "n,,n=,r=abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void saslInitialResponseWithoutDataWritesLengthMinusOne() {
        assertEncodes("70 00000016 'SCRAM-SHA-256' 00 ffffffff",
                out -> FrontendMessages.saslInitialResponse(out, "SCRAM-SHA-256", null));
    }

    @Test
    void saslResponseWritesRawData() {
        assertEncodes("70 0000000a 'c=biws'",
                out -> FrontendMessages.saslResponse(out, "c=biws".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void messagesAppendAtTheWriterIndex() {
        assertEncodes("50 00000010 00 'select 1' 00 0000 42 0000000c 00 00 0000 0000 0000 44 00000006 50 00"
                + " 45 00000009 00 00000000 53 00000004", out -> {
                    FrontendMessages.parse(out, "", "select 1", null);
                    FrontendMessages.bind(out, "", "", null, null, null);
                    FrontendMessages.describePortal(out, "");
                    FrontendMessages.execute(out, "", 0);
                    FrontendMessages.sync(out);
                });
    }
}
