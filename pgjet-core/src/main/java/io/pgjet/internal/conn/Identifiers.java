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
}
