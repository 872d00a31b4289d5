package io.pgjet;

import java.util.List;
import java.util.stream.Stream;

/** The blocking facade of {@link AsyncPreparedStatement}. */
public interface PreparedStatement extends AutoCloseable {

    /**
     * Returns the SQL text.
     *
     * @return the SQL exactly as given to {@code prepare}
     */
    String sql();

    /**
     * Returns the parameter types.
     *
     * @return one attribute (name and type) per parameter
     */
    List<Attribute> getParameters();

    /**
     * Returns the result columns.
     *
     * @return one attribute per result column, in order
     */
    List<Attribute> getAttributes();

    /**
     * Executes with {@code args} and returns all rows.
     *
     * @param args the values of {@code $1..$n}, in order
     * @return every row of the result
     */
    List<Row> fetch(Object... args);

    /**
     * Executes with {@code args} and returns the first row, or null.
     *
     * @param args the values of {@code $1..$n}, in order
     * @return the first row, or null when there is none
     */
    Row fetchRow(Object... args);

    /**
     * Executes with {@code args} and returns the command status.
     *
     * @param args the values of {@code $1..$n}, in order
     * @return the command status
     */
    CommandStatus execute(Object... args);

    /**
     * Executes once per parameter set in one pipelined batch; returns the total row count.
     *
     * @param parameterSets one {@code Object[]} of values per execution, read lazily
     * @return the total number of rows the executions affected
     */
    long executeMany(Iterable<Object[]> parameterSets);

    /**
     * Returns the rows as a lazy stream through a cursor (inside a transaction).
     *
     * @param args the values of {@code $1..$n}, in order
     * @return a lazy stream of the rows; close it to close the cursor early
     */
    Stream<Row> cursor(Object... args);

    /**
     * Returns the JSON plan; see {@link AsyncPreparedStatement#explain}.
     *
     * @param analyze true for {@code EXPLAIN (ANALYZE)}, which executes the statement
     * @param args the values of {@code $1..$n}, in order
     * @return the JSON plan text
     */
    String explain(boolean analyze, Object... args);

    /** Deallocates the statement on the server. */
    @Override
    void close();
}
