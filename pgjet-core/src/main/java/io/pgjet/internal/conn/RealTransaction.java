package io.pgjet.internal.conn;

import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.observe.Observers;

import io.pgjet.AsyncTransaction;
import io.pgjet.PgInterfaceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A transaction or savepoint: COMMIT/ROLLBACK, or RELEASE/ROLLBACK TO for a savepoint, with the
 * state checks that make misuse a clear error instead of a surprise.
 */
final class RealTransaction implements AsyncTransaction {
    private enum State { ACTIVE, ENDING, COMMITTED, ROLLED_BACK }

    private final RealConnection connection;
    private final Transactions owner;
    private final String savepoint;
    private final AtomicReference<State> state = new AtomicReference<>(State.ACTIVE);
    /** The listeners' view of this transaction, or null when nobody listens. */
    private final Observers.Started observed;

    RealTransaction(RealConnection connection, Transactions owner, String savepoint, Observers.Started observed) {
        this.observed = observed;
        this.connection = connection;
        this.owner = owner;
        this.savepoint = savepoint;
    }

    /** Returns the listeners' operation for this transaction, or null when nobody listens. */
    io.pgjet.observe.Operation observedOperation() {
        return observed == null ? null : observed.operation();
    }

    @Override
    public CompletableFuture<Void> commit() {
        return end(true);
    }

    @Override
    public CompletableFuture<Void> rollback() {
        return end(false);
    }

    private CompletableFuture<Void> end(boolean commit) {
        if (state.get() != State.ACTIVE) {
            return CompletableFuture.failedFuture(alreadyEnded(commit));
        }
        try {
            owner.checkInnermost(this);
        } catch (PgInterfaceException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!state.compareAndSet(State.ACTIVE, State.ENDING)) {
            return CompletableFuture.failedFuture(alreadyEnded(commit));
        }
        String sql = savepoint == null
                ? (commit ? "COMMIT" : "ROLLBACK")
                : (commit ? "RELEASE SAVEPOINT " + savepoint
                        : "ROLLBACK TO SAVEPOINT " + savepoint + "; RELEASE SAVEPOINT " + savepoint);
        return connection.execute(sql).handle((status, error) -> {
            owner.forget(this);
            if (error != null) {
                state.set(State.ROLLED_BACK);
                observedEnd(error, null);
                throw new java.util.concurrent.CompletionException(Futures.unwrap(error));
            }
            if (commit && savepoint == null && status != null && "ROLLBACK".equals(status.tag())) {
                state.set(State.ROLLED_BACK);
                PgInterfaceException rolledBack = new PgInterfaceException("the transaction was rolled back, not "
                        + "committed, because a statement in it failed");
                observedEnd(rolledBack, null);
                throw rolledBack;
            }
            state.set(commit ? State.COMMITTED : State.ROLLED_BACK);
            observedEnd(null, commit ? "COMMIT" : "ROLLBACK");
            return null;
        });
    }

    private void observedEnd(Throwable error, String tag) {
        if (observed == null) {
            return;
        }
        if (error != null) {
            observed.failed(error);
        } else {
            observed.succeeded(-1, tag);
        }
    }

    private PgInterfaceException alreadyEnded(boolean commit) {
        return new PgInterfaceException("the transaction is already " + describe(state.get()) + "; it cannot be "
                + (commit ? "committed" : "rolled back"));
    }

    private static String describe(State state) {
        switch (state) {
            case COMMITTED: return "committed";
            case ROLLED_BACK: return "rolled back";
            default: return "being ended";
        }
    }

    @Override
    public boolean isActive() {
        return state.get() == State.ACTIVE;
    }

    @Override
    public boolean isNested() {
        return savepoint != null;
    }
}
