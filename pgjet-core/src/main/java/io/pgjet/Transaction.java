package io.pgjet;

/**
 * A transaction (or, when nested, a savepoint) of a blocking {@link Connection}, for use in
 * try-with-resources: a block that ends without {@link #commit()} rolls back.
 *
 * <pre>{@code
 * try (Transaction tx = conn.transaction(Isolation.SERIALIZABLE)) {
 *     conn.execute("update accounts set balance = balance - $1 where id = $2", 10, 1);
 *     tx.commit();
 * }
 * }</pre>
 */
public interface Transaction extends AutoCloseable {

    /** Commits; see {@link AsyncTransaction#commit()}. */
    void commit();

    /** Rolls back; see {@link AsyncTransaction#rollback()}. */
    void rollback();

    /**
     * Returns whether it is still active.
     *
     * @return true until {@code commit}, {@code rollback} or {@code close} ended it
     */
    boolean isActive();

    /**
     * Returns whether it is a savepoint inside an outer transaction.
     *
     * @return true for a savepoint
     */
    boolean isNested();

    /** Rolls back if still active (a no-op after commit or rollback, or on a closed connection). */
    @Override
    void close();
}
