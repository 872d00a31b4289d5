package io.pgjet.cli;

import io.pgjet.Row;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints statement outcomes as psql does: rows as an aligned table (numbers right-aligned), as
 * CSV (RFC 4180) or as a JSON array of objects with typed values; a command without rows as its
 * status, e.g. {@code INSERT 0 1}.
 */
final class ResultPrinter {
    enum Format { TABLE, CSV, JSON }

    private final PrintStream out;
    private final Format format;

    ResultPrinter(PrintStream out, Format format) {
        this.out = out;
        this.format = format;
    }

    /** Prints each outcome of a script in order; tables are separated by a blank line, as in psql. */
    void print(List<Outcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            boolean table = print(outcome);
            if (table && format == Format.TABLE && i + 1 < outcomes.size()) {
                out.println();
            }
        }
    }

    /** Prints one outcome; returns whether it was a result set. */
    boolean print(Outcome outcome) {
        if (!outcome.hasRows()) {
            if (outcome.status() != null) {
                out.println(outcome.status());
            }
            return false;
        }
        List<Outcome.Column> columns = outcome.columnsOrFromRows();
        switch (format) {
            case CSV:
                printCsv(columns, outcome.rows());
                break;
            case JSON:
                printJson(columns, outcome.rows());
                break;
            default:
                printTable(columns, outcome.rows());
                if (outcome.statusFollowsRows()) {
                    out.println();
                    out.println(outcome.status());
                }
        }
        return true;
    }

    private void printTable(List<Outcome.Column> columns, List<Row> rows) {
        int count = columns.size();
        if (count > 0) {
            int[] widths = new int[count];
            boolean[] right = new boolean[count];
            for (int c = 0; c < count; c++) {
                widths[c] = columns.get(c).name().length();
                right[c] = ColumnTypes.rightAligned(columns.get(c).typeOid());
            }
            for (Row row : rows) {
                for (int c = 0; c < count; c++) {
                    widths[c] = Math.max(widths[c], display(row, c).length());
                }
            }
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < count; c++) {
                line.append(c == 0 ? " " : " | ").append(center(columns.get(c).name(), widths[c]));
            }
            out.println(line.toString().stripTrailing());
            line.setLength(0);
            for (int c = 0; c < count; c++) {
                line.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
            }
            out.println(line);
            for (Row row : rows) {
                line.setLength(0);
                for (int c = 0; c < count; c++) {
                    String value = display(row, c);
                    String padding = " ".repeat(widths[c] - value.length());
                    line.append(c == 0 ? " " : " | ").append(right[c] ? padding + value : value + padding);
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private void printCsv(List<Outcome.Column> columns, List<Row> rows) {
        if (columns.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            line.append(c == 0 ? "" : ",").append(csv(columns.get(c).name()));
        }
        out.println(line);
        for (Row row : rows) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                String value = row.getString(c);
                line.append(c == 0 ? "" : ",").append(value == null ? "" : csv(value));
            }
            out.println(line);
        }
    }

    private void printJson(List<Outcome.Column> columns, List<Row> rows) {
        StringBuilder json = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            json.append(r == 0 ? "\n  {" : ",\n  {");
            for (int c = 0; c < columns.size(); c++) {
                json.append(c == 0 ? "" : ", ").append(JsonValues.string(columns.get(c).name())).append(": ")
                        .append(JsonValues.value(row.getString(c), columns.get(c).typeOid()));
            }
            json.append('}');
        }
        out.println(json.append(rows.isEmpty() ? "]" : "\n]"));
    }

    private static String display(Row row, int column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }

    private static String center(String s, int width) {
        int left = (width - s.length()) / 2;
        return " ".repeat(left) + s + " ".repeat(width - s.length() - left);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
