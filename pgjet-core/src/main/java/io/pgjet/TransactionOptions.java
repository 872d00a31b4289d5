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

    /**
     * Returns options with the given isolation level.
     *
     * @param isolation the isolation level, or null for the session default
     * @return options with that level, read-write and not deferrable
     */
    public static TransactionOptions of(Isolation isolation) {
        return new TransactionOptions(isolation, false, false);
    }

    /**
     * Returns a copy that is {@code READ ONLY} (or not).
     *
     * @param readOnly true for {@code READ ONLY}
     * @return a copy with the read-only flag changed
     */
    public TransactionOptions withReadOnly(boolean readOnly) {
        return new TransactionOptions(isolation, readOnly, deferrable);
    }

    /**
     * Returns a copy that is {@code DEFERRABLE} (or not).
     *
     * @param deferrable true for {@code DEFERRABLE}
     * @return a copy with the deferrable flag changed
     */
    public TransactionOptions withDeferrable(boolean deferrable) {
        return new TransactionOptions(isolation, readOnly, deferrable);
    }

    /**
     * Returns whether these are the defaults (no clause needed after BEGIN).
     *
     * @return true if a plain {@code BEGIN} is enough
     */
    public boolean isDefault() {
        return isolation == null && !readOnly && !deferrable;
    }
}
