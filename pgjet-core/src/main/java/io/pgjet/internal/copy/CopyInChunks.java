package io.pgjet.internal.copy;

import io.pgjet.PgInterfaceException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chunks of a {@code COPY ... FROM STDIN}, as the engine's writer reads them on a worker
 * thread: remembers why the data source failed (so the caller gets that error rather than the
 * server's "COPY from stdin failed") and releases the source exactly once.
 *
 * <p>Release: the reader releases the source itself as soon as it is exhausted (before CopyDone
 * is sent, so a failing release still aborts the COPY) or fails. When the command ends otherwise
 * (the server rejected the data, a cancel, a timeout, a lost connection, or the COPY never
 * started), {@link #releaseAfterCommand()} releases it; if a read is in progress at that moment,
 * the source is {@linkplain #interruptRead() asked to stop} and the reader releases it when the
 * read returns, so a source never sees {@code close} while inside {@code next}.
 *
 * <p>A failing read or release is thrown to the writer as a {@link SourceFailure}, whose text is
 * the source's own error; the writer answers it with CopyFail.
 */
abstract class CopyInChunks implements Iterator<byte[]> {
    private static final int IDLE = 0;
    private static final int READING = 1;
    private static final int RELEASE_REQUESTED = 2;
    private static final int RELEASED = 3;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile Throwable failure;
    private volatile Throwable releaseFailure;
    private byte[] next;
    private boolean ended;

    /**
     * Reads the next chunk; called on the writer's worker thread only.
     *
     * @return the chunk, or null at the end of the data
     * @throws Exception when the source fails; the COPY is aborted
     */
    protected abstract byte[] read() throws Exception;

    /**
     * Releases the source (close a file, cancel a subscription); called once, never during
     * {@link #read()}.
     *
     * @throws Exception when releasing fails
     */
    protected abstract void release() throws Exception;

    /**
     * Makes a {@link #read()} blocked in another thread return soon (e.g. by cancelling a
     * subscription); may be called concurrently with it. Sources that cannot do that ignore it.
     */
    protected void interruptRead() {
    }

    /**
     * Describes a failure of the source for the caller's exception.
     *
     * @param cause what the source threw
     * @return the exception message
     */
    protected abstract String describeFailure(Throwable cause);

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        if (!state.compareAndSet(IDLE, READING)) {
            ended = true; // released because the command already ended
            throw SourceFailure.stopped();
        }
        byte[] chunk;
        try {
            chunk = read();
        } catch (Throwable e) {
            ended = true;
            if (releaseByReader(null) == RELEASE_REQUESTED) {
                throw SourceFailure.stopped(); // the read failed because we interrupted it
            }
            failure = e;
            Throwable closing = releaseFailure;
            if (closing != null) {
                releaseFailure = null;
                e.addSuppressed(closing);
            }
            throw new SourceFailure(e);
        }
        if (chunk == null) {
            ended = true;
            Throwable[] closing = new Throwable[1];
            if (releaseByReader(closing) == RELEASE_REQUESTED) {
                throw SourceFailure.stopped();
            }
            if (closing[0] != null) {
                failure = closing[0];
                releaseFailure = null;
                throw new SourceFailure(closing[0]);
            }
            return false;
        }
        if (!state.compareAndSet(READING, IDLE)) {
            ended = true; // the command ended while we read
            releaseByReader(null);
            throw SourceFailure.stopped();
        }
        next = chunk;
        return true;
    }

    @Override
    public final byte[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] chunk = next;
        next = null;
        return chunk;
    }

    /**
     * Releases on the reader's thread.
     *
     * @param failureOut where to put the release's failure, or null to keep it for the caller
     * @return the state before: {@code RELEASE_REQUESTED} if the command ended meanwhile
     */
    private int releaseByReader(Throwable[] failureOut) {
        int before = state.getAndSet(RELEASED);
        try {
            release();
        } catch (Throwable e) {
            releaseFailure = e;
            if (failureOut != null) {
                failureOut[0] = e;
            }
        }
        return before;
    }

    /**
     * Releases the source once the COPY command has ended, unless the reader already did; when a
     * read is in progress, interrupts it and leaves the release to the reader.
     */
    final void releaseAfterCommand() {
        while (true) {
            int s = state.get();
            if (s == IDLE) {
                if (state.compareAndSet(IDLE, RELEASED)) {
                    try {
                        release();
                    } catch (Throwable e) {
                        releaseFailure = e;
                    }
                    return;
                }
            } else if (s == READING) {
                if (state.compareAndSet(READING, RELEASE_REQUESTED)) {
                    interruptRead();
                    return;
                }
            } else {
                return;
            }
        }
    }

    /**
     * Returns the exception the caller should see for a COPY that failed with
     * {@code commandError}: the source's failure when there was one (the server's error attached
     * as suppressed), else the command's error.
     *
     * @param commandError the error the command failed with
     * @return the exception to report
     */
    final Throwable outcomeError(Throwable commandError) {
        Throwable cause = failure;
        Throwable reported;
        if (cause == null) {
            reported = commandError;
        } else {
            reported = cause instanceof PgInterfaceException ? cause
                    : new PgInterfaceException(describeFailure(cause), cause);
            if (commandError != null && commandError != cause) {
                reported.addSuppressed(commandError);
            }
        }
        Throwable released = releaseFailure;
        if (released != null && released != reported && released != cause) {
            reported.addSuppressed(released);
        }
        return reported;
    }

    /**
     * What the writer catches when the source fails or the command ended before the data was
     * all sent; prints as the source's own error, which goes into the CopyFail message.
     */
    static final class SourceFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }

        private SourceFailure(String message) {
            super(message, null, false, false);
        }

        /** Returns the failure that stops a COPY whose command ended early (cancel, timeout). */
        static SourceFailure stopped() {
            return new SourceFailure("the COPY was stopped before all its data was sent");
        }

        @Override
        public String toString() {
            return getCause() != null ? getCause().toString() : getMessage();
        }
    }
}
