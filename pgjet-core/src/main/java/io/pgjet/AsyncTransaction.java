package io.pgjet;

import java.util.concurrent.CompletableFuture;

/**
 * A transaction (or, when nested, a savepoint) on an {@link AsyncConnection}. Statements run on
 * the connection as usual while it is active; end it with {@link #commit} or {@link #rollback}.
 *
 * <p>Thread-safe. Ending it twice, or ending an outer transaction while a nested one is still
 * active, fails with {@link PgInterfaceException}.
 */
public interface AsyncTransaction {

    /**
     * Commits (or releases the savepoint). If a statement in the transaction failed, the server
     * rolls back instead, and the future fails with {@link PgInterfaceException} saying so.
     *
     * @return a future that completes when the server has committed
     */
    CompletableFuture<Void> commit();

    /**
     * Rolls back (or rolls back to the savepoint and releases it).
     *
     * @return a future that completes when the server has rolled back
     */
    CompletableFuture<Void> rollback();

    /**
     * Returns whether it is still active (neither committed nor rolled back).
     *
     * @return true until {@code commit} or {@code rollback} is called
     */
    boolean isActive();

    /**
     * Returns whether it is a savepoint inside an outer transaction.
     *
     * @return true for a savepoint
     */
    boolean isNested();
}
