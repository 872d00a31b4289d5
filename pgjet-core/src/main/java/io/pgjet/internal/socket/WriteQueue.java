package io.pgjet.internal.socket;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outbound side of a caller-driven connection: buffers queued in the engine's order and
 * written to the socket in that order. Small writes go out at once on the thread that made them
 * (the common request: no hand-off); large ones, and every continuation of a streaming request
 * (executeMany, COPY), go out on a helper thread, so the thread that reads the answers never
 * blocks in a write while the server waits for it to read — the deadlock a single-threaded
 * blocking client risks when both directions fill up.
 */
final class WriteQueue {
    /** Queued bytes up to which the thread that queued them writes them itself. */
    static final int INLINE_LIMIT = 64 * 1024;
    /** Queued bytes above which {@link #hasRoom()} tells producers (COPY sources) to wait for their writes. */
    static final int HIGH_WATER = 1024 * 1024;

    /** What the queue needs from its connection. */
    interface Owner {
        /** Runs the engine's wait-for-writable continuation, if one is set; returns whether one ran. */
        boolean runWritableTask();

        /** Breaks the connection after a write failed. */
        void writeFailed(IOException error);
    }

    private final SocketStream stream;
    private final Owner owner;
    private final ReentrantLock queueLock = new ReentrantLock();
    /** Held while bytes go to the socket, so buffers never interleave. */
    private final ReentrantLock writeLock = new ReentrantLock();
    // guarded by queueLock
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    /** Who waits for which buffer to be written (COPY data only; the common request has none). */
    private final IdentityHashMap<ByteBuf, Runnable> callbacks = new IdentityHashMap<>();
    private long queuedBytes;
    private boolean helperActive;
    /** Set when a continuation was registered while the helper ran: it must look again before it ends. */
    private boolean continuation;
    private boolean closed;

    WriteQueue(SocketStream stream, Owner owner) {
        this.stream = stream;
        this.owner = owner;
    }

    /** Queues {@code buffer} (taking ownership) behind everything queued before; call in engine order. */
    void enqueue(ByteBuf buffer) {
        enqueue(buffer, null);
    }

    /** Queues {@code buffer} like {@link #enqueue(ByteBuf)}; runs {@code written} once it is written or dropped. */
    void enqueue(ByteBuf buffer, Runnable written) {
        queueLock.lock();
        try {
            if (closed) {
                buffer.release();
            } else {
                queue.addLast(buffer);
                queuedBytes += buffer.readableBytes();
                if (written != null) {
                    callbacks.put(buffer, written);
                }
                return;
            }
        } finally {
            queueLock.unlock();
        }
        if (written != null) {
            written.run();
        }
    }

    /** Returns whether fewer than {@value #HIGH_WATER} bytes wait to be written. */
    boolean hasRoom() {
        queueLock.lock();
        try {
            return queuedBytes < HIGH_WATER;
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Gets the queued bytes onto the wire: written now by this thread when they are few and no
     * helper is writing, else by the helper (started here if {@code streaming} or the bytes are many).
     *
     * @param streaming whether the engine waits to write more once these are out
     */
    void flush(boolean streaming) {
        queueLock.lock();
        try {
            if (queue.isEmpty() && !streaming) {
                return;
            }
            if (helperActive) {
                continuation |= streaming;
                return;
            }
            if (streaming || queuedBytes > INLINE_LIMIT) {
                helperActive = true;
                SocketThreads.helpers().execute(this::helperLoop);
                return;
            }
        } finally {
            queueLock.unlock();
        }
        drainInline();
    }

    private void drainInline() {
        while (hasWork()) {
            if (!writeLock.tryLock()) {
                return; // the holder looks at the queue again after it lets go
            }
            try {
                drainLocked();
            } finally {
                writeLock.unlock();
            }
        }
    }

    private boolean hasWork() {
        queueLock.lock();
        try {
            return !queue.isEmpty() && !helperActive;
        } finally {
            queueLock.unlock();
        }
    }

    private void drainLocked() {
        while (true) {
            ByteBuf next;
            Runnable written;
            int size;
            queueLock.lock();
            try {
                next = queue.pollFirst();
                if (next == null) {
                    return;
                }
                // its bytes keep counting until written, so producers see the socket's backlog
                size = next.readableBytes();
                written = callbacks.isEmpty() ? null : callbacks.remove(next);
            } finally {
                queueLock.unlock();
            }
            try {
                stream.write(next);
            } catch (IOException e) {
                owner.writeFailed(e);
                return;
            } finally {
                next.release();
                queueLock.lock();
                try {
                    queuedBytes -= size;
                } finally {
                    queueLock.unlock();
                }
                if (written != null) {
                    written.run();
                }
            }
        }
    }

    private void helperLoop() {
        while (true) {
            writeLock.lock();
            try {
                drainLocked();
            } finally {
                writeLock.unlock();
            }
            if (owner.runWritableTask()) {
                continue; // the engine wrote its next part into the queue
            }
            queueLock.lock();
            try {
                if (closed || queue.isEmpty() && !continuation) {
                    helperActive = false;
                    return;
                }
                continuation = false;
            } finally {
                queueLock.unlock();
            }
        }
    }

    /** Drops everything queued; later buffers are released at once. */
    void close() {
        java.util.List<Runnable> dropped = new java.util.ArrayList<>();
        queueLock.lock();
        try {
            closed = true;
            ByteBuf next;
            while ((next = queue.pollFirst()) != null) {
                Runnable written = callbacks.remove(next);
                if (written != null) {
                    dropped.add(written);
                }
                next.release();
            }
            queuedBytes = 0;
        } finally {
            queueLock.unlock();
        }
        dropped.forEach(Runnable::run);
    }
}
