package io.pgjet.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes HMAC-SHA-256 (RFC 2104) and PBKDF2-HMAC-SHA-256 over {@link MessageDigest}.
 *
 * <p>Done by hand rather than with {@code javax.crypto.Mac} because JCE keys reject an empty
 * secret, and the inner and outer pad states can be computed once and cloned per message, which
 * is what makes SCRAM's thousands of iterations cheap. Not thread-safe.
 */
final class Sha256Hmac {

    private static final int BLOCK_SIZE = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;

    Sha256Hmac(byte[] key) {
        byte[] k = key.length > BLOCK_SIZE ? sha256().digest(key) : key;
        byte[] pad = new byte[BLOCK_SIZE];
        inner = sha256();
        outer = sha256();
        for (int i = 0; i < BLOCK_SIZE; i++) {
            pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
        }
        inner.update(pad);
        for (int i = 0; i < BLOCK_SIZE; i++) {
            pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x5c);
        }
        outer.update(pad);
        java.util.Arrays.fill(pad, (byte) 0);
    }

    /** Computes HMAC(key, message). */
    byte[] mac(byte[] message) {
        MessageDigest in = copy(inner);
        in.update(message);
        MessageDigest out = copy(outer);
        out.update(in.digest());
        return out.digest();
    }

    /** Computes HMAC(key, key) for a one-off key. */
    static byte[] mac(byte[] key, byte[] message) {
        return new Sha256Hmac(key).mac(message);
    }

    /** Computes PBKDF2-HMAC-SHA-256 with a 32-byte output: SCRAM's {@code Hi(password, salt, i)}. */
    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
        Sha256Hmac prf = new Sha256Hmac(password);
        byte[] block = new byte[salt.length + 4];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[salt.length + 3] = 1;
        byte[] u = prf.mac(block);
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = prf.mac(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 implementation cannot be cloned", e);
        }
    }
}
