package io.pgjet.internal.blocking;

import io.pgjet.AsyncConnection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How a blocking facade waits for the asynchronous calls it makes: a caller-driven connection
 * reads the answer on the calling thread; an event-loop connection is waited for.
 */
public interface Awaiter {
    /** Waits for futures completed by someone else (an event loop). */
    Awaiter FUTURES = new Awaiter() {
        @Override
        public <T> T call(Supplier<CompletableFuture<T>> request) {
            return Futures.await(request.get());
        }
    };

    /**
     * Issues {@code request} and returns the value of the future it returns, rethrowing its
     * failure as the PgJet exception it carries; never holds a monitor while waiting.
     */
    <T> T call(Supplier<CompletableFuture<T>> request);

    /** A connection that knows how its blocking callers should wait. */
    interface Source {
        /** Returns how blocking callers of this connection wait. */
        Awaiter awaiter();
    }

    /** Returns how blocking callers of {@code connection} wait. */
    static Awaiter of(AsyncConnection connection) {
        return connection instanceof Source ? ((Source) connection).awaiter() : FUTURES;
    }
}
