package io.pgjet.internal.stream;

import io.netty.buffer.ByteBuf;
import io.pgjet.CommandStatus;
import io.pgjet.Row;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.engine.ResultCommand;
import io.pgjet.internal.engine.RowSink;
import io.pgjet.internal.engine.Transport;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.result.RowBuffer;
import io.pgjet.internal.result.RowList;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Carries the rows of one streamed statement from the I/O thread to one consumer, in bounded
 * memory: backpressure comes from the socket, not from a buffer that grows.
 *
 * <p>The I/O thread appends rows to batches (a {@link RowBuffer} of up to {@value #BATCH_ROWS}
 * rows or {@value #BATCH_BYTES} bytes); the consumer takes whole batches. On the event-loop
 * transport, reading stops (autoRead off) once more than {@value #HIGH_WATER_ROWS} rows or
 * {@value #HIGH_WATER_BYTES} bytes wait, and resumes when the consumer has taken them down to
 * {@value #LOW_WATER_ROWS} rows and {@value #LOW_WATER_BYTES} bytes. On the caller-driven
 * transport ({@code readOnDemand}) reading stops after every read that brought rows, and resumes
 * only when the consumer has taken them all and asks for more ({@link #whenAvailable()}), so the
 * consumer's own thread does the reading, one socket read at a time.
 *
 * <p>{@link #close()} (the consumer gives up early) drops what is queued, lets reading resume and
 * cancels the statement on the server if it still runs; the command then reads and discards the
 * rest up to its ReadyForQuery, so the connection stays in step and usable. Whatever ends the
 * statement, reading is switched back on. Thread-safe; the consumer side is meant for one
 * consumer at a time.
 */
public final class RowQueue implements RowSink {
    /** Queued rows above which the event-loop transport stops reading from the socket. */
    public static final int HIGH_WATER_ROWS = 8192;
    /** Queued rows at or below which reading resumes. */
    public static final int LOW_WATER_ROWS = 2048;
    /** Queued row bytes above which the event-loop transport stops reading. */
    public static final int HIGH_WATER_BYTES = 4 * 1024 * 1024;
    /** Queued row bytes at or below which reading resumes. */
    public static final int LOW_WATER_BYTES = 1024 * 1024;
    static final int BATCH_ROWS = 512;
    static final int BATCH_BYTES = 64 * 1024;
    private static final AtomicLong PEAK_ROWS = new AtomicLong();
    private static final AtomicLong PEAK_BYTES = new AtomicLong();

    private final Transport io;
    private final boolean readOnDemand;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Runnable wakeTask = this::wake;
    private volatile ResultCommand<CommandStatus> command;

    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final ArrayDeque<Batch> batches = new ArrayDeque<>();
    private Batch tail;
    private long queuedRows;
    private long queuedBytes;
    private boolean paused;
    private boolean wakeScheduled;
    private CompletableFuture<Void> waiter;
    /** Set when the consumer gave up: rows are dropped from then on. */
    private boolean closed;
    /** Set when the command is over; {@link #status} or {@link #failure} is then its outcome. */
    private boolean ended;
    private CommandStatus status;
    private Throwable failure;

    /**
     * Creates a queue for rows read from {@code io}.
     *
     * @param readOnDemand true for a caller-driven transport: read only when the consumer asks
     */
    public RowQueue(Transport io, boolean readOnDemand) {
        this.io = io;
        this.readOnDemand = readOnDemand;
    }

    /** Tells the queue which command feeds it (before the command is submitted), so {@link #close()} can stop it. */
    public void attach(ResultCommand<CommandStatus> command) {
        this.command = command;
    }

    /** Returns the most rows any stream queue held since the last {@link #resetPeaks()}; a test hook for the memory bound. */
    public static long peakQueuedRows() {
        return PEAK_ROWS.get();
    }

    /** Returns the most row bytes any stream queue held since the last {@link #resetPeaks()}; a test hook. */
    public static long peakQueuedBytes() {
        return PEAK_BYTES.get();
    }

    /** Resets the peaks to zero; a test hook. */
    public static void resetPeaks() {
        PEAK_ROWS.set(0);
        PEAK_BYTES.set(0);
    }

    // ---- the I/O side ------------------------------------------------------------------------

    @Override
    public void row(Columns columns, ByteBuf body) {
        int length = body.readableBytes();
        lock.lock();
        try {
            if (closed) {
                return; // the consumer gave up; the command reads on to its end
            }
            Batch batch = tail;
            if (batch == null || batch.sealed || batch.buffer.rowCount() >= BATCH_ROWS || batch.bytes >= BATCH_BYTES) {
                batch = new Batch(new RowBuffer(columns));
                batches.add(batch);
                tail = batch;
            }
            batch.buffer.add(body);
            batch.bytes += length;
            queuedRows++;
            queuedBytes += length;
            PEAK_ROWS.accumulateAndGet(queuedRows, Math::max);
            PEAK_BYTES.accumulateAndGet(queuedBytes, Math::max);
            if (!paused && (readOnDemand || queuedRows > HIGH_WATER_ROWS || queuedBytes > HIGH_WATER_BYTES)) {
                paused = true;
                io.setAutoRead(false);
            }
            if (waiter != null && !wakeScheduled) {
                // Woken after this read's rows are queued, so they go out as one batch.
                wakeScheduled = true;
                io.execute(wakeTask);
            }
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        CompletableFuture<Void> woken;
        lock.lock();
        try {
            wakeScheduled = false;
            woken = waiter;
            waiter = null;
        } finally {
            lock.unlock();
        }
        if (woken != null) {
            woken.complete(null);
        }
    }

    @Override
    public void finished() {
        CompletableFuture<CommandStatus> outcome = command.future();
        CommandStatus result = null;
        Throwable error = null;
        try {
            result = outcome.getNow(null);
        } catch (RuntimeException e) {
            error = Futures.unwrap(e);
        }
        CompletableFuture<Void> woken;
        lock.lock();
        try {
            ended = true;
            status = result;
            failure = closed ? null : error; // a consumer that gave up wants no error about it
            // no more rows can arrive for this command: let later commands' answers in
            resumeLocked();
            woken = waiter;
            waiter = null;
        } finally {
            lock.unlock();
        }
        finished.complete(null);
        if (woken != null) {
            woken.complete(null);
        }
    }

    private void resumeLocked() {
        if (paused) {
            paused = false;
            io.setAutoRead(true);
        }
    }

    // ---- the consumer side -------------------------------------------------------------------

    /**
     * Takes the oldest queued batch, or returns null when none is queued (see {@link #isEnded()}).
     * The batch is the caller's from then on; no more rows are added to it.
     */
    public Batch take() {
        lock.lock();
        try {
            Batch batch = batches.poll();
            if (batch == null) {
                return null;
            }
            batch.sealed = true;
            if (tail == batch) {
                tail = null;
            }
            queuedRows -= batch.buffer.rowCount();
            queuedBytes -= batch.bytes;
            if (!readOnDemand && queuedRows <= LOW_WATER_ROWS && queuedBytes <= LOW_WATER_BYTES) {
                resumeLocked();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns a future completing once a batch is queued or the statement is over (at once if
     * that is already so). On a caller-driven transport this is also when reading resumes, so
     * the caller should wait for the future through the connection's awaiter, which reads.
     */
    public CompletableFuture<Void> whenAvailable() {
        lock.lock();
        try {
            if (!batches.isEmpty() || ended || closed) {
                return CompletableFuture.completedFuture(null);
            }
            if (waiter == null) {
                waiter = new CompletableFuture<>();
            }
            resumeLocked();
            return waiter;
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether the statement is over (its rows may still be queued). */
    public boolean isEnded() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns why the statement failed, once {@link #isEnded()}: a {@code PgException} of the
     * SQLSTATE's class for the server's error, the connection-loss cause, ...; null when it
     * succeeded or the consumer closed the stream.
     */
    public Throwable failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the statement's status (e.g. {@code SELECT 10}) once it ended without error, else null. */
    public CommandStatus status() {
        lock.lock();
        try {
            return status;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives up the rest of the stream: drops the queued rows and, if the statement still runs,
     * cancels it on the server; the connection reads and discards what is still on its way.
     * Returns at once; {@link #finished()} tells when the connection is free again. Idempotent.
     */
    public void close() {
        boolean cancel;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            batches.clear();
            tail = null;
            queuedRows = 0;
            queuedBytes = 0;
            failure = ended ? failure : null;
            cancel = !ended;
            resumeLocked();
        } finally {
            lock.unlock();
        }
        ResultCommand<CommandStatus> running = command;
        if (cancel && running != null) {
            running.future().cancel(true);
        }
    }

    /** Returns a future completing when the statement is over on the wire (the connection is then free). */
    public CompletableFuture<Void> whenFinished() {
        return finished;
    }

    /** A run of rows the consumer takes at once; read by one thread after {@link #take()}. */
    public static final class Batch {
        private final RowBuffer buffer;
        private final RowList rows;
        private int bytes;
        private boolean sealed;
        private int next;

        Batch(RowBuffer buffer) {
            this.buffer = buffer;
            this.rows = new RowList(buffer);
        }

        /** Returns the next row of the batch, or null when it is used up. */
        public Row next() {
            return next < buffer.rowCount() ? rows.get(next++) : null;
        }

        /** Returns whether rows are left in the batch. */
        public boolean hasNext() {
            return next < buffer.rowCount();
        }
    }
}
