package io.pgjet.observe;

/**
 * Something that happened to a pool's connections. Acquisitions are reported as
 * {@link OperationKind#POOL_ACQUIRE} operations instead, with a start and an end.
 *
 * @param type what happened
 * @param pool the pool's live counts
 * @param durationNanos for {@link Type#RELEASED}: how long the borrower held the connection; for
 *     {@link Type#CONNECTION_CLOSED}: how long the connection lived; else 0
 */
public record PoolEvent(Type type, PoolState pool, long durationNanos) {

    /** The kinds of pool events. */
    public enum Type {
        /** A new connection joined the pool (after its {@code init} hook); the size grew. */
        CONNECTION_CREATED,
        /** A connection left the pool and was closed (broken, expired, idle too long, pool closed); the size shrank. */
        CONNECTION_CLOSED,
        /** A borrower gave its connection back. */
        RELEASED
    }
}
