package io.pgjet.r2dbc.internal;

import io.pgjet.AsyncConnection;
import io.r2dbc.spi.Result;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

/**
 * Chooses where a statement's rows come from when the caller set a fetch size. Inside a
 * transaction: PgJet's cursor publisher, which fetches {@code fetchSize} rows per round trip as
 * the subscriber asks, and lets other statements run between fetches. Outside one (auto-commit):
 * PgJet's {@code stream}, one Execute whose rows are read from the socket only as the subscriber
 * asks (the server waits on its send buffer meanwhile); statements issued on the connection
 * while it streams wait for it to end. Either way memory stays bounded for any result size.
 */
final class RowSource {
    private RowSource() {
    }

    /** Returns whether the rows of {@code sql} should be streamed rather than read whole. */
    static boolean streams(int fetchSize, SqlText sql) {
        return fetchSize > 0 && sql.isQuery() && !sql.isMultiStatement();
    }

    /**
     * Returns the row segments of {@code sql} as the subscriber asks for them: through a cursor
     * {@code fetchSize} rows per round trip in a transaction, else streamed from the socket.
     */
    static Publisher<Result.Segment> stream(AsyncConnection connection, int fetchSize, String sql, Object[] args,
            boolean inTransaction) {
        Publisher<io.pgjet.Row> rows = FlowAdapters.toPublisher(inTransaction
                ? connection.cursor(fetchSize, sql, args)
                : connection.stream(sql, args));
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
