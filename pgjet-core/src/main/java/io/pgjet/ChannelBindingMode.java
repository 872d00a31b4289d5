package io.pgjet;

/**
 * Says whether SCRAM authentication binds to the TLS channel (SCRAM-SHA-256-PLUS with
 * {@code tls-server-end-point}), as libpq's {@code channel_binding} does. Channel binding proves
 * that the server holding the password verifier is the one at the other end of the TLS
 * connection.
 */
public enum ChannelBindingMode {
    /** Never use channel binding. */
    DISABLE("disable"),
    /** Use channel binding when TLS is in use and the server offers it. The default. */
    PREFER("prefer"),
    /**
     * Fail the connection unless the server authenticates with SCRAM and channel binding; this
     * also refuses authentication methods that cannot bind, such as password or md5.
     */
    REQUIRE("require");

    private final String libpqName;

    ChannelBindingMode(String libpqName) {
        this.libpqName = libpqName;
    }

    /**
     * Returns the value libpq uses for this mode in {@code channel_binding=}.
     *
     * @return the libpq spelling
     */
    public String libpqName() {
        return libpqName;
    }
}
