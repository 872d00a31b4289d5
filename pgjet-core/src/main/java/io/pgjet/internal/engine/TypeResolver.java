package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.Row;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.types.Codec;
import io.pgjet.protocol.RowDescription;
import java.util.List;

/**
 * What the engine needs from the type system when a statement has been described: which of its
 * types are still unknown (or known by an out-of-date description), how to ask the server about
 * them, and how to lay out its result columns (codec and wire format per column). Called on the
 * I/O thread.
 */
public interface TypeResolver {

    /** Returns the OIDs among the parameter and column types that have no codec yet (none: empty). */
    int[] unknownTypes(int[] parameterTypes, RowDescription columns);

    /**
     * Writes the introspection query for {@code oids} as Parse/Bind/Describe/Execute/Close/Sync on
     * a statement of its own (never the unnamed one, which may be the one being prepared), results
     * in text format.
     */
    void writeIntrospection(ByteBuf out, int[] oids);

    /** Registers codecs for the types the introspection query returned. */
    void registerIntrospected(List<Row> rows);

    /** Returns the layout of a described result: a codec per column, binary where possible. */
    Columns columns(RowDescription description);

    /**
     * Returns whether a prepared statement's layout uses a type description found out of date
     * since it was made (see {@link Codec#isOutdated()}): its parameter types or result codecs
     * must be resolved again before it is executed.
     */
    boolean isOutdated(PreparedInfo statement);

    /**
     * Records that the server sent values that do not match a codec's description of its type
     * (the type was altered): the type and those nesting it are introspected again on next use,
     * by every connection of the JVM to the same server.
     */
    void outdated(Codec codec);

    /**
     * Handles the server refusing a composite parameter's shape (record_recv: "wrong number of
     * columns", "binary data has type ..."): the composite parameter types of the statement are
     * marked out of date, as by {@link #outdated}.
     *
     * @param serverMessage the server's message, for the exception
     * @return the first such codec and the exception to report, or null when the statement has
     *     no composite parameter
     */
    Codec.OutdatedDescription outdatedParameters(PreparedInfo statement, String serverMessage);
}
