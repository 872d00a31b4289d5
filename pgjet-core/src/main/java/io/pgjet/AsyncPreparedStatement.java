package io.pgjet;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A statement prepared once on the server and executed many times with different arguments, each
 * execution one round trip. Belongs to the connection that prepared it; thread-safe.
 */
public interface AsyncPreparedStatement {

    /** Returns the SQL text. */
    String sql();

    /** Returns the parameter types the server chose, in {@code $n} order. */
    List<Attribute> getParameters();

    /** Returns the result columns (empty for a statement that returns no rows). */
    List<Attribute> getAttributes();

    /** Executes with {@code args} and returns all rows. */
    CompletableFuture<List<Row>> fetch(Object... args);

    /** Executes with {@code args} and returns the first row, or null. */
    CompletableFuture<Row> fetchRow(Object... args);

    /** Executes with {@code args} and returns the command status. */
    CompletableFuture<CommandStatus> execute(Object... args);

    /** Executes once per parameter set in one pipelined, all-or-nothing batch; see {@link AsyncConnection#executeMany}. */
    CompletableFuture<Long> executeMany(Iterable<Object[]> parameterSets);

    /** Streams the rows through a cursor (inside a transaction); see {@link AsyncConnection#cursor(String, Object...)}. */
    Flow.Publisher<Row> cursor(Object... args);

    /**
     * Returns the plan as PostgreSQL's JSON {@code EXPLAIN} output; with {@code analyze} the
     * statement really runs (wrap data-changing statements in a transaction you roll back).
     */
    CompletableFuture<String> explain(boolean analyze, Object... args);

    /** Deallocates the statement on the server; later use fails with {@link PgInterfaceException}. */
    CompletableFuture<Void> close();
}
