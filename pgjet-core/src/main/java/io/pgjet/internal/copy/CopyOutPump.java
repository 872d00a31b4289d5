package io.pgjet.internal.copy;

import io.pgjet.CommandStatus;
import io.pgjet.CopySink;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgTimeoutException;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.engine.CommandFuture;
import io.pgjet.internal.engine.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Carries {@code COPY ... TO STDOUT} data from the I/O thread to a {@link CopySink} running on a
 * worker thread, with bounded memory.
 *
 * <p>The I/O thread appends each CopyData chunk to a queue of blocks of up to 64 KiB (small rows
 * are packed together, so a slow sink is called once per block, not once per row). When the
 * queue holds more than {@link #HIGH_WATER_BYTES} the connection stops reading from the socket,
 * which holds the server back; once the sink has drained it below {@link #LOW_WATER_BYTES}
 * reading resumes. A drain task runs on the worker executor only while there is something to
 * deliver, so a COPY waiting for data holds no thread.
 *
 * <p>The outcome completes after the sink received every chunk and {@link CopySink#finish()} ran;
 * a timeout or cancel completes it at once instead, without waiting for a sink busy in
 * {@code write}. {@code finish()} runs exactly once, also after a failure (so files PgJet opened
 * get closed).
 * A sink that throws fails the outcome with its exception (an {@link IOException} wrapped in
 * {@link PgInterfaceException}); the rest of the COPY is then read and discarded so the
 * connection stays in step and usable. Whatever ends the COPY, reading is switched back on.
 */
public final class CopyOutPump {
    /** Queued bytes above which the connection stops reading from the socket. */
    public static final int HIGH_WATER_BYTES = 4 * 1024 * 1024;
    /** Queued bytes below which reading resumes. */
    public static final int LOW_WATER_BYTES = 1024 * 1024;
    /** Size of the blocks small chunks are packed into. */
    static final int BLOCK_BYTES = 64 * 1024;
    private static final int SPARE_BLOCKS = 4;
    private static final AtomicLong PEAK_QUEUED_BYTES = new AtomicLong();

    private final Transport io;
    private final CopySink sink;
    private final Executor worker;
    private final CompletableFuture<CommandStatus> outcome;
    private final Runnable drainTask = this::drain;
    private final Runnable kickTask = this::kick;

    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final ArrayDeque<Block> queue = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private long queuedBytes;
    private boolean paused;
    private boolean draining;
    private boolean kickScheduled;
    /** Set when the command ended (success or not): later chunks are dropped. */
    private boolean commandDone;
    private CommandStatus status;
    private Throwable commandError;
    /** Set when the sink failed: chunks are dropped from then on. */
    private Throwable sinkError;
    /** Set when {@code finish()} ran; {@link #sinkFailure} is then the sink's outcome. */
    private boolean sinkFinished;
    private Throwable sinkFailure;

    private CopyOutPump(Transport io, CopySink sink, Executor worker, CompletableFuture<CommandStatus> outcome) {
        this.io = io;
        this.sink = sink;
        this.worker = worker;
        this.outcome = outcome;
    }

    /**
     * Runs {@code sql} (a {@code COPY ... TO STDOUT}) on {@code conn} and delivers its data to
     * {@code sink} on a thread of {@code worker}.
     *
     * @param conn   the connection
     * @param sql    the COPY statement
     * @param sink   where the data goes
     * @param worker runs the sink (never the I/O thread)
     * @return completes with the COPY's status after {@code sink.finish()} ran; cancelling it
     *     cancels the COPY on the server
     */
    public static CompletableFuture<CommandStatus> run(RealConnection conn, String sql, CopySink sink, Executor worker) {
        CommandFuture<CommandStatus> outcome = new CommandFuture<>();
        CopyOutPump pump = new CopyOutPump(conn.io(), sink, worker, outcome);
        CompletableFuture<CommandStatus> copy = conn.copyOut(sql, pump::accept);
        outcome.onCancel(() -> copy.cancel(true));
        copy.whenComplete(pump::commandEnded);
        return outcome;
    }

    /**
     * Returns the most bytes any COPY OUT queue held since the last {@link #resetPeakQueuedBytes()};
     * a test hook for the memory bound.
     *
     * @return the peak, in bytes of allocated blocks
     */
    public static long peakQueuedBytes() {
        return PEAK_QUEUED_BYTES.get();
    }

    /** Resets {@link #peakQueuedBytes()} to zero; a test hook. */
    public static void resetPeakQueuedBytes() {
        PEAK_QUEUED_BYTES.set(0);
    }

    /** Takes one CopyData chunk; runs on the I/O thread and never blocks on the sink. */
    private void accept(byte[] chunk) {
        if (chunk.length == 0) {
            return;
        }
        lock.lock();
        try {
            if (commandDone || sinkError != null) {
                return; // discarded: the outcome is already decided
            }
            Block tail = queue.peekLast();
            if (tail != null && tail.owned && tail.data.length - tail.length >= chunk.length) {
                System.arraycopy(chunk, 0, tail.data, tail.length, chunk.length);
                tail.length += chunk.length;
            } else if (chunk.length >= BLOCK_BYTES / 2) {
                enqueue(new Block(chunk, chunk.length, false));
            } else {
                byte[] data = spare.isEmpty() ? new byte[BLOCK_BYTES] : spare.poll();
                System.arraycopy(chunk, 0, data, 0, chunk.length);
                enqueue(new Block(data, chunk.length, true));
            }
            if (!paused && queuedBytes > HIGH_WATER_BYTES) {
                paused = true;
                io.setAutoRead(false);
            }
            if (!draining && !kickScheduled) {
                // Start the drain after this read batch, so the rows it holds go out as one block.
                kickScheduled = true;
                io.execute(kickTask);
            }
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Block block) {
        queue.add(block);
        queuedBytes += block.data.length;
        long queued = queuedBytes;
        PEAK_QUEUED_BYTES.accumulateAndGet(queued, Math::max);
    }

    private void kick() {
        lock.lock();
        try {
            kickScheduled = false;
            startDrainLocked();
        } finally {
            lock.unlock();
        }
    }

    private void startDrainLocked() {
        if (!draining) {
            draining = true;
            worker.execute(drainTask);
        }
    }

    /** The command reached ReadyForQuery, was aborted, cancelled or timed out. */
    private void commandEnded(CommandStatus result, Throwable error) {
        boolean complete = false;
        boolean stoppedByCaller = false;
        lock.lock();
        try {
            commandDone = true;
            status = result;
            commandError = error == null ? null : Futures.unwrap(error);
            if (commandError != null) {
                discardLocked(); // no use delivering a part of a failed COPY
                stoppedByCaller = commandError instanceof PgTimeoutException
                        || commandError instanceof CancellationException;
            }
            // no more COPY data can arrive for this command: let later commands' answers in
            resumeLocked();
            if (sinkFinished) {
                complete = true; // the sink failed earlier and is already finished
            } else {
                startDrainLocked();
            }
        } finally {
            lock.unlock();
        }
        if (complete) {
            complete();
        } else if (stoppedByCaller) {
            // A timeout or cancel never waits for the sink, which may be blocked in write();
            // finish() still runs once when it returns.
            outcome.completeExceptionally(commandError);
        }
    }

    private void resumeLocked() {
        if (paused) {
            paused = false;
            io.setAutoRead(true);
        }
    }

    private void discardLocked() {
        queue.clear();
        queuedBytes = 0;
    }

    /** Delivers queued blocks to the sink; runs on a worker thread while there is work. */
    private void drain() {
        while (true) {
            Block block;
            lock.lock();
            try {
                block = queue.poll();
                if (block == null) {
                    if (commandDone) {
                        break;
                    }
                    draining = false;
                    return;
                }
                queuedBytes -= block.data.length;
                if (queuedBytes < LOW_WATER_BYTES) {
                    resumeLocked();
                }
            } finally {
                lock.unlock();
            }
            try {
                sink.write(ByteBuffer.wrap(block.data, 0, block.length));
            } catch (Throwable e) {
                sinkFailed(e);
                break;
            }
            if (block.owned) {
                recycle(block.data);
            }
        }
        finish();
    }

    private void recycle(byte[] data) {
        lock.lock();
        try {
            if (spare.size() < SPARE_BLOCKS) {
                spare.add(data);
            }
        } finally {
            lock.unlock();
        }
    }

    private void sinkFailed(Throwable e) {
        lock.lock();
        try {
            sinkError = e;
            discardLocked();
            resumeLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code finish()} once, after the last block or after the sink failed, then completes
     * the outcome, or leaves that to {@link #commandEnded} when the command is still running.
     */
    private void finish() {
        Throwable failure;
        lock.lock();
        try {
            failure = sinkError;
        } finally {
            lock.unlock();
        }
        try {
            sink.finish();
        } catch (Throwable e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        boolean complete;
        lock.lock();
        try {
            sinkFinished = true;
            sinkFailure = failure;
            complete = commandDone;
        } finally {
            lock.unlock();
        }
        if (complete) {
            complete();
        }
    }

    /**
     * Completes the outcome; called once, outside the lock (dependent stages run here), after
     * both the command and the sink are done, whose fields no longer change.
     */
    private void complete() {
        if (sinkFailure != null) {
            Throwable reported = sinkFailure instanceof IOException
                    ? new PgInterfaceException("the COPY sink failed: " + sinkFailure, sinkFailure)
                    : sinkFailure;
            if (commandError != null && commandError != sinkFailure) {
                reported.addSuppressed(commandError);
            }
            outcome.completeExceptionally(reported);
        } else if (commandError != null) {
            outcome.completeExceptionally(commandError);
        } else {
            outcome.complete(status);
        }
    }

    /** A chunk of the queue: a packed 64 KiB block PgJet owns, or one large chunk as received. */
    private static final class Block {
        final byte[] data;
        int length;
        final boolean owned;

        Block(byte[] data, int length, boolean owned) {
            this.data = data;
            this.length = length;
            this.owned = owned;
        }
    }
}
