package io.pgjet;

/**
 * Says how a TLS connection is started, as libpq's {@code sslnegotiation} does.
 */
public enum SslNegotiation {
    /**
     * Ask the server for TLS with an SSLRequest message first, then start the TLS handshake if it
     * agrees. Works with every PostgreSQL version. The default.
     */
    POSTGRES("postgres"),
    /**
     * Start the TLS handshake immediately, with ALPN {@code postgresql}, saving a round trip.
     * Needs PostgreSQL 17 or later and an {@link SslMode} of {@link SslMode#REQUIRE} or stronger.
     */
    DIRECT("direct");

    private final String libpqName;

    SslNegotiation(String libpqName) {
        this.libpqName = libpqName;
    }

    /**
     * Returns the value libpq uses for this setting in {@code sslnegotiation=}.
     *
     * @return the libpq spelling
     */
    public String libpqName() {
        return libpqName;
    }
}
