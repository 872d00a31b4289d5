package io.pgjet.types;

import java.util.List;

/**
 * Holds a PostgreSQL {@code pg_snapshot} (or the older {@code txid_snapshot}): the transaction
 * ids visible to a snapshot. Immutable and thread-safe.
 *
 * @param xmin the earliest transaction still active
 * @param xmax the first as-yet-unassigned transaction id
 * @param xip  the transaction ids in progress, ascending
 */
public record PgSnapshot(long xmin, long xmax, List<Long> xip) {

    /**
     * Creates a snapshot.
     *
     * @param xmin see the record component
     * @param xmax see the record component
     * @param xip see the record component
     * @throws NullPointerException if the list or an element is null
     */
    public PgSnapshot {
        xip = List.copyOf(xip);
    }

    /**
     * Renders the snapshot as PostgreSQL does: {@code xmin:xmax:xip1,xip2}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(xmin).append(':').append(xmax).append(':');
        for (int i = 0; i < xip.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(xip.get(i));
        }
        return sb.toString();
    }
}
