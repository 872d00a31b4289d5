package io.pgjet.internal.engine;

import io.pgjet.PgException;
import io.pgjet.protocol.ServerMessage;

/**
 * A command whose outcome is a future: it completes with {@link #result()} at ReadyForQuery, or
 * fails with the server's error ({@link PgException} of the most specific SQLSTATE class) or with
 * the cause of a lost connection.
 *
 * <p>The future may be completed early by a timeout or a caller's cancel; the command still
 * consumes its answers up to ReadyForQuery so the connection stays in step.
 *
 * @param <T> the result type
 */
public abstract class ResultCommand<T> extends Command {
    private final CommandFuture<T> future = new CommandFuture<>();
    private ServerMessage error;
    private volatile boolean finished;
    private volatile boolean cancelWhenHead;
    private byte endStatus;

    /** Returns the future that carries this command's outcome. */
    public final CommandFuture<T> future() {
        return future;
    }

    /** Returns the SQL text this command runs, for error messages; null when none. */
    protected abstract String sql();

    /** Builds the result at ReadyForQuery. */
    protected abstract T result();

    /** Returns whether the command received its ReadyForQuery or was aborted. */
    public final boolean isFinished() {
        return finished;
    }

    /** Asks the connection to send a cancel request as soon as this command is at the head. */
    public final void cancelWhenHead() {
        cancelWhenHead = true;
    }

    /** Returns whether a cancel request waits for this command to reach the head. */
    public final boolean wantsCancelAtHead() {
        return cancelWhenHead;
    }

    @Override
    protected void onHead(EngineContext context) {
        if (cancelWhenHead && !finished) {
            context.cancelRunningQuery();
        }
    }

    @Override
    protected void errorResponse(ServerMessage error) {
        this.error = error;
    }

    /** Returns the ErrorResponse this command received, or null. */
    protected final ServerMessage error() {
        return error;
    }

    /** Returns the transaction status of the ReadyForQuery that ended this command (for {@link #result()}). */
    protected final byte endStatus() {
        return endStatus;
    }

    @Override
    protected void completed(byte transactionStatus) {
        endStatus = transactionStatus;
        finished = true;
        T value;
        try {
            value = result();
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return;
        }
        future.complete(value);
    }

    @Override
    protected void failed(byte transactionStatus) {
        finished = true;
        future.completeExceptionally(PgException.of(error.fields(), sql()));
    }

    /** Ends this command with the outcome of {@code other} (e.g. a retry) instead of its own. */
    protected final void finishWith(java.util.concurrent.CompletableFuture<T> other) {
        finished = true;
        other.whenComplete((value, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                future.completeExceptionally(cause);
            } else {
                future.complete(value);
            }
        });
    }

    @Override
    protected void abort(Throwable cause) {
        finished = true;
        future.completeExceptionally(cause);
    }
}
