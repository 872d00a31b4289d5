package io.pgjet.internal.replication;

import io.pgjet.CommandStatus;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.engine.Transport;
import io.pgjet.replication.Lsn;
import io.pgjet.replication.ReplicationMessage;
import io.pgjet.replication.ReplicationOptions;
import io.pgjet.replication.ReplicationStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The replication stream's publisher: decodes XLogData on the I/O thread into a bounded queue
 * and delivers it to the subscriber on a worker thread as demanded.
 *
 * <p>Backpressure: when the queue holds {@code bufferMessages} messages the connection stops
 * reading the socket (the server then blocks on its send buffer); reading resumes when the
 * subscriber drained it to a quarter. Keepalives that ask for a reply are answered when they are
 * read; while reading is paused the status timer keeps the server from timing the standby out.
 */
final class ReplicationPublisher implements ReplicationStream, StreamHandler {
    private static final AtomicInteger PEAK_QUEUED = new AtomicInteger();

    private final Transport io;
    private final String sql;
    private final ReplicationOptions options;
    private final Executor worker;
    private final PgOutputDecoder decoder;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final Runnable drainTask = this::drain;

    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final ArrayDeque<ReplicationMessage> queue = new ArrayDeque<>();
    private Flow.Subscriber<? super ReplicationMessage> subscriber;
    private long demand;
    private boolean draining;
    private boolean paused;
    private boolean cancelled;
    private boolean ended;
    private Throwable failure;
    private boolean signalled;

    private volatile CopyBothCommand command;
    private volatile long received;
    private volatile long acknowledged;
    private volatile ScheduledFuture<?> timer;

    ReplicationPublisher(Transport io, String sql, ReplicationOptions options, Executor worker) {
        this.io = io;
        this.sql = sql;
        this.options = options;
        this.worker = worker;
        this.decoder = new PgOutputDecoder(options.protoVersion());
        this.acknowledged = options.startLsn().value();
    }

    /** Returns the most messages any stream's queue held since the last reset; a test hook. */
    static int peakQueuedMessages() {
        return PEAK_QUEUED.get();
    }

    /** Resets {@link #peakQueuedMessages()}; a test hook. */
    static void resetPeakQueuedMessages() {
        PEAK_QUEUED.set(0);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ReplicationMessage> s) {
        lock.lock();
        boolean first;
        try {
            first = subscriber == null;
            if (first) {
                subscriber = s;
            }
        } finally {
            lock.unlock();
        }
        if (!first) {
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            s.onError(new IllegalStateException("a replication stream takes one subscriber"));
            return;
        }
        s.onSubscribe(new Subscription());
        CopyBothCommand c = new CopyBothCommand(sql, this);
        command = c;
        io.submit(c, 0).future().whenComplete(this::commandEnded);
    }

    @Override
    public void started() {
        long nanos = options.statusInterval().toNanos();
        timer = StatusTimer.schedule(this::sendStatus, nanos);
    }

    @Override
    public void xlogData(long walStart, long walEnd, ByteBuffer payload) {
        advanceReceived(walEnd);
        ReplicationMessage message = decoder.decode(payload);
        lock.lock();
        try {
            if (cancelled || ended) {
                return;
            }
            queue.add(message);
            PEAK_QUEUED.accumulateAndGet(queue.size(), Math::max);
            if (!paused && queue.size() >= options.bufferMessages()) {
                paused = true;
                io.setAutoRead(false);
            }
            startDrainLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void keepalive(long walEnd, boolean replyRequested) {
        advanceReceived(walEnd);
        if (replyRequested) {
            sendStatus();
        }
    }

    private void advanceReceived(long walEnd) {
        if (Long.compareUnsigned(walEnd, received) > 0) {
            received = walEnd;
        }
    }

    private void sendStatus() {
        CopyBothCommand c = command;
        if (c != null) {
            long flushed = acknowledged;
            long written = Long.compareUnsigned(received, flushed) > 0 ? received : flushed;
            c.sendStatus(written, flushed, flushed, false);
        }
    }

    @Override
    public void acknowledge(Lsn lsn) {
        lock.lock();
        try {
            if (Long.compareUnsigned(lsn.value(), acknowledged) <= 0) {
                return;
            }
            acknowledged = lsn.value();
        } finally {
            lock.unlock();
        }
        sendStatus();
    }

    @Override
    public Lsn acknowledged() {
        return new Lsn(acknowledged);
    }

    @Override
    public Lsn lastReceived() {
        return new Lsn(received);
    }

    @Override
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    private void commandEnded(CommandStatus status, Throwable error) {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        lock.lock();
        try {
            ended = true;
            if (error != null) {
                failure = Futures.unwrap(error);
                queue.clear(); // the stream failed: what is left would be a torn transaction
            }
            resumeLocked();
            startDrainLocked();
        } finally {
            lock.unlock();
        }
        if (error != null) {
            stopped.completeExceptionally(Futures.unwrap(error));
        } else {
            stopped.complete(null);
        }
    }

    private void cancel() {
        lock.lock();
        try {
            if (cancelled) {
                return;
            }
            cancelled = true;
            queue.clear();
            resumeLocked(); // the server's CopyDone must be read
        } finally {
            lock.unlock();
        }
        sendStatus(); // report the last acknowledged position before leaving
        CopyBothCommand c = command;
        if (c != null) {
            c.stop();
        }
    }

    private void resumeLocked() {
        if (paused) {
            paused = false;
            io.setAutoRead(true);
        }
    }

    private void startDrainLocked() {
        if (!draining && !signalled && (demand > 0 && !queue.isEmpty() || ended && queue.isEmpty() && !cancelled
                || failure != null)) {
            draining = true;
            worker.execute(drainTask);
        }
    }

    /** Delivers messages while there is demand; signals the end once the queue is empty. */
    private void drain() {
        Flow.Subscriber<? super ReplicationMessage> s = subscriber;
        while (true) {
            ReplicationMessage next;
            Throwable error = null;
            boolean complete = false;
            lock.lock();
            try {
                if (cancelled || signalled) {
                    draining = false;
                    return;
                }
                if (failure != null) {
                    error = failure;
                    signalled = true;
                    next = null;
                } else if (demand > 0 && !queue.isEmpty()) {
                    next = queue.poll();
                    demand--;
                    if (paused && queue.size() <= options.bufferMessages() / 4) {
                        resumeLocked();
                    }
                } else if (ended && queue.isEmpty()) {
                    complete = true;
                    signalled = true;
                    next = null;
                } else {
                    draining = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (error != null) {
                s.onError(error);
                return;
            }
            if (complete) {
                s.onComplete();
                return;
            }
            try {
                s.onNext(next);
            } catch (Throwable e) {
                cancel(); // a subscriber that throws is treated as cancelled (Reactive Streams rule 2.13)
                return;
            }
        }
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            lock.lock();
            try {
                if (n <= 0) {
                    failure = new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)");
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                startDrainLocked();
            } finally {
                lock.unlock();
            }
            if (n <= 0) {
                cancel();
            }
        }

        @Override
        public void cancel() {
            ReplicationPublisher.this.cancel();
        }
    }
}
