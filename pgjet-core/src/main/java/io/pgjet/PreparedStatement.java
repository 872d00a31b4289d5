package io.pgjet;

import java.util.List;
import java.util.stream.Stream;

/** The blocking facade of {@link AsyncPreparedStatement}. */
public interface PreparedStatement extends AutoCloseable {

    /** Returns the SQL text. */
    String sql();

    /** Returns the parameter types. */
    List<Attribute> getParameters();

    /** Returns the result columns. */
    List<Attribute> getAttributes();

    /** Executes with {@code args} and returns all rows. */
    List<Row> fetch(Object... args);

    /** Executes with {@code args} and returns the first row, or null. */
    Row fetchRow(Object... args);

    /** Executes with {@code args} and returns the command status. */
    CommandStatus execute(Object... args);

    /** Executes once per parameter set in one pipelined batch; returns the total row count. */
    long executeMany(Iterable<Object[]> parameterSets);

    /** Returns the rows as a lazy stream through a cursor (inside a transaction). */
    Stream<Row> cursor(Object... args);

    /** Returns the JSON plan; see {@link AsyncPreparedStatement#explain}. */
    String explain(boolean analyze, Object... args);

    /** Deallocates the statement on the server. */
    @Override
    void close();
}
