package io.pgjet.protocol;

/**
 * Holds protocol version numbers and the special request codes sent in place of a version in the
 * first message of a connection.
 *
 * <p>A version is {@code major << 16 | minor}, as sent in StartupMessage.
 */
public final class ProtocolVersion {

    /** Protocol 3.0, understood by every supported server. */
    public static final int V3_0 = 196608;

    /** Protocol 3.2 (PostgreSQL 18+): variable-length cancel keys. */
    public static final int V3_2 = 196610;

    /** Code sent by SSLRequest instead of a protocol version ({@code 1234 << 16 | 5679}). */
    public static final int SSL_REQUEST_CODE = 80877103;

    /** Code sent by CancelRequest instead of a protocol version ({@code 1234 << 16 | 5678}). */
    public static final int CANCEL_REQUEST_CODE = 80877102;

    /** Code sent by GSSENCRequest instead of a protocol version ({@code 1234 << 16 | 5680}). */
    public static final int GSSENC_REQUEST_CODE = 80877104;

    private ProtocolVersion() {
    }

    /**
     * Extracts the major version number.
     *
     * @param version a version such as {@link #V3_2}
     * @return the upper 16 bits, e.g. 3
     */
    public static int major(int version) {
        return version >>> 16;
    }

    /**
     * Extracts the minor version number.
     *
     * @param version a version such as {@link #V3_2}
     * @return the lower 16 bits, e.g. 2
     */
    public static int minor(int version) {
        return version & 0xFFFF;
    }

    /**
     * Combines a major and a minor version number.
     *
     * @param major the major version, 0..65535
     * @param minor the minor version, 0..65535
     * @return {@code major << 16 | minor}
     * @throws IllegalArgumentException if either number does not fit in 16 bits
     */
    public static int of(int major, int minor) {
        if ((major & ~0xFFFF) != 0 || (minor & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("protocol version out of range: " + major + "." + minor);
        }
        return major << 16 | minor;
    }

    /**
     * Formats a version for messages.
     *
     * @param version a version such as {@link #V3_2}
     * @return for example {@code "3.2"}
     */
    public static String toString(int version) {
        return major(version) + "." + minor(version);
    }
}
