package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/** Frame detection: incomplete input waits, bad headers fail fast, nothing is consumed. */
class BackendFramingTest {

    private static int frameLength(String spec, int max) {
        ByteBuf in = Wire.buffer(spec);
        try {
            int length = BackendFraming.completeFrameLength(in, max);
            assertEquals(0, in.readerIndex(), "framing must not consume");
            return length;
        } finally {
            in.release();
        }
    }

    private static ProtocolException frameFailure(String spec, int max) {
        return assertThrows(ProtocolException.class, () -> frameLength(spec, max));
    }

    @Test
    void completeFrameReportsOnePlusDeclaredLength() {
        assertEquals(6, frameLength("5a 00000005 49", 1024));
        assertEquals(6, frameLength("5a 00000005 49 32 000000", 1024));
        assertEquals(5, frameLength("32 00000004", 1024));
    }

    @Test
    void partialHeaderOrBodyReportsZero() {
        assertEquals(0, frameLength("", 1024));
        assertEquals(0, frameLength("5a", 1024));
        assertEquals(0, frameLength("5a 000000", 1024));
        assertEquals(0, frameLength("5a 00000005", 1024));
        assertEquals(0, frameLength("44 00000019 0003 00000004", 1024));
    }

    @Test
    void framingRespectsTheReaderIndex() {
        ByteBuf in = Wire.buffer("ff ff 32 00000004");
        try {
            in.skipBytes(2);
            assertEquals(5, BackendFraming.completeFrameLength(in, 1024));
        } finally {
            in.release();
        }
    }

    @Test
    void declaredLengthBelowFourIsRejected() {
        ProtocolException e = frameFailure("5a 00000003", 1024);
        assertTrue(e.getMessage().contains("ReadyForQuery") && e.getMessage().contains("3"), e.getMessage());
        frameFailure("44 80000000", 1024);
        frameFailure("44 ffffffff", 1024);
    }

    @Test
    void declaredLengthOverTheLimitIsRejectedBeforeTheBodyArrives() {
        ProtocolException e = frameFailure("44 00000401", 1024);
        assertTrue(e.getMessage().contains("DataRow"), e.getMessage());
        assertTrue(e.getMessage().contains("1025"), e.getMessage());
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
        frameFailure("44 7fffffff", BackendFraming.DEFAULT_MAX_MESSAGE_SIZE);
        assertEquals(0, frameLength("44 00000400", 1024));
    }

    @Test
    void unknownTypeIsRejectedFromItsFirstByte() {
        ProtocolException e = frameFailure("7a", 1024);
        assertTrue(e.getMessage().contains("0x7a"), e.getMessage());
        frameFailure("00 00000004", 1024);
        frameFailure("ff 00000004", 1024);
    }

    @Test
    void maxMessageSizeOutsideItsRangeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> frameLength("32 00000004", 3));
        assertThrows(IllegalArgumentException.class, () -> frameLength("32 00000004", Integer.MAX_VALUE));
        assertEquals(5, frameLength("32 00000004", BackendFraming.MAX_MESSAGE_SIZE_LIMIT));
    }

    @Test
    void defaultLimitAdmitsAOneGibibyteField() {
        assertTrue(BackendFraming.DEFAULT_MAX_MESSAGE_SIZE > (1 << 30) + 4 + 2 + 4);
    }
}
