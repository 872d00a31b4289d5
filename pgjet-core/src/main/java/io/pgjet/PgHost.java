package io.pgjet;

import java.util.Objects;

/**
 * One server a connection may be made to: a host name, IP address or unix-domain socket
 * directory, and a port.
 *
 * <p>A {@code host} starting with {@code /} is a socket directory; one starting with {@code @}
 * names a socket in Linux's abstract namespace. For those, the port only names the socket file
 * ({@link #socketPath()}). An optional {@code hostAddress} (libpq's {@code hostaddr}) is a numeric
 * IP address to connect to instead of resolving {@code host}; {@code host} is then still used to
 * verify the server certificate and to look up the password file.
 *
 * @param host        the host name, IP address (IPv6 without brackets) or socket directory;
 *                    never empty
 * @param port        the TCP port, or the number in the socket file name; 1 to 65535
 * @param hostAddress the numeric IP address to connect to, or {@code null} to resolve
 *                    {@code host}
 */
public record PgHost(String host, int port, String hostAddress) {

    /** The port PostgreSQL listens on unless configured otherwise. */
    public static final int DEFAULT_PORT = 5432;

    /**
     * Validates the components.
     *
     * @param host        the host name, IP address or socket directory; never empty
     * @param port        the port, 1 to 65535
     * @param hostAddress the numeric IP address to connect to, or {@code null} (an empty string
     *                    counts as {@code null})
     * @throws PgInterfaceException if {@code host} is empty or the port is out of range
     */
    public PgHost {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new PgInterfaceException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new PgInterfaceException("invalid port " + port + ": must be between 1 and 65535");
        }
        if (hostAddress != null && hostAddress.isEmpty()) {
            hostAddress = null;
        }
    }

    /**
     * Creates a host without a separate numeric address.
     *
     * @param host the host name, IP address or socket directory
     * @param port the port, 1 to 65535
     * @throws PgInterfaceException if {@code host} is empty or the port is out of range
     */
    public PgHost(String host, int port) {
        this(host, port, null);
    }

    /**
     * Tells whether connections go through a unix-domain socket: {@code host} starts with
     * {@code /} (a directory) or {@code @} (the abstract namespace) and no {@code hostAddress}
     * is set.
     *
     * @return {@code true} for a unix-domain socket
     */
    public boolean isUnixSocket() {
        return hostAddress == null && (host.startsWith("/") || host.startsWith("@"));
    }

    /**
     * Returns the socket file to connect to: {@code <host>/.s.PGSQL.<port>}. For the abstract
     * namespace the result starts with {@code @}, which the socket layer replaces with a NUL byte.
     *
     * @return the socket path
     * @throws PgInterfaceException if this is not a {@linkplain #isUnixSocket() unix socket} host
     */
    public String socketPath() {
        if (!isUnixSocket()) {
            throw new PgInterfaceException("not a unix-domain socket host: " + this);
        }
        String dir = host.length() > 1 && host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        return dir + "/.s.PGSQL." + port;
    }

    /**
     * Returns {@code host:port}, with brackets around IPv6 addresses, and the numeric address in
     * parentheses when set.
     *
     * @return a readable form for messages and logs
     */
    @Override
    public String toString() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return shown + ":" + port + (hostAddress == null ? "" : " (" + hostAddress + ")");
    }
}
