package io.pgjet;

/**
 * How to begin a transaction: isolation level (null = the server's default), read-only, and
 * deferrable (only meaningful for SERIALIZABLE READ ONLY). Immutable.
 *
 * @param isolation the isolation level, or null for the session default
 * @param readOnly whether the transaction is {@code READ ONLY}
 * @param deferrable whether it is {@code DEFERRABLE}
 */
public record TransactionOptions(Isolation isolation, boolean readOnly, boolean deferrable) {
    /** The server's defaults: no isolation clause, read-write, not deferrable. */
    public static final TransactionOptions DEFAULT = new TransactionOptions(null, false, false);

    /** Returns options with the given isolation level. */
    public static TransactionOptions of(Isolation isolation) {
        return new TransactionOptions(isolation, false, false);
    }

    /** Returns a copy that is {@code READ ONLY} (or not). */
    public TransactionOptions withReadOnly(boolean readOnly) {
        return new TransactionOptions(isolation, readOnly, deferrable);
    }

    /** Returns a copy that is {@code DEFERRABLE} (or not). */
    public TransactionOptions withDeferrable(boolean deferrable) {
        return new TransactionOptions(isolation, readOnly, deferrable);
    }

    /** Returns whether these are the defaults (no clause needed after BEGIN). */
    public boolean isDefault() {
        return isolation == null && !readOnly && !deferrable;
    }
}
