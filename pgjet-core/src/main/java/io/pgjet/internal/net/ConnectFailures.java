package io.pgjet.internal.net;

import io.pgjet.PgHost;
import java.io.FileNotFoundException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words for a failed connection attempt, as libpq says them, so a PgJet user reads the message
 * they know from psql: which server was tried, the operating system's reason, and libpq's hint.
 *
 * <pre>
 * connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
 * 	Is the server running on that host and accepting TCP/IP connections?
 * connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: No such file or directory
 * 	Is the server running locally and accepting connections on that socket?
 * </pre>
 *
 * <p>Every method is a pure function of the host, port or socket path and the exception the
 * socket layer threw (Netty's native or NIO transport, or a JDK socket), so every transport
 * words its failures the same way. Thread-safe: no state.
 */
public final class ConnectFailures {
    /** libpq's hint after a failed TCP connect. */
    static final String TCP_HINT = "Is the server running on that host and accepting TCP/IP connections?";
    /** libpq's hint after a failed unix-domain socket connect. */
    static final String SOCKET_HINT = "Is the server running locally and accepting connections on that socket?";

    /**
     * Netty's native transport words errors as {@code "finishConnect(..) failed with error(-111):
     * Connection refused"}; the part after the prefix is the C library's {@code strerror} text.
     */
    private static final Pattern NATIVE_PREFIX = Pattern.compile("^\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: (.*)$",
            Pattern.DOTALL);

    /** Netty's annotation of an exception with the remote address: {@code ": host/1.2.3.4:5432"}. */
    private static final Pattern ADDRESS_SUFFIX = Pattern.compile(": [^\\s/]*/[0-9A-Fa-f.:%\\[\\]]+:[0-9]+$");

    private ConnectFailures() {}

    /**
     * Returns libpq's name for a TCP attempt: {@code connection to server at "HOST" (ADDRESS), port
     * PORT}. The address appears only when it differs from what the user wrote, as in libpq: a
     * {@code hostaddr} is shown instead of the host name, and an IP literal is not repeated.
     *
     * @param host        the host as configured
     * @param hostAddress the configured numeric address ({@code hostaddr}), or null
     * @param address     the address being connected to, or null when not resolved yet
     * @param port        the TCP port
     * @return the description, without a trailing colon
     */
    public static String tcpTarget(String host, String hostAddress, InetAddress address, int port) {
        String shown = hostAddress != null ? hostAddress : host;
        String numeric = address == null ? null : numeric(address);
        if (hostAddress == null && numeric != null && !numeric.equals(host)) {
            return "connection to server at \"" + shown + "\" (" + numeric + "), port " + port;
        }
        return "connection to server at \"" + shown + "\", port " + port;
    }

    /**
     * Returns libpq's name for a unix-domain socket attempt: {@code connection to server on
     * socket "PATH"}.
     *
     * @param socketPath the socket file, e.g. {@code /tmp/.s.PGSQL.5432}
     * @return the description
     */
    public static String socketTarget(String socketPath) {
        return "connection to server on socket \"" + socketPath + "\"";
    }

    /**
     * Returns the libpq name for an attempt on {@code host} at {@code address}: a
     * {@linkplain #socketTarget socket} or {@linkplain #tcpTarget TCP} target.
     *
     * @param host    the configured host
     * @param address the address being connected to (an {@link InetSocketAddress} for TCP), or
     *                null when not resolved yet
     * @return the description
     */
    public static String target(PgHost host, SocketAddress address) {
        if (host.isUnixSocket()) {
            return socketTarget(host.socketPath());
        }
        InetAddress resolved = address instanceof InetSocketAddress ? ((InetSocketAddress) address).getAddress() : null;
        return tcpTarget(host.host(), host.hostAddress(), resolved, host.port());
    }

    /**
     * Returns the message for a socket that could not be connected: the target, the operating
     * system's reason and libpq's hint on a second, tab-indented line.
     *
     * @param target     from {@link #tcpTarget}, {@link #socketTarget} or {@link #target}
     * @param unixSocket whether the target is a unix-domain socket (chooses the hint)
     * @param error      what the socket layer threw
     * @return e.g. {@code connection to server at "127.0.0.1", port 1 failed: Connection
     *     refused\n\tIs the server running on that host and accepting TCP/IP connections?}
     */
    public static String connectFailed(String target, boolean unixSocket, Throwable error) {
        return target + " failed: " + reason(error) + "\n\t" + (unixSocket ? SOCKET_HINT : TCP_HINT);
    }

    /**
     * Returns the message for an attempt that {@code connect_timeout} cut short.
     *
     * @param target        the attempt's description
     * @param timeoutMillis the timeout that expired
     * @return e.g. {@code connection to server at "db", port 5432 failed: timed out after 2000 ms
     *     (connect_timeout)}
     */
    public static String timedOut(String target, long timeoutMillis) {
        return target + " failed: timed out after " + timeoutMillis + " ms (connect_timeout)";
    }

    /**
     * Returns libpq's message for a host name that does not resolve.
     *
     * @param name  the name looked up
     * @param error the resolver's exception
     * @return e.g. {@code could not translate host name "db" to address: Name or service not known}
     */
    public static String unresolved(String name, Throwable error) {
        String reason = error.getMessage();
        // The JDK words it "NAME: Name or service not known"; libpq names the host once. A lookup
        // answered from the JDK's cache of failures says only "NAME".
        if (reason != null && reason.startsWith(name + ": ")) {
            reason = reason.substring(name.length() + 2);
        }
        return "could not translate host name \"" + name + "\" to address: "
                + (reason == null || reason.isBlank() || reason.equals(name) ? "unknown host name" : reason);
    }

    /**
     * Returns {@code message} as one host's entry of a multi-host failure: unchanged when it
     * already names the server it is about, else after {@code target + " failed: "}, as libpq
     * prefixes every error of an attempt (e.g. a server error during startup).
     *
     * @param target  the attempt's description, from {@link #target}
     * @param message the failure's message
     * @return the entry
     */
    public static String forHost(String target, String message) {
        if (message != null && (message.startsWith("connection to server ") || message.startsWith("could not translate host name "))) {
            return message;
        }
        return target + " failed: " + message;
    }

    /**
     * Returns the operating system's words for a failed connect, e.g. {@code Connection refused},
     * without the transport's decorations (native call names, error numbers, the address).
     *
     * @param error what the socket layer threw, possibly wrapped
     * @return the reason; never null or empty
     */
    public static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            // Netty's native transport throws a bare FileNotFoundException for ENOENT.
            return root instanceof FileNotFoundException ? "No such file or directory" : root.getClass().getSimpleName();
        }
        Matcher nativeCall = NATIVE_PREFIX.matcher(message);
        if (nativeCall.matches()) {
            message = nativeCall.group(1);
        }
        // Netty appends the address it tried (": localhost/127.0.0.1:5432"); the target names it already.
        String bare = ADDRESS_SUFFIX.matcher(message).replaceFirst("");
        return bare.isEmpty() ? message : bare;
    }

    /** Returns the address as inet_ntop prints it: IPv6 with the longest zero run as "::". */
    static String numeric(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened (RFC 5952)
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
