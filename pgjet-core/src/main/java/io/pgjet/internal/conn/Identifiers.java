package io.pgjet.internal.conn;

import io.pgjet.PgInterfaceException;

/** Quotes SQL identifiers for the few statements PgJet writes itself (LISTEN, SAVEPOINT...). */
public final class Identifiers {
    private Identifiers() {}

    /**
     * Returns {@code name} as a double-quoted identifier, doubling embedded quotes.
     *
     * @throws PgInterfaceException if the name is empty or contains a NUL character
     */
    public static String quote(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new PgInterfaceException("invalid identifier: must be non-empty and contain no NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes, it keeps whole. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    /**
     * Returns {@code channel} quoted for LISTEN/UNLISTEN. A longer name is refused rather than
     * quoted: the server would silently truncate it in LISTEN, while NOTIFY and pg_notify refuse
     * it, so a listener on it would never hear anything.
     *
     * @throws PgInterfaceException if the name is empty, contains NUL or is over 63 bytes in UTF-8
     */
    public static String channel(String channel) {
        String quoted = quote(channel);
        int bytes = channel.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES) {
            throw new PgInterfaceException("a LISTEN channel name must be at most " + MAX_IDENTIFIER_BYTES
                    + " bytes (UTF-8); this one has " + bytes + ": PostgreSQL would truncate it and never deliver"
                    + " its notifications");
        }
        return quoted;
    }
}
