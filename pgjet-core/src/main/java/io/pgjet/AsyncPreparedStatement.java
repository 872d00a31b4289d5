package io.pgjet;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A statement prepared once on the server and executed many times with different arguments, each
 * execution one round trip. Belongs to the connection that prepared it; thread-safe.
 */
public interface AsyncPreparedStatement {

    /**
     * Returns the SQL text.
     *
     * @return the SQL exactly as given to {@code prepare}
     */
    String sql();

    /**
     * Returns the parameter types the server chose, in {@code $n} order.
     *
     * @return one attribute (name and type) per parameter
     */
    List<Attribute> getParameters();

    /**
     * Returns the result columns (empty for a statement that returns no rows).
     *
     * @return one attribute per result column, in order
     */
    List<Attribute> getAttributes();

    /**
     * Executes with {@code args} and returns all rows.
     *
     * @param args the values of {@code $1..$n}, in order, encoded for the parameter types the
     *     server chose
     * @return a future of every row of the result
     */
    CompletableFuture<List<Row>> fetch(Object... args);

    /**
     * Executes with {@code args} and returns the first row, or null.
     *
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the first row, or of null when there is none
     */
    CompletableFuture<Row> fetchRow(Object... args);

    /**
     * Executes with {@code args} and returns the command status.
     *
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the command status
     */
    CompletableFuture<CommandStatus> execute(Object... args);

    /**
     * Executes once per parameter set in one pipelined, all-or-nothing batch; see
     *  {@link AsyncConnection#executeMany}.
     *
     * @param parameterSets one {@code Object[]} of values per execution, read lazily
     * @return a future of the total number of rows the executions affected
     */
    CompletableFuture<Long> executeMany(Iterable<Object[]> parameterSets);

    /**
     * Streams the rows through a cursor (inside a transaction); see
     *  {@link AsyncConnection#cursor(String, Object...)}.
     *
     * @param args the values of {@code $1..$n}, in order
     * @return a cold publisher: each subscription declares its own cursor
     */
    Flow.Publisher<Row> cursor(Object... args);

    /**
     * Returns the plan as PostgreSQL's JSON {@code EXPLAIN} output; with {@code analyze} the
     * statement really runs (wrap data-changing statements in a transaction you roll back).
     *
     * @param analyze true for {@code EXPLAIN (ANALYZE)}, which executes the statement
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the JSON plan text
     */
    CompletableFuture<String> explain(boolean analyze, Object... args);

    /**
     * Deallocates the statement on the server; later use fails with {@link PgInterfaceException}.
     *
     * @return a future that completes when the server has deallocated the statement
     */
    CompletableFuture<Void> close();
}
