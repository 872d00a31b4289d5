package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;

/**
 * The result of one statement execution, over a publisher of its segments (rows, update count,
 * notices, an error). The statement is already running when the result is handed out;
 * cancelling a subscription to it before the statement finished cancels the statement on the
 * server. Errors surface as {@code onError} from {@link #map} and {@link #getRowsUpdated}, and as
 * {@link Result.Message} segments to {@link #flatMap} and {@link #filter}.
 */
public final class PgResult implements Result {
    private final Publisher<Segment> segments;

    PgResult(Publisher<Segment> segments) {
        this.segments = segments;
    }

    /** Returns a result whose segments come from a running statement's future list of segments. */
    static PgResult of(CompletableFuture<List<Segment>> running) {
        return new PgResult(new ConcatMapPublisher<List<Segment>, Segment>(FuturePublisher.of(running), ListPublisher::new));
    }

    /** Returns a result of fixed segments. */
    static PgResult of(List<Segment> segments) {
        return new PgResult(new ListPublisher<>(segments));
    }

    @Override
    public Publisher<Long> getRowsUpdated() {
        return new SumPublisher<>(segments, segment -> {
            throwIfError(segment);
            return segment instanceof UpdateCount count ? count.value() : -1;
        });
    }

    @Override
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("mappingFunction must not be null");
        }
        return new MappingPublisher<>(segments, segment -> {
            if (segment instanceof RowSegment rows) {
                Row row = rows.row();
                return mappingFunction.apply(row, row.getMetadata());
            }
            throwIfError(segment);
            return null;
        });
    }

    @Override
    public <T> Publisher<T> map(Function<? super Readable, ? extends T> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("mappingFunction must not be null");
        }
        return new MappingPublisher<>(segments, segment -> {
            if (segment instanceof RowSegment rows) {
                return mappingFunction.apply(rows.row());
            }
            if (segment instanceof OutSegment out) {
                return mappingFunction.apply(out.outParameters());
            }
            throwIfError(segment);
            return null;
        });
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
        if (filter == null) {
            throw new IllegalArgumentException("filter must not be null");
        }
        return new PgResult(new MappingPublisher<>(segments, segment -> filter.test(segment) ? segment : null));
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
        if (mappingFunction == null) {
            throw new IllegalArgumentException("mappingFunction must not be null");
        }
        return new ConcatMapPublisher<>(segments, mappingFunction);
    }

    private static void throwIfError(Segment segment) {
        if (segment instanceof Segments.Message message && message.isError()) {
            throw message.exception();
        }
    }
}
