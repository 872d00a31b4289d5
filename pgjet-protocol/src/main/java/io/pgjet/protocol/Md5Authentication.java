package io.pgjet.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes the response to AuthenticationMD5Password. Stateless and thread-safe.
 *
 * <p>MD5 password authentication is deprecated by PostgreSQL; prefer SCRAM-SHA-256.
 */
public final class Md5Authentication {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Md5Authentication() {
    }

    /**
     * Encodes a password for an MD5 challenge: {@code "md5" + hex(md5(hex(md5(password + user)) +
     * salt))}, with strings as UTF-8.
     *
     * @param user the user name sent in the startup message
     * @param password the password; never logged
     * @param salt the 4-byte salt from AuthenticationMD5Password; not retained
     * @return the 35-character response to send with {@link FrontendMessages#password}
     * @throws IllegalStateException if the JDK provides no MD5 implementation
     */
    public static String encode(String user, String password, byte[] salt) {
        MessageDigest md5 = md5();
        md5.update(password.getBytes(StandardCharsets.UTF_8));
        md5.update(user.getBytes(StandardCharsets.UTF_8));
        byte[] inner = hex(md5.digest());
        md5.update(inner);
        md5.update(salt);
        byte[] outer = hex(md5.digest());
        return "md5" + new String(outer, StandardCharsets.US_ASCII);
    }

    private static byte[] hex(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return out;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }
}
