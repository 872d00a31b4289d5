package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed bodies raise ProtocolException, never another exception, and never reach the handler. */
class MalformedBackendMessagesTest {

    private static ProtocolException rejected(char type, String bodySpec) {
        ByteBuf frame = Wire.frame(type, bodySpec);
        RecordingHandler handler = new RecordingHandler();
        try {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> BackendMessages.dispatchNext(frame, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE, handler));
            assertTrue(handler.events.isEmpty(), "handler called for a malformed message: " + handler.events);
            return e;
        } finally {
            frame.release();
        }
    }

    @Test
    void truncatedBodiesAreRejected() {
        rejected('K', "0000");
        rejected('K', "00003039 010203");
        rejected('Z', "");
        rejected('R', "0000");
        rejected('R', "00000005 0102");
        rejected('A', "00003039 'chan' 00 'payload'");
        rejected('S', "'name' 00");
        rejected('t', "0002 00000017");
        rejected('G', "00 0002 0000");
        rejected('V', "00000004 0102");
        rejected('v', "00000000");
    }

    @Test
    void unterminatedStringsAreRejectedNamingTheMessage() {
        ProtocolException e = rejected('C', "'SELECT 1'");
        assertTrue(e.getMessage().contains("CommandComplete"), e.getMessage());
        rejected('E', "'S' 'ERROR' 00 'M' 'oops'");
        rejected('E', "'S' 'ERROR' 00");
        rejected('R', "0000000a 'SCRAM-SHA-256' 00");
    }

    @Test
    void trailingBytesAreRejected() {
        ProtocolException e = rejected('2', "00");
        assertTrue(e.getMessage().contains("BindComplete") && e.getMessage().contains("trailing"), e.getMessage());
        rejected('1', "00");
        rejected('3', "00");
        rejected('n', "00");
        rejected('s', "00");
        rejected('I', "00");
        rejected('c', "00");
        rejected('Z', "49 49");
        rejected('C', "'SELECT 1' 00 00");
        rejected('S', "'a' 00 'b' 00 'c'");
        rejected('E', "'S' 'ERROR' 00 00 ff");
        rejected('R', "00000000 00");
        rejected('R', "00000003 00");
        rejected('R', "00000005 01020304 05");
        rejected('R', "00000007 00");
        rejected('t', "0001 00000017 00");
        rejected('T', "0000 00");
        rejected('H', "00 0001 0000 00");
        rejected('V', "ffffffff 00");
        rejected('V', "00000001 0102");
        rejected('v', "00000000 00000000 00");
        rejected('D', "0001 00000001 61 62");
    }

    @Test
    void negativeLengthsAndCountsAreRejected() {
        rejected('D', "0001 fffffffe");
        rejected('D', "0001 80000000");
        rejected('V', "fffffffb");
        rejected('v', "00000000 ffffffff");
        rejected('v', "00000000 7fffffff");
    }

    @Test
    void dataRowClaimingMoreColumnsThanBytesIsRejected() {
        ProtocolException e = rejected('D', "0003 00000001 61");
        assertTrue(e.getMessage().contains("DataRow"), e.getMessage());
        rejected('D', "ffff");
        rejected('D', "0001 7fffffff 6162");
        rejected('D', "00");
    }

    @Test
    void dataRowGoesUncheckedOnlyToAHandlerThatChecksRowsItself() {
        ByteBuf frame = Wire.frame('D', "0003 00000001 61");
        RecordingHandler selfChecking = new RecordingHandler() {
            @Override
            public boolean checksDataRows() {
                return true;
            }
        };
        try {
            BackendMessages.dispatchNext(frame, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE, selfChecking);
            assertTrue(selfChecking.events.equals(List.of("dataRow 00030000000161")), selfChecking.events.toString());
        } finally {
            frame.release();
        }
    }

    @Test
    void countsTooLargeForTheBodyAreRejectedBeforeAllocating() {
        rejected('T', "ffff 'a' 00");
        rejected('t', "ffff 00000017");
        rejected('W', "00 ffff 0000");
    }

    @Test
    void invalidEnumeratedValuesAreRejected() {
        rejected('Z', "58");
        rejected('G', "02 0000");
        rejected('H', "00 0001 0002");
        rejected('W', "ff 0000");
    }

    @Test
    void cancelKeysOutsideFourTo256BytesAreRejected() {
        rejected('K', "00003039 010203");
        rejected('K', "00003039 " + "00".repeat(257));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7a", "00", "ff", "50", "42"})
    void unknownTypesAreRejectedByDispatch(String typeHex) {
        byte type = (byte) Integer.parseInt(typeHex, 16);
        ByteBuf body = Wire.buffer("");
        try {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> BackendMessages.dispatch(type, body, new RecordingHandler()));
            assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        } finally {
            body.release();
        }
    }

    @Test
    void everyKnownTypeRejectsAGarbageBodyWithProtocolExceptionOnly() {
        for (byte type : List.of((byte) 'D', (byte) 'C', (byte) 'Z', (byte) 'T', (byte) 't', (byte) 'E',
                (byte) 'N', (byte) 'A', (byte) 'S', (byte) 'K', (byte) 'R', (byte) 'G', (byte) 'H', (byte) 'W',
                (byte) 'v', (byte) 'V')) {
            rejected((char) type, "ff");
        }
    }
}
