package io.pgjet.bench;

/** Signals that a driver returned a wrong result (row count, checksum) during a benchmark. */
public final class CheckFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what was expected and what came back. */
    public CheckFailedException(String message) {
        super(message);
    }

    /** Throws unless {@code actual == expected}; {@code what} names the checked quantity. */
    public static void expect(String what, long expected, long actual) {
        if (expected != actual) {
            throw new CheckFailedException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
