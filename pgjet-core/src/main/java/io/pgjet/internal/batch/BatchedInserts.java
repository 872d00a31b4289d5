package io.pgjet.internal.batch;

import io.pgjet.internal.conn.SessionTypes;

import io.pgjet.PgException;
import io.pgjet.internal.engine.ExecuteManyCommand;
import io.pgjet.internal.engine.PreparedInfo;
import io.pgjet.internal.engine.StatementRef;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecRegistry;
import io.pgjet.internal.types.TypeOids;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One connection's {@code rewriteBatchedInserts}: which SQL texts can run as multi-row inserts
 * (see {@link BatchedInsertSql} for the SQL, {@link InsertChunks} for the rows), and the
 * {@link ExecuteManyCommand.Rewrite} that swaps a batch for its rewritten form.
 *
 * <p>Whether a text is rewritten depends on its shape (known from the text) and on the parameter
 * types the server describes for it: every one must have a binary codec and an array type, and
 * must not itself be an array (unnest would flatten it). Both are remembered per text, so a
 * repeated batch costs no extra round trip; the types are forgotten with
 * {@code reloadSchemaState()} and {@code setTypeCodec}, which may change them.
 *
 * <p>Thread-safe: texts are looked up by the calling threads, decisions made on the I/O thread.
 */
public final class BatchedInserts {
    /** Texts remembered at most; past that the memory starts over (re-parsing costs microseconds). */
    private static final int MAX_ENTRIES = 512;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * What is known about one SQL text.
     */
    public static final class Entry {
        private final String sql;
        /** How to rewrite it, or null when its shape rules a rewrite out. */
        private final BatchedInsertSql.Shape shape;
        /** Null until its parameter types were described; then {@link Types#REJECTED} or the types. */
        private volatile Types types;

        Entry(String sql, BatchedInsertSql.Shape shape) {
            this.sql = sql;
            this.shape = shape;
        }

        /** Whether a batch of this text may still be rewritten (as far as is known now). */
        public boolean mayRewrite() {
            return shape != null && types != Types.REJECTED;
        }

        /** Whether the decision is already made, so the statement needs no description. */
        public boolean decided() {
            return types != null;
        }

        /** Returns the rewritten SQL text (only when {@link #mayRewrite()}). */
        public String rewrittenSql() {
            return shape.rewrittenSql();
        }
    }

    /**
     * The parameter types of a rewritable statement.
     *
     * @param elementTypes the original statement's parameter types, as described
     * @param arrayTypes their array types: the rewritten statement's parameter types
     */
    record Types(int[] elementTypes, int[] arrayTypes) {
        static final Types REJECTED = new Types(new int[0], new int[0]);
    }

    /** Returns what is known about {@code sql}, parsing it the first time. */
    public Entry entry(String sql) {
        Entry entry = entries.get(sql);
        if (entry == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // an application with endless distinct texts: keep memory bounded
            }
            entry = entries.computeIfAbsent(sql, text -> new Entry(text, BatchedInsertSql.parse(text)));
        }
        return entry;
    }

    /** Forgets every type decision (the types or their codecs may have changed). */
    public void clear() {
        entries.clear();
    }

    /**
     * Decides from the described parameter types whether {@code entry} can be rewritten.
     */
    static Types decide(Entry entry, int[] parameterTypes, CodecRegistry registry) {
        Types types = typesFor(entry.shape, parameterTypes, registry);
        entry.types = types;
        return types;
    }

    private static Types typesFor(BatchedInsertSql.Shape shape, int[] parameterTypes, CodecRegistry registry) {
        if (shape == null || parameterTypes.length != shape.parameterCount()) {
            return Types.REJECTED;
        }
        int[] arrays = new int[parameterTypes.length];
        for (int k = 0; k < parameterTypes.length; k++) {
            int oid = parameterTypes[k];
            if (!isRewritable(oid, registry)) {
                return Types.REJECTED;
            }
            int array = registry.arrayOf(oid);
            arrays[k] = array != 0 ? array : TypeOids.arrayOf(oid);
            if (arrays[k] == 0) {
                return Types.REJECTED;
            }
        }
        return new Types(parameterTypes.clone(), arrays);
    }

    /**
     * Whether values of type {@code oid} can be sent in a binary array: a binary codec that also
     * writes binary, not an array (or int2vector/oidvector) itself, not a pseudo-type.
     */
    private static boolean isRewritable(int oid, CodecRegistry registry) {
        if (oid == 0 || oid == TypeOids.UNKNOWN || oid == TypeOids.RECORD || oid == TypeOids.VOID
                || oid == TypeOids.CSTRING || oid == TypeOids.INT2VECTOR || oid == TypeOids.OIDVECTOR
                || registry.elementOf(oid) != 0) {
            return false;
        }
        Codec codec = registry.codec(oid);
        return codec != null && codec.format() == Codec.BINARY && codec.parameterFormat() == Codec.BINARY
                && codec.isBinary(registry) && !List.class.equals(codec.defaultJavaType());
    }

    /**
     * Returns the rewrite of one batch.
     *
     * @param entry what is known about the batch's SQL text ({@link Entry#mayRewrite()})
     * @param rewritten the cached (or unnamed) statement of the rewritten text
     * @param rows the caller's rows, not yet read beyond what was peeked
     * @param ordinary runs the batch the ordinary way, if the rewritten statement cannot be prepared
     * @param unused called when the parameter types rule the rewrite out, so the rewritten
     *     statement (looked up before they were known) need not stay in the statement cache
     */
    public ExecuteManyCommand.Rewrite rewrite(Entry entry, StatementRef rewritten, PeekedRows rows, SessionTypes types,
            Function<Iterator<Object[]>, CompletableFuture<ExecuteManyCommand.Outcome>> ordinary, Runnable unused) {
        return new ExecuteManyCommand.Rewrite() {
            @Override
            public ExecuteManyCommand.Plan plan(PreparedInfo described) {
                Types known = entry.types;
                if (described != null && (known == null
                        || known != Types.REJECTED && !Arrays.equals(known.elementTypes(), described.parameterTypes()))) {
                    known = decide(entry, described.parameterTypes(), types.registry());
                }
                if (known == null) {
                    return DESCRIBE_FIRST;
                }
                if (known == Types.REJECTED) {
                    if (rewritten.info() == null) {
                        unused.run();
                    }
                    return null;
                }
                if (rewritten.info() == null) {
                    rewritten.declareTypes(known.arrayTypes());
                }
                InsertChunks chunks = new InsertChunks(rows, known.elementTypes(), types);
                return new ExecuteManyCommand.Plan(rewritten, chunks, chunks::encoder, chunks);
            }

            @Override
            public CompletableFuture<ExecuteManyCommand.Outcome> fallback(PgException error, byte transactionStatus) {
                // Not expected (the original statement was fine); never try this text again, and
                // when nothing is lost by it (no transaction block to abort), run it row by row.
                entry.types = Types.REJECTED;
                return transactionStatus == 'I' ? ordinary.apply(rows) : null;
            }
        };
    }

    /**
     * The caller's rows with the first few read ahead (to see whether there are at least two),
     * then replayed. A failure while reading ahead is replayed at its place too, so it is
     * reported as the batch would report it.
     */
    public static final class PeekedRows implements Iterator<Object[]> {
        private final List<Object[]> peeked = new ArrayList<>(2);
        private final Iterator<Object[]> rest;
        private RuntimeException failure;
        private int replayed;

        /** Reads up to {@code count} rows of {@code rows} ahead. */
        public PeekedRows(Iterator<Object[]> rows, int count) {
            this.rest = rows;
            try {
                while (peeked.size() < count && rows.hasNext()) {
                    peeked.add(rows.next());
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** Whether at least {@code count} rows were read ahead. */
        public boolean hasAtLeast(int count) {
            return peeked.size() >= count;
        }

        @Override
        public boolean hasNext() {
            return replayed < peeked.size() || failure != null || rest.hasNext();
        }

        @Override
        public Object[] next() {
            if (replayed < peeked.size()) {
                Object[] row = peeked.get(replayed);
                peeked.set(replayed++, null); // not kept for the whole batch
                return row;
            }
            if (failure != null) {
                RuntimeException e = failure;
                failure = null;
                throw e;
            }
            return rest.next();
        }
    }
}
