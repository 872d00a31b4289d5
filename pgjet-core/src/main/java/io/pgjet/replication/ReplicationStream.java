package io.pgjet.replication;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A logical replication stream ({@code START_REPLICATION} over COPY BOTH). Subscribe once; the
 * stream starts when the subscriber subscribes and delivers decoded messages as it requests
 * them. While the subscriber's demand is 0 and the buffer is full, PgJet stops reading the socket,
 * so the server waits instead of memory growing; standby status updates still go out on their
 * timer so the server does not time the standby out.
 *
 * <p>Cancelling the subscription stops the stream cleanly: PgJet sends CopyDone, the server
 * answers with CopyDone and CommandComplete, and the connection is usable again afterwards for
 * SQL and replication commands such as {@code DROP_REPLICATION_SLOT} (not for a second stream:
 * restart with a new connection); {@link #stopped()} completes then. A server error (unknown publication, slot in use) or a lost connection ends
 * the stream with {@code onError}.
 */
public interface ReplicationStream extends Flow.Publisher<ReplicationMessage> {

    /**
     * Reports {@code lsn} as written, flushed and applied, and sends a standby status update now.
     * The server may then discard WAL up to it, and a restart from the slot resumes after it.
     * Positions never move back: a smaller {@code lsn} than one acknowledged before is ignored.
     *
     * @param lsn typically a {@link ReplicationMessage.Commit#endLsn()}
     */
    void acknowledge(Lsn lsn);

    /** {@return the last acknowledged position ({@link Lsn#INVALID} before any)} */
    Lsn acknowledged();

    /** {@return the end of the WAL received so far ({@link Lsn#INVALID} before any)} */
    Lsn lastReceived();

    /**
     * Returns a future completing when the stream ended, after the server confirmed the stop
     * (normally), or exceptionally with the error that ended it.
     *
     * @return the stream's end
     */
    CompletableFuture<Void> stopped();
}
