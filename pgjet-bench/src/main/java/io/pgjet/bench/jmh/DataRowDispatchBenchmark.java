package io.pgjet.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgjet.protocol.BackendFraming;
import io.pgjet.protocol.BackendMessages;
import io.pgjet.protocol.DataRowReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Frames and dispatches a received buffer of 1,000 DataRows plus CommandComplete and
 * ReadyForQuery through {@link BackendMessages#dispatch}, as the engine does for a result, with a
 * handler that only counts. Per row: the score is time per DataRow; {@code -prof gc} shows
 * the bytes per row the framing itself allocates. Row shapes: one int4 ({@code series}), and the
 * twelve columns of the pg_type scan ({@code wide}), both in binary format.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataRowDispatchBenchmark {
    private static final int ROWS = 1000;

    @Param({"series", "wide"})
    public String shape;

    private ByteBuf received;
    private final NoOpBackendHandler handler = new NoOpBackendHandler();
    private final DataRowReader reader = new DataRowReader();

    @Setup(Level.Trial)
    public void setUp() {
        received = Unpooled.directBuffer();
        for (int i = 1; i <= ROWS; i++) {
            int start = received.writerIndex();
            received.writeByte('D').writeInt(0);
            if (shape.equals("series")) {
                received.writeShort(1);
                received.writeInt(4).writeInt(i);
            } else {
                writeWideRow(received, i);
            }
            received.setInt(start + 1, received.writerIndex() - start - 1);
        }
        byte[] tag = "SELECT 1000\0".getBytes(StandardCharsets.US_ASCII);
        received.writeByte('C').writeInt(4 + tag.length).writeBytes(tag);
        received.writeByte('Z').writeInt(5).writeByte('I');
    }

    private static void writeWideRow(ByteBuf out, int i) {
        byte[] name = ("type_" + i).getBytes(StandardCharsets.UTF_8);
        out.writeShort(12);
        out.writeInt(name.length).writeBytes(name); // typname (name)
        out.writeInt(4).writeInt(10_000 + i); // oid
        out.writeInt(4).writeInt(11); // typnamespace (oid)
        out.writeInt(2).writeShort(4); // typlen (int2)
        out.writeInt(1).writeByte(1); // typbyval (bool)
        out.writeInt(1).writeByte('b'); // typtype ("char")
        out.writeInt(1).writeByte('N'); // typcategory ("char")
        out.writeInt(1).writeByte(0); // typispreferred (bool)
        out.writeInt(1).writeByte(1); // typisdefined (bool)
        out.writeInt(1).writeByte(','); // typdelim ("char")
        out.writeInt(4).writeInt(0); // typrelid (oid)
        out.writeInt(4).writeInt(0); // typelem (oid)
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        received.release();
    }

    /**
     * Frames every message in place (the body is the buffer between two indexes, no slice) and
     * dispatches it, as PgJet's engine reads a socket buffer; the handler only counts.
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long dispatch() {
        frameInPlace(received, handler);
        return handler.rows;
    }

    /** Frames and dispatches through {@link BackendMessages#dispatchNext}, which slices each body. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long dispatchNext() {
        received.readerIndex(0);
        while (BackendMessages.dispatchNext(received, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE, handler)) {
            // every frame is complete
        }
        return handler.rows;
    }

    /** Frames in place and dispatches, then walks every column of every row with a {@link DataRowReader}. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void dispatchAndWalkColumns(Blackhole hole) {
        frameInPlace(received, new ColumnWalker(reader, hole));
    }

    private static void frameInPlace(ByteBuf in, NoOpBackendHandler target) {
        in.readerIndex(0);
        int available = in.writerIndex();
        int frame;
        while ((frame = BackendFraming.completeFrameLength(in, BackendFraming.DEFAULT_MAX_MESSAGE_SIZE)) != 0) {
            int start = in.readerIndex();
            int end = start + frame;
            byte type = in.getByte(start);
            in.setIndex(start + BackendFraming.HEADER_SIZE, end);
            try {
                BackendMessages.dispatch(type, in, target);
            } finally {
                in.setIndex(end, available);
            }
        }
    }

    /** Walks each DataRow's columns and feeds their lengths to the blackhole. */
    static final class ColumnWalker extends NoOpBackendHandler {
        private final DataRowReader reader;
        private final Blackhole hole;

        ColumnWalker(DataRowReader reader, Blackhole hole) {
            this.reader = reader;
            this.hole = hole;
        }

        @Override
        public void dataRow(ByteBuf row) {
            reader.reset(row);
            while (reader.hasNextColumn()) {
                hole.consume(reader.nextColumn());
            }
        }
    }
}
