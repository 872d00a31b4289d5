package io.pgjet.internal.batch;

import io.pgjet.Secret;
import io.pgjet.internal.conn.BinaryParameters;
import io.pgjet.internal.conn.SessionTypes;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.pgjet.PgException;
import io.pgjet.PgInterfaceException;
import io.pgjet.internal.engine.BatchSource;
import io.pgjet.internal.engine.BindEncoder;
import io.pgjet.internal.engine.ExecuteManyCommand;
import io.pgjet.internal.engine.PreparedInfo;
import io.pgjet.internal.types.ArrayCodec;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.internal.types.CodecRegistry;
import io.pgjet.internal.types.TypeOids;
import io.pgjet.protocol.FrontendMessages;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * The parameter sets of a rewritten multi-row insert (see {@link BatchedInsertSql}): reads the
 * caller's rows lazily and groups them into chunks, each one parameter set holding one array per
 * parameter (a {@link Column}: the k-th value of every row of the chunk), and encodes a chunk
 * as a Bind of one-dimensional arrays of the parameters' described types.
 *
 * <p>A chunk closes at {@value #MAX_ROWS} rows or once its estimated encoded size reaches
 * {@value #MAX_BYTES} bytes, whichever comes first. Past a few thousand rows the fixed cost of
 * a statement (Bind, executor start-up, CommandComplete, statement-level triggers) is already
 * well below 1% of the chunk's work, so bigger chunks gain next to nothing while they cost
 * memory on both sides (the whole Bind is buffered here and by the server, and unnest holds the
 * arrays) and make a failure's row range wider; the byte bound keeps wide rows (long texts,
 * jsonb documents) from turning 5,000 rows into hundreds of MiB. Only the current chunk is held,
 * so any number of rows needs bounded memory.
 *
 * <p>Also words the batch's errors in the caller's terms: row numbers and row ranges instead of
 * chunk numbers. Used on the I/O thread only (like any {@link BatchSource}).
 */
public final class InsertChunks implements BatchSource, ExecuteManyCommand.Wording {
    /** Rows per chunk at most. */
    public static final int MAX_ROWS = 5_000;
    /** Estimated encoded bytes at which a chunk closes (a chunk always has at least one row). */
    static final long MAX_BYTES = 4L << 20;
    /** How error messages introduce this path, so a reader knows why rows come in ranges. */
    static final String PREFIX = "executeMany (rewritten as a multi-row insert)";
    private static final short[] ALL_BINARY = {1};
    private static final short[] NO_FORMATS = new short[0];

    private final Iterator<Object[]> rows;
    private final int[] elementTypes;
    private final SessionTypes types;
    /** Rows taken from the iterator so far; the next row's number is this plus one. */
    private long rowsRead;
    /** The first row number of each chunk produced, for the ranges in error messages. */
    private long[] chunkFirstRows = new long[16];
    private int chunks;
    /** A failure of the iterator seen by {@link #exhausted()}, thrown by the next {@link #poll()}. */
    private RuntimeException pending;

    /**
     * Creates the chunks of {@code rows}.
     *
     * @param elementTypes the described type of each parameter of the original statement
     */
    InsertChunks(Iterator<Object[]> rows, int[] elementTypes, SessionTypes types) {
        this.rows = rows;
        this.elementTypes = elementTypes;
        this.types = types;
    }

    // ---- BatchSource ------------------------------------------------------------------------

    @Override
    public Object[] poll() {
        if (!hasNext()) {
            return null;
        }
        long first = rowsRead + 1;
        Object[][] chunk = new Object[MAX_ROWS][];
        int count = 0;
        long bytes = 0;
        do {
            Object[] row = next();
            if (row == null || row.length != elementTypes.length) {
                throw new RowFailure(rowsRead, "the statement has " + elementTypes.length + " parameter(s) but "
                        + (row == null ? 0 : row.length) + " argument(s) were given", null);
            }
            for (Object value : row) {
                bytes += estimatedSize(value);
            }
            chunk[count++] = row;
        } while (count < MAX_ROWS && bytes < MAX_BYTES && hasNext());
        if (chunks == chunkFirstRows.length) {
            chunkFirstRows = Arrays.copyOf(chunkFirstRows, chunks * 2);
        }
        chunkFirstRows[chunks++] = first;
        Object[] parameters = new Object[elementTypes.length];
        for (int k = 0; k < parameters.length; k++) {
            parameters[k] = new Column(chunk, count, k, first);
        }
        return parameters;
    }

    @Override
    public boolean exhausted() {
        if (pending != null) {
            return false;
        }
        try {
            return !rows.hasNext();
        } catch (RuntimeException e) {
            pending = e; // reported by poll(), where the batch handles a failing source
            return false;
        }
    }

    @Override
    public void whenReady(Runnable wake) {
        wake.run();
    }

    private boolean hasNext() {
        if (pending != null) {
            RuntimeException e = pending;
            pending = null;
            throw new RowFailure(rowsRead + 1, e.getMessage(), e);
        }
        try {
            return rows.hasNext();
        } catch (RuntimeException e) {
            throw new RowFailure(rowsRead + 1, e.getMessage(), e);
        }
    }

    private Object[] next() {
        try {
            Object[] row = rows.next();
            rowsRead++;
            return row;
        } catch (RuntimeException e) {
            throw new RowFailure(rowsRead + 1, e.getMessage(), e);
        }
    }

    /**
     * A rough upper estimate of a value's encoded size with its length prefix. Strings count one
     * byte per char (multi-byte text makes chunks up to 3x larger than estimated: still a few
     * MiB); values of unknown size count 64 bytes.
     */
    static long estimatedSize(Object value) {
        if (value == null) {
            return 4;
        }
        if (value instanceof CharSequence) {
            return 4 + ((CharSequence) value).length();
        }
        if (value instanceof byte[]) {
            return 4 + ((byte[]) value).length;
        }
        if (value instanceof BigDecimal) {
            return 4 + 8 + ((BigDecimal) value).precision() / 2 + 2;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof UUID || value instanceof java.time.temporal.TemporalAccessor) {
            return 4 + 16;
        }
        if (value instanceof Collection) {
            return 4 + 24 + 16L * ((Collection<?>) value).size();
        }
        if (value instanceof Map) {
            return 4 + 8 + 32L * ((Map<?, ?>) value).size();
        }
        if (value.getClass().isArray()) {
            return 4 + 24 + 16L * Array.getLength(value);
        }
        return 4 + 64;
    }

    // ---- encoding ---------------------------------------------------------------------------

    /** Returns the Bind encoder of a chunk {@link #poll()} returned. */
    BindEncoder encoder(Object[] parameters) {
        return (out, portal, statement) -> writeBind(out, portal, statement, parameters);
    }

    private void writeBind(ByteBuf out, String portal, PreparedInfo statement, Object[] parameters) {
        int count = parameters.length;
        if (statement.parameterTypes().length != count) {
            throw new PgInterfaceException("the rewritten statement has " + statement.parameterTypes().length
                    + " parameter(s), expected " + count);
        }
        CodecRegistry registry = types.registry();
        CodecContext context = types.context();
        Codec[] codecs = new Codec[count];
        boolean[] text = new boolean[count];
        boolean anyText = false;
        for (int k = 0; k < count; k++) {
            Codec codec = registry.codec(elementTypes[k]);
            if (codec == null || codec.format() != Codec.BINARY) {
                throw new PgInterfaceException("no binary codec for " + TypeOids.name(elementTypes[k]));
            }
            codecs[k] = codec;
            text[k] = !((Column) parameters[k]).allEncodable(codec);
            anyText |= text[k];
        }
        short[] formats = anyText ? new short[count] : ALL_BINARY;
        for (int k = 0; anyText && k < count; k++) {
            formats[k] = (short) (text[k] ? 0 : 1);
        }
        int start = FrontendMessages.bindStart(out, portal, statement.name(), formats, count);
        for (int k = 0; k < count; k++) {
            Column column = (Column) parameters[k];
            int length = FrontendMessages.bindValueStart(out);
            if (text[k]) {
                writeTextArray(out, column, codecs[k], context);
            } else {
                writeBinaryArray(out, column, codecs[k], context);
            }
            FrontendMessages.bindValueEnd(out, length);
        }
        FrontendMessages.bindEnd(out, start, NO_FORMATS);
    }

    /** Writes a one-dimensional array in binary, as ArrayCodec does, each element with the element codec. */
    private static void writeBinaryArray(ByteBuf out, Column column, Codec codec, CodecContext context) {
        int header = out.writerIndex();
        out.writeInt(1).writeInt(0).writeInt(codec.oid()).writeInt(column.size()).writeInt(1);
        boolean hasNull = false;
        for (int i = 0; i < column.size(); i++) {
            try {
                hasNull |= ArrayCodec.writeElement(column.get(i), codec, out, context);
            } catch (RuntimeException e) {
                throw column.failure(i, e);
            }
        }
        if (hasNull) {
            out.setInt(header + 4, 1);
        }
    }

    /**
     * Writes the array in PostgreSQL's text form, for a chunk where some value of this parameter
     * has a class its binary codec does not take (a String for an int4, say). The ordinary path
     * sends such a value as text for the server to parse; here every element of the array is
     * sent as text instead (values the codec does take as their text form, through the codec), so
     * the server parses each one with the element type's input function, as it would the single
     * value: the same rows result.
     */
    private static void writeTextArray(ByteBuf out, Column column, Codec codec, CodecContext context) {
        char delimiter = codec.oid() == TypeOids.BOX ? ';' : ',';
        StringBuilder literal = new StringBuilder().append('{');
        for (int i = 0; i < column.size(); i++) {
            Object value = column.get(i);
            if (i > 0) {
                literal.append(delimiter);
            }
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            String text;
            try {
                text = textOf(value, codec, context);
            } catch (RuntimeException e) {
                throw column.failure(i, e);
            }
            ArrayCodec.appendQuoted(literal, text, delimiter);
        }
        ByteBufUtil.writeUtf8(out, literal.append('}'));
    }

    /** Returns a value's text as the ordinary path would send it (see BinaryParameters). */
    private static String textOf(Object value, Codec codec, CodecContext context) {
        String text;
        if (codec.canEncode(value.getClass())) {
            ByteBuf tmp = Unpooled.buffer();
            try {
                codec.encode(value, tmp, context);
                byte[] bytes = ByteBufUtil.getBytes(tmp);
                text = codec.decodeText(bytes, 0, bytes.length, context);
            } finally {
                tmp.release();
            }
        } else {
            return BinaryParameters.stringText(value, codec);
        }
        if (text.indexOf('\0') >= 0) {
            throw new PgInterfaceException("the value contains a NUL character (U+0000), which PostgreSQL text cannot store");
        }
        return text;
    }

    /**
     * The k-th parameter's values over the rows of one chunk: the array bound to the rewritten
     * statement's {@code $k}. A view of the rows, nothing is copied.
     */
    static final class Column extends AbstractList<Object> implements RandomAccess {
        private final Object[][] rows;
        private final int count;
        private final int parameter;
        private final long firstRow;

        Column(Object[][] rows, int count, int parameter, long firstRow) {
            this.rows = rows;
            this.count = count;
            this.parameter = parameter;
            this.firstRow = firstRow;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return Secret.reveal(rows[index][parameter]);
        }

        @Override
        public int size() {
            return count;
        }

        /** Whether the binary codec takes every non-null value (else the array goes as text). */
        boolean allEncodable(Codec codec) {
            Class<?> last = null;
            for (int i = 0; i < count; i++) {
                Object value = Secret.reveal(rows[i][parameter]);
                if (value != null && value.getClass() != last) {
                    if (!codec.canEncode(value.getClass())) {
                        return false;
                    }
                    last = value.getClass();
                }
            }
            return true;
        }

        RowFailure failure(int index, RuntimeException cause) {
            if (rows[index][parameter] instanceof Secret) {
                // the cause's message may quote the value
                return new RowFailure(firstRow + index, "parameter $" + (parameter + 1) + " (a Secret) cannot be sent",
                        null);
            }
            return new RowFailure(firstRow + index, "parameter $" + (parameter + 1) + ": " + cause.getMessage(), cause);
        }
    }

    /** A row (1-based, in the caller's numbering) that could not be read or encoded. */
    static final class RowFailure extends PgInterfaceException {
        private static final long serialVersionUID = 1L;
        private final long row;

        RowFailure(long row, String message, Throwable cause) {
            super(message, cause);
            this.row = row;
        }

        long row() {
            return row;
        }
    }

    // ---- Wording ----------------------------------------------------------------------------

    @Override
    public PgInterfaceException clientError(long index, RuntimeException cause) {
        String what = cause instanceof RowFailure ? "row " + number(((RowFailure) cause).row())
                : describe(index);
        Throwable root = cause instanceof RowFailure && cause.getCause() != null ? cause.getCause() : cause;
        return new PgInterfaceException(PREFIX + ": " + what + " could not be encoded or read; the batch was rolled back: "
                + cause.getMessage(), root);
    }

    @Override
    public PgException serverError(PgException error, long index, byte transactionStatus) {
        // As on the plain path, the server's error keeps its class and fields, and the batch
        // position is added to its message, here in the caller's row numbers.
        String where = index <= chunks
                ? describe(index) + (rowCount(index) == 1 ? " was" : " were") + " being inserted"
                : "all " + number(rowsRead) + " rows had been inserted";
        return error.withNote(PREFIX + " failed: " + where
                + " (statement " + index + " of the rewritten batch); no row of the batch was applied"
                + (transactionStatus == 'E' ? " and the enclosing transaction is aborted" : ""));
    }

    /** "rows 5,001–10,000" or "row 7" for chunk {@code index} (1-based). */
    private String describe(long index) {
        if (index < 1 || index > chunks) {
            return "row " + number(rowsRead + 1);
        }
        long first = chunkFirstRows[(int) index - 1];
        long last = index < chunks ? chunkFirstRows[(int) index] - 1 : rowsRead;
        return first == last ? "row " + number(first) : "rows " + number(first) + "\u2013" + number(last);
    }

    private long rowCount(long index) {
        long first = chunkFirstRows[(int) index - 1];
        long last = index < chunks ? chunkFirstRows[(int) index] - 1 : rowsRead;
        return last - first + 1;
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
