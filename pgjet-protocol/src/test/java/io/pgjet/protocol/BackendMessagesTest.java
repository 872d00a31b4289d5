package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decodes every backend message type from hand-written frames (format per the protocol documentation). */
class BackendMessagesTest {

    /** Decodes one complete frame, checks it was consumed entirely, and returns the single event. */
    static RecordingHandler decode(String frameSpec) {
        ByteBuf in = Wire.buffer(frameSpec);
        try {
            RecordingHandler handler = new RecordingHandler();
            assertTrue(BackendMessages.dispatchNext(in, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE, handler));
            assertFalse(in.isReadable(), "frame not fully consumed");
            handler.single();
            return handler;
        } finally {
            in.release();
        }
    }

    static String event(String frameSpec) {
        return decode(frameSpec).single();
    }

    @Test
    void dataRowIsPassedPositionedAtColumnCount() {
        assertEquals("dataRow 0003000000040000002affffffff00000003616263",
                event("44 00000019 0003 00000004 0000002a ffffffff 00000003 'abc'"));
    }

    @Test
    void dataRowWithZeroColumnsIsAccepted() {
        assertEquals("dataRow 0000", event("44 00000006 0000"));
    }

    @Test
    void commandCompleteCarriesTheTag() {
        assertEquals("commandComplete INSERT 0 1", event("43 0000000f 'INSERT 0 1' 00"));
    }

    @Test
    void emptyMessagesMapToTheirCallbacks() {
        assertEquals("bindComplete", event("32 00000004"));
        assertEquals("parseComplete", event("31 00000004"));
        assertEquals("closeComplete", event("33 00000004"));
        assertEquals("noData", event("6e 00000004"));
        assertEquals("portalSuspended", event("73 00000004"));
        assertEquals("emptyQueryResponse", event("49 00000004"));
        assertEquals("copyDone", event("63 00000004"));
    }

    @Test
    void readyForQueryCarriesTransactionStatus() {
        assertEquals("readyForQuery I", event("5a 00000005 49"));
        assertEquals("readyForQuery T", event("5a 00000005 54"));
        assertEquals("readyForQuery E", event("5a 00000005 45"));
    }

    @Test
    void rowDescriptionDecodesEveryFieldOfEveryColumn() {
        RowDescription d = decode("54 00000032 0002"
                + " 'id' 00 00004000 0001 00000017 0004 ffffffff 0001"
                + " 'name' 00 00004000 0002 00000019 ffff ffffffff 0000").rowDescription;
        assertEquals(2, d.columnCount());
        assertEquals("id", d.name(0));
        assertEquals(16384, d.tableOid(0));
        assertEquals(1, d.columnAttribute(0));
        assertEquals(23, d.typeOid(0));
        assertEquals(4, d.typeSize(0));
        assertEquals(-1, d.typeModifier(0));
        assertEquals(1, d.format(0));
        assertEquals("name", d.name(1));
        assertEquals(2, d.columnAttribute(1));
        assertEquals(25, d.typeOid(1));
        assertEquals(-1, d.typeSize(1));
        assertEquals(0, d.format(1));
        assertEquals(1, d.indexOf("name"));
    }

    @Test
    void rowDescriptionWithZeroColumnsIsAccepted() {
        assertEquals(0, decode("54 00000006 0000").rowDescription.columnCount());
    }

    @Test
    void parameterDescriptionListsTypeOids() {
        assertArrayEquals(new int[] {23, 25}, decode("74 0000000e 0002 00000017 00000019").oids);
    }

    @Test
    void parameterDescriptionOfMoreThan65535ParametersKeepsEveryOid() {
        // PostgreSQL writes the count as an Int16: 65,537 parameters arrive as a count of 1.
        int count = 65_537;
        StringBuilder body = new StringBuilder("0001");
        for (int i = 0; i < count; i++) {
            body.append(" 00000017");
        }
        ByteBuf frame = Wire.frame('t', body.toString());
        RecordingHandler handler = new RecordingHandler();
        try {
            assertTrue(BackendMessages.dispatchNext(frame, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE, handler));
            assertEquals(count, handler.oids.length);
        } finally {
            frame.release();
        }
    }

    @Test
    void parameterDescriptionWhoseOidsDisagreeWithItsCountIsRejected() {
        ByteBuf frame = Wire.frame('t', "0002 00000017");
        try {
            assertThrows(ProtocolException.class,
                    () -> BackendMessages.dispatchNext(frame, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE, new RecordingHandler()));
        } finally {
            frame.release();
        }
    }

    @Test
    void errorResponseExposesEveryField() {
        ByteBuf frame = Wire.frame('E', "'S' 'ERROR' 00 'V' 'ERROR' 00 'C' '23505' 00"
                + " 'M' 'duplicate key value violates unique constraint' 00"
                + " 'D' 'Key (id)=(1) already exists.' 00 'H' 'try another id' 00 'P' '15' 00 'p' '3' 00"
                + " 'q' 'select 1' 00 'W' 'PL/pgSQL function f() line 3' 00 's' 'public' 00 't' 'users' 00"
                + " 'c' 'id' 00 'd' 'int4' 00 'n' 'users_pkey' 00 'F' 'nbtinsert.c' 00 'L' '666' 00"
                + " 'R' '_bt_check_unique' 00 00");
        RecordingHandler handler = new RecordingHandler();
        try {
            assertTrue(BackendMessages.dispatchNext(frame, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE, handler));
        } finally {
            frame.release();
        }
        ServerMessage e = handler.serverMessage;
        assertEquals("ERROR", e.severity());
        assertEquals("ERROR", e.severityNonLocalized());
        assertEquals("23505", e.code());
        assertEquals("duplicate key value violates unique constraint", e.message());
        assertEquals("Key (id)=(1) already exists.", e.detail());
        assertEquals("try another id", e.hint());
        assertEquals(15, e.position());
        assertEquals(3, e.internalPosition());
        assertEquals("select 1", e.internalQuery());
        assertEquals("PL/pgSQL function f() line 3", e.where());
        assertEquals("public", e.schema());
        assertEquals("users", e.table());
        assertEquals("id", e.column());
        assertEquals("int4", e.dataType());
        assertEquals("users_pkey", e.constraint());
        assertEquals("nbtinsert.c", e.file());
        assertEquals("666", e.line());
        assertEquals("_bt_check_unique", e.routine());
        assertEquals("23505", e.field('C'));
        assertEquals(18, e.fields().size());
        assertEquals('S', e.fields().keySet().iterator().next());
        assertThrows(UnsupportedOperationException.class, () -> e.fields().put('X', "x"));
        assertEquals("errorResponse ERROR 23505: duplicate key value violates unique constraint", handler.single());
    }

    @Test
    void noticeResponseWithUnknownFieldCodeKeepsIt() {
        RecordingHandler handler = decode("4e 00000021 'S' 'WARNING' 00 'C' '01000' 00 'M' 'careful' 00 'Z' 'z' 00 00");
        ServerMessage n = handler.serverMessage;
        assertEquals("WARNING", n.severity());
        assertNull(n.severityNonLocalized());
        assertEquals("z", n.field('Z'));
        assertNull(n.detail());
        assertEquals(0, n.position());
        assertTrue(handler.single().startsWith("noticeResponse WARNING 01000: careful"));
    }

    @Test
    void notificationResponseCarriesProcessChannelAndPayload() {
        assertEquals("notificationResponse 12345 chan hello", event("41 00000013 00003039 'chan' 00 'hello' 00"));
        assertEquals("notificationResponse 1 c ", event("41 0000000b 00000001 'c' 00 00"));
    }

    @Test
    void parameterStatusCarriesNameAndValue() {
        assertEquals("parameterStatus client_encoding=UTF8", event("53 00000019 'client_encoding' 00 'UTF8' 00"));
    }

    @Test
    void backendKeyDataV30HasAFourByteKey() {
        assertEquals("backendKeyData 12345 deadbeef", event("4b 0000000c 00003039 deadbeef"));
    }

    @Test
    void backendKeyDataV32HasA32ByteKey() {
        RecordingHandler handler = decode("4b 00000028 00003039"
                + " 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertEquals(32, handler.bytes.length);
        assertEquals(31, handler.bytes[31]);
    }

    @Test
    void authenticationRequestsMapToTheirCallbacks() {
        assertEquals("authenticationOk", event("52 00000008 00000000"));
        assertEquals("authenticationCleartextPassword", event("52 00000008 00000003"));
        assertEquals("authenticationMd5Password 01020304", event("52 0000000c 00000005 01020304"));
        assertEquals("authenticationSaslContinue r=abc,s=xyz,i=4096", event("52 0000001a 0000000b 'r=abc,s=xyz,i=4096'"));
        assertEquals("authenticationSaslFinal v=abc=", event("52 0000000e 0000000c 'v=abc='"));
    }

    @Test
    void authenticationSaslListsMechanismsInOrder() {
        RecordingHandler handler = decode("52 0000002a 0000000a 'SCRAM-SHA-256-PLUS' 00 'SCRAM-SHA-256' 00 00");
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"), handler.strings);
        assertThrows(UnsupportedOperationException.class, () -> handler.strings.add("x"));
    }

    @Test
    void unsupportedAuthenticationRequestsReportTheirCode() {
        assertEquals("authenticationUnsupported 2", event("52 00000008 00000002"));
        assertEquals("authenticationUnsupported 6", event("52 00000008 00000006"));
        assertEquals("authenticationUnsupported 7", event("52 00000008 00000007"));
        assertEquals("authenticationUnsupported 8", event("52 0000000b 00000008 aabbcc"));
        assertEquals("authenticationUnsupported 9", event("52 00000008 00000009"));
        assertEquals("authenticationUnsupported 4", event("52 0000000a 00000004 abcd"));
    }

    @Test
    void copyResponsesDecodeOverallAndColumnFormats() {
        CopyResponse in = decode("47 0000000b 00 0002 0000 0000").copyResponse;
        assertEquals(0, in.overallFormat());
        assertEquals(2, in.columnCount());
        assertEquals(0, in.columnFormat(1));
        CopyResponse out = decode("48 0000000b 01 0002 0001 0001").copyResponse;
        assertEquals(1, out.overallFormat());
        assertEquals(1, out.columnFormat(0));
        RecordingHandler both = decode("57 00000007 00 0000");
        assertEquals("copyBothResponse CopyResponse{format=0, columns=[]}", both.single());
        assertEquals(0, both.copyResponse.columnCount());
    }

    @Test
    void copyDataPassesThePayload() {
        assertEquals("copyData 61626364", event("64 00000008 'abcd'"));
        assertEquals("copyData ", event("64 00000004"));
    }

    @Test
    void negotiateProtocolVersionListsNewestMinorAndUnrecognizedOptions() {
        RecordingHandler handler = decode("76 00000015 00000000 00000001 '_pq_.foo' 00");
        assertEquals("negotiateProtocolVersion 0 [_pq_.foo]", handler.single());
        assertEquals("negotiateProtocolVersion 2 []", event("76 0000000c 00000002 00000000"));
    }

    @Test
    void functionCallResponseCarriesValueOrNull() {
        assertEquals("functionCallResponse NULL", event("56 00000008 ffffffff"));
        assertEquals("functionCallResponse 0102", event("56 0000000a 00000002 0102"));
        assertEquals("functionCallResponse ", event("56 00000008 00000000"));
    }

    @Test
    void dispatchNextReturnsFalseUntilTheFrameIsCompleteAndConsumesFramesInOrder() {
        ByteBuf in = Wire.buffer("32 00000004 5a 00000005 49 43 00000009");
        try {
            RecordingHandler handler = new RecordingHandler();
            while (BackendMessages.dispatchNext(in, 1024, handler)) {
                // drain
            }
            assertEquals(List.of("bindComplete", "readyForQuery I"), handler.events);
            assertEquals(5, in.readableBytes());
        } finally {
            in.release();
        }
    }

    @Test
    void dispatchOfABodySliceLeavesTheFrameBufferAlone() {
        ByteBuf frame = Wire.buffer("43 0000000d 'SELECT 1' 00");
        try {
            RecordingHandler handler = new RecordingHandler();
            BackendMessages.dispatch(frame.getByte(0), frame.slice(5, frame.readableBytes() - 5), handler);
            assertEquals("commandComplete SELECT 1", handler.single());
            assertEquals(0, frame.readerIndex());
        } finally {
            frame.release();
        }
    }

    @Test
    void backendMessageTypeNamesKnownAndUnknownTypes() {
        assertEquals("DataRow", BackendMessageType.name(BackendMessageType.DATA_ROW));
        assertEquals("unknown message type 0x7a ('z')", BackendMessageType.name((byte) 'z'));
        assertTrue(BackendMessageType.isKnown((byte) 'v'));
        assertFalse(BackendMessageType.isKnown((byte) 0));
    }
}
