package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection the pool owns, with what decides when it is replaced: its age, how many
 * queries it ran, which {@code expireConnections} generation it belongs to, and when its last
 * lease ended. The pool's lock guards {@link #idleSince}; the other mutable fields are safe to touch
 * from any thread.
 */
final class PoolSlot {
    final AsyncConnection connection;
    final long openedAt;
    final int generation;
    final AtomicLong queries = new AtomicLong();
    /** What the tracked reset restores after a RESET ALL. */
    final TrackedReset.InitSettings initSettings;
    /** The lease using the connection now, or null while it is free (for termination listeners). */
    volatile PoolLease lease;
    /** When the connection was last given back (or opened): the start of its current unused time. */
    long idleSince;
    /** When the server's role was last known to match (opened or re-checked); guarded like idleSince. */
    long checkedAt;
    /** Set when a lease saw a read-only error: the release asks the server for its role first. */
    volatile boolean roleInDoubt;
    /** When the current lease began, for listeners' usage times; 0 when not timed. */
    volatile long leasedAt;
    /** Set when the connection ended by itself (server shutdown, network), for the pool's log. */
    volatile boolean lost;

    PoolSlot(AsyncConnection connection, int generation, long openedAt, TrackedReset.InitSettings initSettings) {
        this.connection = connection;
        this.initSettings = initSettings;
        this.generation = generation;
        this.openedAt = openedAt;
        this.idleSince = openedAt;
        this.checkedAt = openedAt;
    }
}
