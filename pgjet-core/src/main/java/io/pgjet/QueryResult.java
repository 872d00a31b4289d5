package io.pgjet;

import java.util.List;

/**
 * What one statement returned: its rows (empty for a statement without any) together with the
 * command status the server reported for it, for callers that need both at once, such as drivers
 * built on PgJet that report rows and an update count from the same execution.
 *
 * @param rows the rows, in server order; unmodifiable, empty when the statement returned none
 * @param status the command status, e.g. {@code INSERT 0 3}; {@code null} for an empty query
 *     string, which has no command status
 */
public record QueryResult(List<Row> rows, CommandStatus status) {

    /**
     * Copies the row list so the result cannot change after it is handed out.
     *
     * @param rows the rows
     * @param status the command status, or null
     */
    public QueryResult {
        rows = List.copyOf(rows);
    }
}
