package io.pgjet.protocol;

import static io.pgjet.protocol.FrontendMessagesTest.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Byte-exact checks of the untyped messages that open a connection: startup, SSL/GSS requests, cancel. */
class StartupEncodingTest {

    private static Map<String, String> parameters(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void startupV30WritesParametersInOrderAndATerminatingNul() {
        assertEncodes("00000023 00030000 'user' 00 'postgres' 00 'database' 00 'db' 00 00",
                out -> FrontendMessages.startup(out, ProtocolVersion.V3_0, parameters("user", "postgres", "database", "db")));
    }

    @Test
    void startupV32WritesVersionCode196610() {
        assertEncodes("00000010 00030002 'user' 00 'u' 00 00",
                out -> FrontendMessages.startup(out, ProtocolVersion.V3_2, parameters("user", "u")));
    }

    @Test
    void startupAllowsEmptyValuesButNotEmptyNames() {
        assertEncodes("00000012 00030000 'options' 00 00 00",
                out -> FrontendMessages.startup(out, ProtocolVersion.V3_0, parameters("options", "")));
        assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.startup(out, ProtocolVersion.V3_0, parameters("", "x"))));
    }

    @Test
    void startupValueWithNulIsRejectedNamingTheParameterAndRolledBack() {
        ByteBuf out = Unpooled.buffer();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrontendMessages.startup(out,
                    ProtocolVersion.V3_0, parameters("user", "u", "application_name", "a\0")));
            assertTrue(e.getMessage().contains("application_name"), e.getMessage());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void sslAndGssEncRequestsCarryTheirMagicCodes() {
        assertEncodes("00000008 04d2162f", FrontendMessages::sslRequest);
        assertEncodes("00000008 04d21630", FrontendMessages::gssEncRequest);
    }

    @Test
    void cancelRequestV30CarriesFourByteKey() {
        assertEncodes("00000010 04d2162e 00003039 01020304",
                out -> FrontendMessages.cancelRequest(out, 12345, new byte[] {1, 2, 3, 4}));
    }

    @Test
    void cancelRequestV32CarriesVariableLengthKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        assertEncodes("0000002c 04d2162e 00003039 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                out -> FrontendMessages.cancelRequest(out, 12345, key));
    }

    @Test
    void cancelRequestRejectsKeysOutside4To256Bytes() {
        assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.cancelRequest(out, 1, new byte[3])));
        assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(out -> FrontendMessages.cancelRequest(out, 1, new byte[257])));
        assertEquals(12 + 256, Wire.encode(out -> FrontendMessages.cancelRequest(out, 1, new byte[256])).length);
    }

    @Test
    void protocolVersionSplitsAndJoinsMajorAndMinor() {
        assertEquals(3, ProtocolVersion.major(ProtocolVersion.V3_2));
        assertEquals(2, ProtocolVersion.minor(ProtocolVersion.V3_2));
        assertEquals(0, ProtocolVersion.minor(ProtocolVersion.V3_0));
        assertEquals(ProtocolVersion.V3_2, ProtocolVersion.of(3, 2));
        assertEquals("3.2", ProtocolVersion.toString(ProtocolVersion.V3_2));
        assertEquals(1234 << 16 | 5679, ProtocolVersion.SSL_REQUEST_CODE);
        assertEquals(1234 << 16 | 5678, ProtocolVersion.CANCEL_REQUEST_CODE);
        assertEquals(1234 << 16 | 5680, ProtocolVersion.GSSENC_REQUEST_CODE);
        assertThrows(IllegalArgumentException.class, () -> ProtocolVersion.of(65536, 0));
    }
}
