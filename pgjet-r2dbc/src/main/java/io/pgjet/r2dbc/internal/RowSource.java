package io.pgjet.r2dbc.internal;

import io.pgjet.AsyncConnection;
import io.r2dbc.spi.Result;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

/**
 * Chooses where a statement's rows come from when the caller set a fetch size. Today that is
 * PgJet's cursor publisher, which fetches {@code fetchSize} rows per round trip as the
 * subscriber asks (real backpressure) but needs a transaction; outside one, rows are read whole.
 * This is the one place to change when a row source that needs no transaction exists.
 */
final class RowSource {
    private RowSource() {
    }

    /** Returns whether the rows of {@code sql} should be streamed rather than read whole. */
    static boolean streams(int fetchSize, SqlText sql, boolean inTransaction) {
        return fetchSize > 0 && inTransaction && sql.isQuery() && !sql.isMultiStatement();
    }

    /** Returns the row segments of {@code sql}, fetched {@code fetchSize} at a time. */
    static Publisher<Result.Segment> stream(AsyncConnection connection, int fetchSize, String sql, Object[] args) {
        Publisher<io.pgjet.Row> rows = FlowAdapters.toPublisher(connection.cursor(fetchSize, sql, args));
        AtomicReference<PgRowMetadata> metadata = new AtomicReference<>();
        return new MappingPublisher<io.pgjet.Row, Result.Segment>(rows, row -> {
            PgRowMetadata current = metadata.get();
            if (current == null || !current.fits(row)) {
                current = PgRowMetadata.of(row);
                metadata.set(current);
            }
            return new Segments.RowSegment(new PgR2dbcRow(row, current));
        });
    }
}
