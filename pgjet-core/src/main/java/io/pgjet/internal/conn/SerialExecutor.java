package io.pgjet.internal.conn;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks one at a time, in submission order, on a backing executor, so listener callbacks
 * keep the order of the messages without ever running on the I/O thread. A task that throws is
 * reported to the thread's uncaught-exception handler and does not stop later tasks.
 */
public final class SerialExecutor implements Executor {
    private final Executor backing;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean running;

    /** Creates an executor running its tasks one at a time on {@code backing}. */
    public SerialExecutor(Executor backing) {
        this.backing = backing;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        backing.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, e);
            }
        }
    }
}
