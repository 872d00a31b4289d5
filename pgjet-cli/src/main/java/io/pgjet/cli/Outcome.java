package io.pgjet.cli;

import io.pgjet.Row;
import java.util.List;

/**
 * What one statement of a query produced, as the printer needs it.
 *
 * @param columns the result columns, or null when the statement returned no row description
 *     (a command without rows) or when they are unknown (a script's query that returned no rows)
 * @param rows the rows, in order (empty when there were none)
 * @param status the command tag, e.g. {@code INSERT 0 1}, or null for an empty statement
 */
record Outcome(List<Column> columns, List<Row> rows, String status) {

    /** A result column: its name and PostgreSQL type OID. */
    record Column(String name, int typeOid) {}

    /** Returns whether the statement produced a result set (rows, possibly none) to print as a table. */
    boolean hasRows() {
        return columns != null || !rows.isEmpty() || (status != null && returnsRowsOnly(status));
    }

    /** Returns the columns: the known ones, else those of the first row, else none. */
    List<Column> columnsOrFromRows() {
        if (columns != null || rows.isEmpty()) {
            return columns == null ? List.of() : columns;
        }
        return fromRow(rows.get(0));
    }

    /** Returns whether psql would print the status after the rows: DML with RETURNING. */
    boolean statusFollowsRows() {
        return status != null && (status.startsWith("INSERT ") || status.startsWith("UPDATE ")
                || status.startsWith("DELETE ") || status.startsWith("MERGE "));
    }

    /** Returns the columns a row describes. */
    static List<Column> fromRow(Row row) {
        Column[] columns = new Column[row.columnCount()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new Column(row.columnName(c), row.columnTypeOid(c));
        }
        return List.of(columns);
    }

    // A script's statements report no row description when no row came back; a query that matched
    // nothing says "SELECT 0" (CREATE TABLE AS of no rows says the same, the one case shown wrongly).
    private static boolean returnsRowsOnly(String status) {
        return status.equals("SELECT 0") || status.equals("FETCH 0");
    }
}
