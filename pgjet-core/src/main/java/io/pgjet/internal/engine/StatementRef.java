package io.pgjet.internal.engine;

import io.pgjet.internal.result.Columns;

/**
 * A named server-side statement as commands see it while it is being prepared: executions
 * pipelined right behind the Parse read its description when their rows arrive (the prepare's
 * ReadyForQuery always comes first), and report the prepare's own error if it failed.
 */
public final class StatementRef {
    private static final int[] INFERRED = new int[0];
    private final String name;
    private final String sql;
    private final long createdNanos = System.nanoTime();
    private volatile PreparedInfo info;
    /** Whether a command has already written this statement's Parse (I/O thread only). */
    private boolean parseWritten;
    private volatile Throwable failure;
    /** Parameter types the Parse declares; empty lets the server infer them all. */
    private volatile int[] declaredTypes = INFERRED;
    private volatile boolean closed;

    /** Creates a reference to statement {@code name} for {@code sql}, not yet prepared. */
    public StatementRef(String name, String sql) {
        this.name = name;
        this.sql = sql;
    }

    /** Returns a reference to a statement that is already prepared and described. */
    public static StatementRef of(PreparedInfo info) {
        StatementRef ref = new StatementRef(info.name(), info.sql());
        ref.prepared(info);
        return ref;
    }

    /** Returns the statement name. */
    public String name() {
        return name;
    }

    /** Returns the SQL text. */
    public String sql() {
        return sql;
    }

    /**
     * Returns the parameter type OIDs the Parse of this statement declares: empty (the default)
     * lets the server infer every type from the SQL.
     */
    public int[] declaredTypes() {
        return declaredTypes;
    }

    /**
     * Declares the parameter types to send in Parse, for SQL whose parameter types the server
     * cannot infer on its own (the array parameters of a rewritten multi-row insert:
     * {@code unnest($1, $2)} says nothing about the element types). Must be called before the
     * statement is prepared; later calls have no effect on the server.
     *
     * @param typeOids one OID per parameter
     */
    public void declareTypes(int[] typeOids) {
        this.declaredTypes = typeOids.clone();
    }

    /**
     * Marks the statement as closed by its owner (an explicitly prepared statement's
     * {@code close()}), before its Close is submitted: commands written after that refuse to run
     * with PgJet's own error instead of reaching the server, which would answer 26000.
     */
    public void markClosed() {
        closed = true;
    }

    /** Returns whether {@link #markClosed()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Returns the error a command of a {@linkplain #markClosed() closed} statement fails with. */
    public static io.pgjet.PgInterfaceException closedError() {
        return new io.pgjet.PgInterfaceException("the prepared statement is closed");
    }

    /** Returns when this reference was created, from {@link System#nanoTime()}. */
    public long createdNanos() {
        return createdNanos;
    }

    /**
     * Decides, on the I/O thread as commands are written, whether the command being written must
     * prepare the statement: true for the first command written for a statement that is not yet
     * prepared (whichever thread issued it first), false for every later one, which the engine
     * holds back until the preparation is over.
     */
    boolean claimPreparation() {
        if (parseWritten || info != null || failure != null) {
            return false;
        }
        parseWritten = true;
        return true;
    }

    /** Returns the description once prepared, else null. */
    public PreparedInfo info() {
        return info;
    }

    /** Returns the result columns once prepared (null if it returns no rows or is not prepared). */
    Columns columns() {
        PreparedInfo current = info;
        return current == null ? null : current.columns();
    }

    /** Returns why preparing failed, or null. */
    public Throwable failure() {
        return failure;
    }

    void prepared(PreparedInfo info) {
        this.info = info;
    }

    void failed(Throwable failure) {
        this.failure = failure;
    }
}
