package io.pgjet.internal.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.pgjet.PgInterfaceException;
import io.pgjet.Secret;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Encodes rows of Java values as PostgreSQL's binary COPY format, in chunks of about 64 KiB:
 * the signature {@code PGCOPY\n\377\r\n\0}, flags and header-extension length (both 0), then per
 * row an int16 field count and per field an int32 length (-1 for NULL) and the value's binary
 * form as the column's codec writes it, and finally the int16 trailer -1.
 *
 * <p>Rows come from an iterable or a publisher and are read only as the server takes the data,
 * on the writer's worker thread. A row that cannot be encoded (wrong number of values, a value
 * the column's type does not accept) aborts the COPY with a {@link PgInterfaceException} naming
 * the row and column.
 */
final class BinaryCopyChunks extends CopyInChunks {
    /** Chunk size: a chunk is sent once it holds at least this many bytes. */
    static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};

    private final Rows rows;
    private final String table;
    private final Codec[] codecs;
    private final CodecContext context;
    private final CopyTarget target;
    private ByteBuf buffer;
    private long index;
    private boolean started;
    private boolean finished;

    private BinaryCopyChunks(Rows rows, String table, CopyTarget target) {
        this.rows = rows;
        this.table = table;
        this.target = target;
        this.codecs = target.codecs();
        this.context = target.context();
    }

    /**
     * Returns the chunks of the rows of {@code records}, whose iterator is created on first read.
     *
     * @param table   the table's name as the caller gave it, for messages
     * @param target  the columns and their codecs
     * @param records the rows
     * @return the chunks
     */
    static BinaryCopyChunks of(String table, CopyTarget target, Iterable<?> records) {
        return new BinaryCopyChunks(new IterableRows(records::iterator), table, target);
    }

    /**
     * Returns the chunks of the rows {@code records} publishes; subscribes on first read and
     * requests rows in batches as they are encoded.
     *
     * @param table   the table's name as the caller gave it, for messages
     * @param target  the columns and their codecs
     * @param records the rows
     * @return the chunks
     */
    static BinaryCopyChunks of(String table, CopyTarget target, Flow.Publisher<?> records) {
        return new BinaryCopyChunks(new PublishedRows(records), table, target);
    }

    @Override
    protected byte[] read() throws Exception {
        if (finished) {
            return null;
        }
        if (buffer == null) {
            // unpooled heap memory: not tracked by the leak detector, freed by the GC
            buffer = Unpooled.buffer(CHUNK_BYTES + 16 * 1024);
        }
        ByteBuf out = buffer.clear();
        if (!started) {
            out.writeBytes(HEADER);
            started = true;
        }
        while (out.writerIndex() < CHUNK_BYTES) {
            if (!rows.hasNext()) {
                out.writeShort(-1);
                finished = true;
                break;
            }
            encodeRow(out, rows.next());
        }
        return ByteBufUtil.getBytes(out);
    }

    private void encodeRow(ByteBuf out, Object row) {
        long i = index++;
        Object[] values = RowValues.of(row, i);
        if (values.length != codecs.length) {
            throw new PgInterfaceException(RowValues.describe(i) + " has " + values.length + " value"
                    + (values.length == 1 ? "" : "s") + ", but the COPY into " + table + " takes " + codecs.length
                    + " " + target.columns());
        }
        int rowStart = out.writerIndex();
        out.writeShort(codecs.length);
        for (int c = 0; c < codecs.length; c++) {
            Object value = Secret.reveal(values[c]);
            if (value == null) {
                out.writeInt(-1);
                continue;
            }
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            try {
                codecs[c].encode(value, out, context);
            } catch (RuntimeException e) {
                out.writerIndex(rowStart);
                if (values[c] instanceof Secret) { // the cause's message may quote the value
                    throw new PgInterfaceException(RowValues.describe(i) + ", column \"" + target.columns().get(c)
                            + "\" (" + codecs[c].typeName() + "): a Secret that cannot be sent as this type");
                }
                throw new PgInterfaceException(RowValues.describe(i) + ", column \"" + target.columns().get(c)
                        + "\" (" + codecs[c].typeName() + "): " + e.getMessage(), e);
            }
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }
    }

    @Override
    protected void release() throws Exception {
        buffer = null;
        rows.close();
    }

    @Override
    protected void interruptRead() {
        rows.interrupt();
    }

    @Override
    protected String describeFailure(Throwable cause) {
        return "reading the rows to copy into " + table + " failed, so the COPY was aborted and the server"
                + " loaded nothing: " + cause;
    }

    /** Where the rows come from. */
    private interface Rows {
        boolean hasNext() throws Exception;

        Object next() throws Exception;

        void close() throws Exception;

        default void interrupt() {
        }
    }

    /** Rows of an iterable; an iterator that is AutoCloseable is closed at the end. */
    private static final class IterableRows implements Rows {
        private final Supplier<Iterator<?>> source;
        private Iterator<?> iterator;

        IterableRows(Supplier<Iterator<?>> source) {
            this.source = source;
        }

        private Iterator<?> iterator() {
            if (iterator == null) {
                iterator = source.get();
            }
            return iterator;
        }

        @Override
        public boolean hasNext() {
            return iterator().hasNext();
        }

        @Override
        public Object next() {
            return iterator().next();
        }

        @Override
        public void close() throws Exception {
            if (iterator instanceof AutoCloseable) {
                ((AutoCloseable) iterator).close();
            }
        }
    }

    /** Rows of a publisher, subscribed on first read. */
    private static final class PublishedRows implements Rows {
        /** Rows requested ahead of the encoder at most. */
        private static final int PREFETCH = 512;

        private final Flow.Publisher<?> publisher;
        private final BlockingSubscriber<Object> subscriber = new BlockingSubscriber<>(PREFETCH,
                "the publisher of rows");
        private boolean subscribed;
        private Object pending;
        private boolean ended;

        PublishedRows(Flow.Publisher<?> publisher) {
            this.publisher = publisher;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean hasNext() throws Exception {
            if (pending != null) {
                return true;
            }
            if (ended) {
                return false;
            }
            if (!subscribed) {
                subscribed = true;
                ((Flow.Publisher<Object>) publisher).subscribe(subscriber);
            }
            pending = subscriber.take();
            ended = pending == null;
            return !ended;
        }

        @Override
        public Object next() throws Exception {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Object row = pending;
            pending = null;
            return row;
        }

        @Override
        public void close() {
            subscriber.cancel();
        }

        @Override
        public void interrupt() {
            subscriber.cancel();
        }
    }
}
