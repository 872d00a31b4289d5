package io.pgjet;

/**
 * Says whether and how a connection uses TLS, as libpq's {@code sslmode} does.
 *
 * <p>The default is {@link #PREFER}, like libpq. Only {@link #VERIFY_FULL} protects against an
 * active attacker on the network; {@link #VERIFY_CA} checks the certificate chain but not the
 * host name, and the weaker modes encrypt without authenticating the server. TLS is never used
 * on unix-domain socket connections, whatever the mode (libpq does the same).
 */
public enum SslMode {
    /** Never use TLS. */
    DISABLE("disable"),
    /** Try a plain connection first; if the server refuses it, try TLS. */
    ALLOW("allow"),
    /** Try TLS first; if the server does not support it, connect in plain text. The default. */
    PREFER("prefer"),
    /** Require TLS, but do not verify the server certificate. */
    REQUIRE("require"),
    /** Require TLS and verify that the server certificate chains to a trusted root. */
    VERIFY_CA("verify-ca"),
    /** Require TLS, verify the certificate chain, and verify that it names the server host. */
    VERIFY_FULL("verify-full");

    private final String libpqName;

    SslMode(String libpqName) {
        this.libpqName = libpqName;
    }

    /**
     * Returns the value libpq uses for this mode in {@code sslmode=}, such as {@code "verify-full"}.
     *
     * @return the libpq spelling
     */
    public String libpqName() {
        return libpqName;
    }

    /**
     * Tells whether a connection in this mode fails rather than run without TLS over TCP.
     *
     * @return {@code true} for {@link #REQUIRE}, {@link #VERIFY_CA} and {@link #VERIFY_FULL}
     */
    public boolean requiresTls() {
        return compareTo(REQUIRE) >= 0;
    }

    /**
     * Tells whether the server certificate chain must be verified against trusted roots.
     *
     * @return {@code true} for {@link #VERIFY_CA} and {@link #VERIFY_FULL}
     */
    public boolean verifiesCertificate() {
        return compareTo(VERIFY_CA) >= 0;
    }

    /**
     * Tells whether the server certificate must name the host connected to.
     *
     * @return {@code true} for {@link #VERIFY_FULL}
     */
    public boolean verifiesHostName() {
        return this == VERIFY_FULL;
    }
}
