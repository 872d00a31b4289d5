package io.pgjet.internal.blocking;

import io.pgjet.PgInterfaceException;
import io.pgjet.PgJetException;
import io.pgjet.internal.net.NettyRuntime;
import io.pgjet.internal.net.SpinPolicy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waits for futures on behalf of the blocking facade. */
public final class Futures {
    /** Each waiting thread's record of whether checking paid (see {@link SpinPolicy}). */
    private static final ThreadLocal<SpinPolicy.Budget> WAIT_POLICY =
            ThreadLocal.withInitial(() -> new SpinPolicy.Budget(NettyRuntime.spinMicros() * 1000));

    private Futures() {}

    /**
     * Waits for {@code future} and returns its value, rethrowing a failure as the PgJet exception
     * it carries (with the waiting caller's stack trace added as a suppressed exception, so both
     * the I/O-side and the caller-side frames show). Never holds a monitor while waiting. On
     * interrupt, cancels the future (which cancels the query on the server) and throws.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            awaitBriefly(future);
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PgInterfaceException("interrupted while waiting for the server; the request was cancelled", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new PgInterfaceException("the request was cancelled", e);
        }
    }

    /**
     * Checks for completion, yielding the CPU between checks, for up to the I/O threads' spin budget
     * ({@link NettyRuntime#spinMicros()}) before the caller parks: a quick answer is then picked up
     * by a thread that is still running instead of one the kernel must wake (slow on virtual
     * machines). Yielding leaves the CPU to any other runnable thread; {@link SpinPolicy} skips the
     * checks while the machine is busy or they stop paying. Caller-driven connections never get
     * here with an open future: their callers read the answer themselves.
     */
    private static void awaitBriefly(CompletableFuture<?> future) {
        if (future.isDone()) {
            return;
        }
        SpinPolicy.Budget policy = WAIT_POLICY.get();
        long budget = policy.nanosForThisWait();
        if (budget <= 0) {
            return;
        }
        long deadline = System.nanoTime() + budget;
        do {
            Thread.yield();
            if (future.isDone()) {
                policy.record(true);
                return;
            }
        } while (System.nanoTime() - deadline < 0);
        policy.record(false);
    }

    /** Returns the cause inside CompletionException wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Returns {@code error} ready to be thrown from a future's stage: its cause (without
     * CompletionException wrappers) wrapped once, so the next stage sees the original failure.
     */
    public static CompletionException asCompletionException(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof CompletionException ? (CompletionException) cause : new CompletionException(cause);
    }

    private static RuntimeException rethrow(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof PgJetException) {
            PgJetException failure = (PgJetException) cause;
            failure.addSuppressed(new CallerStack());
            return failure;
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new CompletionException(cause);
    }

    /** Records where the blocking caller waited. */
    private static final class CallerStack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallerStack() {
            super("the blocking call that received this failure");
        }
    }
}
