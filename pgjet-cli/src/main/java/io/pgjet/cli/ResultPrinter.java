package io.pgjet.cli;

import io.pgjet.Row;
import java.io.PrintStream;
import java.util.List;

/** Prints rows as a psql-like aligned table, as CSV (RFC 4180) or as a JSON array. */
final class ResultPrinter {
    enum Format { TABLE, CSV, JSON }

    private final PrintStream out;
    private final Format format;

    ResultPrinter(PrintStream out, Format format) {
        this.out = out;
        this.format = format;
    }

    void print(List<Row> rows) {
        switch (format) {
            case CSV:
                printCsv(rows);
                break;
            case JSON:
                printJson(rows);
                break;
            default:
                printTable(rows);
        }
    }

    private void printTable(List<Row> rows) {
        if (rows.isEmpty()) {
            out.println("(0 rows)");
            return;
        }
        Row first = rows.get(0);
        int columns = first.columnCount();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = first.columnName(c).length();
        }
        for (Row row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], display(row, c).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? " " : " | ").append(center(first.columnName(c), widths[c]));
        }
        out.println(line);
        line.setLength(0);
        for (int c = 0; c < columns; c++) {
            line.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.println(line);
        for (Row row : rows) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                line.append(c == 0 ? " " : " | ").append(pad(display(row, c), widths[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private void printCsv(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Row first = rows.get(0);
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < first.columnCount(); c++) {
            line.append(c == 0 ? "" : ",").append(csv(first.columnName(c)));
        }
        out.println(line);
        for (Row row : rows) {
            line.setLength(0);
            for (int c = 0; c < row.columnCount(); c++) {
                String value = row.getString(c);
                line.append(c == 0 ? "" : ",").append(value == null ? "" : csv(value));
            }
            out.println(line);
        }
    }

    private void printJson(List<Row> rows) {
        StringBuilder json = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            json.append(r == 0 ? "\n  {" : ",\n  {");
            for (int c = 0; c < row.columnCount(); c++) {
                String value = row.getString(c);
                json.append(c == 0 ? "" : ", ").append(jsonString(row.columnName(c))).append(": ")
                        .append(value == null ? "null" : jsonString(value));
            }
            json.append('}');
        }
        out.println(json.append(rows.isEmpty() ? "]" : "\n]"));
    }

    private static String display(Row row, int column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
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

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
            }
        }
        return b.append('"').toString();
    }
}
