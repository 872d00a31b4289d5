package io.pgjet.internal.engine;

import java.util.concurrent.CompletableFuture;

/**
 * The future of a command: cancelling it (or its timeout firing) also asks the server to stop
 * the command, through a hook the connection installs. Futures derived from it with
 * {@code thenApply} and the like forward their cancel to it.
 *
 * @param <T> the result type
 */
public final class CommandFuture<T> extends CompletableFuture<T> {
    private volatile Runnable onCancel;

    /** Installs what to run when the caller cancels or the command times out. */
    public void onCancel(Runnable hook) {
        this.onCancel = hook;
    }

    /**
     * Cancels the future and, if the command is still running, sends a cancel request to the
     * server. Cancelling a completed future does nothing.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean wasDone = isDone();
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Runnable hook = onCancel;
        if (cancelled && !wasDone && hook != null) {
            hook.run();
        }
        return cancelled;
    }

    /**
     * Fails the future with a timeout error and, if the command is still running, sends a cancel
     * request to the server.
     */
    public void timeOut(Throwable timeout) {
        if (completeExceptionally(timeout)) {
            Runnable hook = onCancel;
            if (hook != null) {
                hook.run();
            }
        }
    }

    /**
     * Returns the future of a dependent stage ({@code thenApply} and friends) whose cancel also
     * cancels this command, so callers may cancel whatever future the API handed them.
     */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        CommandFuture<U> dependent = new CommandFuture<>();
        dependent.onCancel(() -> cancel(true));
        return dependent;
    }
}
