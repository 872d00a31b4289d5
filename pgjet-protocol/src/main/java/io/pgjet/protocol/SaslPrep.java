package io.pgjet.protocol;

import java.text.Normalizer;

/**
 * Prepares passwords for SCRAM with SASLprep (RFC 4013, a profile of stringprep, RFC 3454), as
 * PostgreSQL does. Stateless and thread-safe.
 *
 * <p>Steps: map non-ASCII spaces (table C.1.2) to U+0020 and remove "commonly mapped to nothing"
 * characters (B.1); normalize with NFKC; reject prohibited output (C.1.2, C.2.1, C.2.2, C.3 to
 * C.9) and, as for stored strings, code points unassigned in Unicode 3.2 (A.1); enforce the
 * bidirectional rules of RFC 3454 section 6.
 *
 * <p>Exception texts never include the input or any of its characters, because the input is
 * usually a password.
 */
public final class SaslPrep {

    private SaslPrep() {
    }

    /**
     * Applies SASLprep to a string.
     *
     * @param value the string to prepare, usually a password
     * @return the prepared string
     * @throws IllegalArgumentException if the string contains prohibited or unassigned code points
     *     or violates the bidirectional rules
     */
    public static String prepare(String value) {
        if (isPrintableAscii(value)) {
            return value;
        }
        StringBuilder mapped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (StringPrepTables.contains(StringPrepTables.NON_ASCII_SPACE, cp)) {
                mapped.append(' ');
            } else if (!StringPrepTables.contains(StringPrepTables.MAPPED_TO_NOTHING, cp)) {
                mapped.appendCodePoint(cp);
            }
        }
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        boolean hasRandAl = false;
        boolean hasL = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            if (StringPrepTables.contains(StringPrepTables.PROHIBITED, cp)) {
                throw new IllegalArgumentException("SASLprep: prohibited character at index " + i + " (RFC 4013 2.3)");
            }
            if (StringPrepTables.contains(StringPrepTables.UNASSIGNED, cp)) {
                throw new IllegalArgumentException("SASLprep: unassigned code point at index " + i + " (RFC 4013 2.5)");
            }
            hasRandAl |= StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, cp);
            hasL |= StringPrepTables.contains(StringPrepTables.L_CAT, cp);
            i += Character.charCount(cp);
        }
        if (hasRandAl) {
            int first = normalized.codePointAt(0);
            int last = normalized.codePointBefore(normalized.length());
            if (hasL || !StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, first)
                    || !StringPrepTables.contains(StringPrepTables.RAND_AL_CAT, last)) {
                throw new IllegalArgumentException("SASLprep: violates the bidirectional rules (RFC 3454 section 6)");
            }
        }
        return normalized;
    }

    /**
     * Applies SASLprep, falling back to the unchanged input when it fails, exactly as PostgreSQL
     * does both when it stores a SCRAM verifier and when libpq authenticates: a password that
     * SASLprep rejects is used as its raw UTF-8 bytes.
     *
     * @param password the password
     * @return the prepared password, or {@code password} itself if SASLprep rejects it
     */
    public static String prepareOrRaw(String password) {
        try {
            return prepare(password);
        } catch (IllegalArgumentException e) {
            return password;
        }
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
