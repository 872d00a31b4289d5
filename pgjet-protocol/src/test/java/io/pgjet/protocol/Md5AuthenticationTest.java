package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Known answers computed independently with Python's hashlib. */
class Md5AuthenticationTest {

    @Test
    void encodesPostgresSecretWithSalt01020304() {
        assertEquals("md5bb41a296aab6baccb36ff243a562abff",
                Md5Authentication.encode("postgres", "secret", new byte[] {1, 2, 3, 4}));
    }

    @Test
    void encodesNonAsciiUserAndPasswordAsUtf8AndSaltBytesUnsigned() {
        assertEquals("md55dc7f324f73f502673dc71165962dff1",
                Md5Authentication.encode("jürgen", "paßwort", new byte[] {(byte) 0xff, 0, 0x7f, (byte) 0x80}));
    }
}
