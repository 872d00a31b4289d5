package io.pgjet.r2dbc.internal;

import io.pgjet.Notice;
import io.pgjet.Row;
import io.pgjet.QueryResult;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import java.util.ArrayList;
import java.util.List;

/** The segment types of a {@link PgResult} and how a statement's outcome becomes segments. */
final class Segments {
    private Segments() {
    }

    /** A row of the result. */
    record RowSegment(PgR2dbcRow row) implements Result.RowSegment {}

    /** The number of rows the statement affected (or returned, for a query). */
    record UpdateCount(long value) implements Result.UpdateCount {}

    /** An error or a notice the server sent while running the statement. */
    record Message(R2dbcException exception, boolean isError) implements Result.Message {
        @Override
        public int errorCode() {
            return exception.getErrorCode();
        }

        @Override
        public String sqlState() {
            return exception.getSqlState();
        }

        @Override
        public String message() {
            return exception.getMessage();
        }
    }

    /** Returns the message segment of a failure. */
    static Message error(Throwable error) {
        Throwable translated = Errors.translate(error);
        R2dbcException exception = translated instanceof R2dbcException r ? r
                : new PgR2dbcNonTransientException(String.valueOf(translated.getMessage()), null, translated);
        return new Message(exception, true);
    }

    /** Returns the message segment of a notice (severity NOTICE, WARNING, ...). */
    static Message notice(Notice notice) {
        return new Message(new PgR2dbcNonTransientException(notice.severity() + ": " + notice.message(),
                notice.sqlState(), null), false);
    }

    /** Returns the segments of a finished statement: its rows, then its count, then notices. */
    static List<Result.Segment> of(QueryResult result, List<Notice> notices) {
        List<Row> rows = result.rows();
        List<Result.Segment> segments = new ArrayList<>(rows.size() + 1 + notices.size());
        PgRowMetadata metadata = null;
        for (Row row : rows) {
            if (metadata == null || !metadata.fits(row)) {
                metadata = PgRowMetadata.of(row);
            }
            segments.add(new RowSegment(new PgR2dbcRow(row, metadata)));
        }
        if (result.status() != null && result.status().rowCount() >= 0) {
            segments.add(new UpdateCount(result.status().rowCount()));
        }
        for (Notice notice : notices) {
            segments.add(notice(notice));
        }
        return segments;
    }
}
