package io.pgjet.internal.socket;

import io.pgjet.PgInterfaceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Who reads a caller-driven connection's socket, one thread at a time (leader/follower): a
 * waiting caller takes the role, or sleeps on a condition while another thread's reading
 * completes its answer; when nobody waits but answers are due (or notifications are wanted),
 * the role goes to a helper thread. A {@code ReentrantLock}, never a monitor, so virtual threads
 * unmount while they wait.
 */
final class ReadRole {
    /** What the role needs to know of its connection. */
    interface Connection {
        /** Returns whether answers are due or notifications wanted, so someone must read. */
        boolean wantsReader();

        /** Returns whether the socket is closed (nothing more to read); a closing connection still reads to its end. */
        boolean socketClosed();

        /** Reads on the calling helper thread, holding the role, while {@link #wantsReader()}. */
        void readAsHelper();
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    // guarded by lock
    private int awaiting;
    private boolean helperScheduled;
    private volatile Thread reader;
    /** What the calling thread holding the role waits for (null for a helper), for {@link SocketWatcher}. */
    private volatile CompletableFuture<?> readerAwaits;
    /** Threads sleeping on {@link #progress} for the reader to finish their answers. */
    private volatile int followers;

    ReadRole(Connection connection) {
        this.connection = connection;
    }

    /** Returns the thread holding the role, or null. */
    Thread reader() {
        return reader;
    }

    /** Returns what the caller holding the role waits for, or null (no caller, or a helper reads). */
    CompletableFuture<?> readerAwaits() {
        return readerAwaits;
    }

    /** Returns whether threads sleep waiting for the reader. */
    boolean hasFollowers() {
        return followers > 0;
    }

    /** Refuses a blocking call from the thread that holds the role (a callback): it would wait for itself. */
    void checkNotReader() {
        if (reader == Thread.currentThread()) {
            throw new PgInterfaceException("a blocking call was made from a callback running on the thread that"
                    + " reads this connection; it would wait for itself. Use the asynchronous API there.");
        }
    }

    /** Counts a caller that will wait for its answer (before it writes, so no helper is started for it). */
    void callerArrives() {
        lock.lock();
        try {
            awaiting++;
        } finally {
            lock.unlock();
        }
    }

    /** Counts the caller out; hands the role to a helper if answers are still due. */
    void callerLeaves() {
        lock.lock();
        try {
            awaiting--;
            handOffLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Returns true holding the role, or false once {@code future} is done (someone else read its answer). */
    boolean takeOrWait(CompletableFuture<?> future) {
        lock.lock();
        try {
            while (reader != null && !future.isDone()) {
                followers++;
                try {
                    progress.await();
                } catch (InterruptedException e) {
                    throw interrupted(future, e);
                } finally {
                    followers--;
                }
            }
            if (future.isDone()) {
                return false;
            }
            reader = Thread.currentThread();
            readerAwaits = future;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the role for a short non-blocking look, only if nobody reads, waits or is about to. */
    boolean tryTakeIdle() {
        lock.lock();
        try {
            if (reader != null || awaiting > 0 || helperScheduled || connection.wantsReader() || connection.socketClosed()) {
                return false;
            }
            reader = Thread.currentThread();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Lets the role go: wakes the followers (one of them takes it) or hands it to a helper. */
    void release() {
        lock.lock();
        try {
            reader = null;
            readerAwaits = null;
            progress.signalAll();
            handOffLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Makes sure someone reads now that there may be work: wakes a waiting reader, or starts a helper. */
    void workArrived() {
        lock.lock();
        try {
            if (reader != null) {
                progress.signalAll();
            } else {
                handOffLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private void handOffLocked() {
        if (reader == null && awaiting == 0 && !helperScheduled && !connection.socketClosed() && connection.wantsReader()) {
            helperScheduled = true;
            SocketThreads.helpers().execute(this::helperTurn);
        }
    }

    private void helperTurn() {
        lock.lock();
        try {
            helperScheduled = false;
            if (reader != null || connection.socketClosed()) {
                return;
            }
            reader = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        try {
            connection.readAsHelper();
        } finally {
            release();
        }
    }

    /** Wakes every thread sleeping on the role (an answer arrived, reading resumed, the connection closed). */
    void signal() {
        lock.lock();
        try {
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sleeps while {@code keepWaiting} holds, waking on {@link #signal()} or every 100 ms to look
     * again (so a signal raced past cannot strand the thread).
     *
     * @param future the caller's request, cancelled if the thread is interrupted; null for a helper
     */
    void awaitChange(BooleanSupplier keepWaiting, CompletableFuture<?> future) {
        lock.lock();
        try {
            while (keepWaiting.getAsBoolean()) {
                progress.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            if (future != null) {
                throw interrupted(future, e);
            }
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Cancels {@code future} for an interrupted caller, keeps the interrupt status, and returns what to throw. */
    static PgInterfaceException interrupted(CompletableFuture<?> future, InterruptedException cause) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        return new PgInterfaceException("interrupted while waiting for the server; the request was cancelled", cause);
    }
}
