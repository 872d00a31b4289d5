package io.pgjet.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.pgjet.protocol.FrontendMessages;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encodes the Bind + Execute of one batch row (int4, text, float8, timestamptz) into a reused
 * buffer with {@link FrontendMessages#bindStart}/{@code bindValueStart}/{@code bindValueEnd}/
 * {@code bindEnd}: once with values as text (what PgJet sends today) and once in binary format
 * (what the type codecs will send), so the gain of binary parameters shows as a number.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BindEncodeBenchmark {
    private static final short[] TEXT = {0};
    private static final short[] BINARY = {1};
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private ByteBuf out;
    private int id = 12_345;
    private final String name = "name-12345";
    private final double score = 3086.25;
    private final java.time.OffsetDateTime created =
            java.time.OffsetDateTime.parse("2024-01-01T03:25:45.123456Z");

    @Setup(Level.Trial)
    public void setUp() {
        out = Unpooled.directBuffer(256);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
    }

    /** Parameters as text, the server infers their types (PgJet's interim encoding). */
    @Benchmark
    public int textParameters() {
        out.clear();
        int start = FrontendMessages.bindStart(out, "", "bench_batch_insert", null, 4);
        text(Integer.toString(id));
        text(name);
        text(Double.toString(score));
        text(created.toString());
        FrontendMessages.bindEnd(out, start, TEXT);
        FrontendMessages.execute(out, "", 0);
        return out.writerIndex();
    }

    private void text(String value) {
        int length = FrontendMessages.bindValueStart(out);
        ByteBufUtil.writeUtf8(out, value);
        FrontendMessages.bindValueEnd(out, length);
    }

    /** Parameters in binary format: int4, UTF-8 text, IEEE float8, int8 microseconds since 2000. */
    @Benchmark
    public int binaryParameters() {
        out.clear();
        int start = FrontendMessages.bindStart(out, "", "bench_batch_insert", BINARY, 4);
        out.writeInt(4).writeInt(id);
        int length = FrontendMessages.bindValueStart(out);
        ByteBufUtil.writeUtf8(out, name);
        FrontendMessages.bindValueEnd(out, length);
        out.writeInt(8).writeDouble(score);
        long micros = created.toEpochSecond() * 1_000_000L + created.getNano() / 1_000 - PG_EPOCH_MICROS;
        out.writeInt(8).writeLong(micros);
        FrontendMessages.bindEnd(out, start, BINARY);
        FrontendMessages.execute(out, "", 0);
        return out.writerIndex();
    }
}
