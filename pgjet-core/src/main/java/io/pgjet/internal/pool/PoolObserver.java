package io.pgjet.internal.pool;

import io.pgjet.internal.observe.Observers;
import io.pgjet.observe.PgJetListener;
import io.pgjet.observe.PoolEvent;
import io.pgjet.observe.PoolState;
import java.lang.System.Logger.Level;

/**
 * What a pool tells its listeners and its log when it grows, shrinks or gets a connection back.
 * Kept apart from {@link ConnectionPool} so the pool's decisions stay readable.
 */
final class PoolObserver {
    private static final System.Logger LOG = System.getLogger("io.pgjet.pool");

    private final PgJetListener listener;
    private final PoolState state;

    /** @param listener the pool's listeners combined, or null for none */
    PoolObserver(PgJetListener listener, PoolState state) {
        this.listener = listener;
        this.state = state;
    }

    /** The listener to report acquisitions to, or null. */
    PgJetListener listener() {
        return listener;
    }

    /** Whether anyone wants the lease times (so the pool only reads the clock then). */
    boolean timesLeases() {
        return listener != null;
    }

    void created() {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "pool grew: opened a connection (" + state.size() + " open, " + state.idle()
                    + " free, max " + state.maxSize() + ")");
        }
        if (listener != null) {
            Observers.poolEvent(listener, new PoolEvent(PoolEvent.Type.CONNECTION_CREATED, state, 0));
        }
    }

    /** @param broken whether the connection was broken or failed a check or reset (else it expired or idled out) */
    void closed(long lifetimeNanos, boolean broken) {
        if (broken) {
            LOG.log(Level.INFO, "pool dropped a broken connection (lost, failed its check or its reset); "
                    + state.size() + " open");
        } else if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "pool shrank: closed a connection (expired, unused or pool closing; "
                    + state.size() + " open)");
        }
        if (listener != null) {
            Observers.poolEvent(listener, new PoolEvent(PoolEvent.Type.CONNECTION_CLOSED, state, lifetimeNanos));
        }
    }

    void released(long usedNanos) {
        if (listener != null) {
            Observers.poolEvent(listener, new PoolEvent(PoolEvent.Type.RELEASED, state, usedNanos));
        }
    }
}
