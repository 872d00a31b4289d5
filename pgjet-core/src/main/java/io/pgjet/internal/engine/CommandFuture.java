package io.pgjet.internal.engine;

import java.util.concurrent.CompletableFuture;

/**
 * The future of a command: cancelling it (or its timeout firing) also asks the server to stop
 * the command, through a hook the connection installs. Futures derived from it with
 * {@code thenApply} and the like forward their cancel to it.
 *
 * <p>The hooks are fields rather than captured lambdas because one future is made per request:
 * the common path allocates nothing for them.
 *
 * @param <T> the result type
 */
public final class CommandFuture<T> extends CompletableFuture<T> {
    /** Stops a submitted command: sends a cancel request, or drops it before it is written. */
    public interface Canceller {
        /** Stops {@code command}; called on whatever thread cancelled the future. */
        void cancel(ResultCommand<?> command);
    }

    /** The future this one was derived from, whose command a cancel here stops; null for a root. */
    private final CommandFuture<?> source;
    private volatile Runnable onCancel;
    private volatile Canceller canceller;
    private volatile ResultCommand<?> command;
    /** The outcome of a cancel or timeout in progress; set before the server is asked to stop. */
    private volatile Throwable stopping;

    /** Creates the future of a command (or of an operation cancelled through {@link #onCancel(Runnable)}). */
    public CommandFuture() {
        this.source = null;
    }

    private CommandFuture(CommandFuture<?> source) {
        this.source = source;
    }

    /** Installs what to run when the caller cancels or the command times out. */
    public void onCancel(Runnable hook) {
        this.onCancel = hook;
    }

    /** Makes a cancel or timeout ask {@code canceller} to stop {@code command}. */
    public void cancelWith(Canceller canceller, ResultCommand<?> command) {
        this.command = command;
        this.canceller = canceller;
    }

    /**
     * Cancels the future and, if the command is still running, sends a cancel request to the
     * server. Cancelling a completed future does nothing.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean wasDone = isDone();
        if (!wasDone) {
            stopping = new java.util.concurrent.CancellationException();
            stopCommand();
        }
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled && !wasDone) {
            runHooks();
        }
        return cancelled;
    }

    /**
     * Fails the future with a timeout error and, if the command is still running, sends a cancel
     * request to the server.
     */
    public void timeOut(Throwable timeout) {
        if (isDone()) {
            return;
        }
        stopping = timeout;
        stopCommand();
        if (completeExceptionally(timeout)) {
            runHooks();
        }
    }

    /**
     * Completes the future with {@code error}, unless it is the server's "canceling statement"
     * (57014) answering a cancel or timeout of this future in progress: the caller then gets that
     * cancel's or timeout's outcome, whichever thread wins the race.
     */
    @Override
    public boolean completeExceptionally(Throwable error) {
        Throwable instead = stopping;
        if (instead != null && error instanceof io.pgjet.PgException
                && "57014".equals(((io.pgjet.PgException) error).sqlState())) {
            return super.completeExceptionally(instead);
        }
        return super.completeExceptionally(error);
    }

    /**
     * Asks the connection to stop the command before the future completes, so the cancel is
     * decided before anyone who sees the outcome can issue a next request (which the connection
     * then holds back until the server has handled the cancel, instead of letting a late cancel
     * hit it). If the command finished meanwhile, the connection sends nothing.
     */
    private void stopCommand() {
        Canceller c = canceller;
        if (c != null) {
            c.cancel(command);
        }
    }

    private void runHooks() {
        Runnable hook = onCancel;
        if (hook != null) {
            hook.run();
        }
        if (source != null) {
            source.cancel(true);
        }
    }

    /**
     * Returns the future of a dependent stage ({@code thenApply} and friends) whose cancel also
     * cancels this command, so callers may cancel whatever future the API handed them.
     */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CommandFuture<>(this);
    }
}
