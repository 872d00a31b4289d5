package io.pgjet.internal.engine;

import io.pgjet.PgInterfaceException;

/**
 * The protocol's limit on the parameters of one statement execution: Bind carries the count as
 * an Int16, so a larger count cannot be sent at all (written anyway, it would wrap around and
 * desynchronise the connection). Checked before anything of the execution is written.
 */
public final class ParameterLimit {
    /** The most parameter values one Bind message can carry. */
    public static final int MAX = 65_535;

    private ParameterLimit() {
    }

    /**
     * Throws if {@code count} parameters cannot be bound.
     *
     * @param count the number of parameters (the arguments given, or the statement's parameters)
     * @param what what has that many, for the message, e.g. "the statement" or "parameter set 3"
     * @throws PgInterfaceException if {@code count} exceeds {@link #MAX}
     */
    public static void check(int count, String what) {
        if (count > MAX) {
            throw tooMany(count, what);
        }
    }

    /** Returns the error for {@code count} parameters; see {@link #check}. */
    public static PgInterfaceException tooMany(int count, String what) {
        return new PgInterfaceException(String.format("%s has %,d parameters; the PostgreSQL protocol allows at most"
                + " 65,535 per statement (use an array parameter, e.g. = any($1), or COPY instead)", what, count));
    }
}
