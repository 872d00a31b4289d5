package io.pgjet;

/** A transaction isolation level, as PostgreSQL names it in {@code BEGIN ISOLATION LEVEL ...}. */
public enum Isolation {
    /** {@code READ COMMITTED}, PostgreSQL's default. */
    READ_COMMITTED("READ COMMITTED"),
    /** {@code REPEATABLE READ}: snapshot isolation. */
    REPEATABLE_READ("REPEATABLE READ"),
    /** {@code SERIALIZABLE}: may fail with {@link io.pgjet.errors.SerializationFailureException}; retry then. */
    SERIALIZABLE("SERIALIZABLE"),
    /** {@code READ UNCOMMITTED}, which PostgreSQL runs as READ COMMITTED. */
    READ_UNCOMMITTED("READ UNCOMMITTED");

    private final String sql;

    Isolation(String sql) {
        this.sql = sql;
    }

    /**
     * Returns the SQL spelling, e.g. {@code REPEATABLE READ}.
     *
     * @return the words to write after {@code ISOLATION LEVEL}
     */
    public String sql() {
        return sql;
    }
}
