package io.pgjet.internal.copy;

import io.pgjet.CopyOptions;
import io.pgjet.PgInterfaceException;
import io.pgjet.internal.conn.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the text of the COPY statements PgJet sends, from a table name or a query and
 * {@link CopyOptions}. Nothing the caller gives is spliced raw: identifiers are double-quoted,
 * option values become string literals; only SQL text the caller writes as SQL (the query, the
 * WHERE condition) is written as given.
 *
 * <p>Table names: {@code schema.table} is split at each dot into separate identifiers, each
 * quoted, so names are case-sensitive as written ({@code "MyTable"} stays {@code MyTable}). A part
 * written in double quotes is taken verbatim (doubled quotes inside stand for one), which is how
 * to name a table whose name contains a dot: {@code "my.schema"."orders"}.
 *
 * <p>Options are checked before anything is sent: {@code FORCE_QUOTE} only with {@code COPY TO} in
 * CSV format, {@code FORCE_NOT_NULL}/{@code FORCE_NULL} only with {@code COPY FROM} in CSV format,
 * {@code WHERE} only with {@code COPY FROM}, {@code QUOTE}/{@code ESCAPE} only in CSV, no text
 * options in binary format, no column list with a query. Violations throw {@link PgInterfaceException}. Stateless and thread-safe.
 */
public final class CopyStatement {
    private CopyStatement() {
    }

    /**
     * Returns {@code COPY table [(columns)] TO STDOUT (options)}.
     *
     * @param table   the table, optionally schema-qualified (see the class comment)
     * @param options the options and column list
     * @return the statement text
     * @throws PgInterfaceException if the name is empty or the options do not fit together
     */
    public static String copyTableOut(String table, CopyOptions options) {
        checkOptions(options, true);
        return "COPY " + qualifiedName(table) + columnList(options.columns()) + " TO STDOUT" + optionList(options);
    }

    /**
     * Returns {@code COPY (query) TO STDOUT (options)}. Trailing semicolons are dropped; the query
     * is put on its own lines so a trailing {@code --} comment cannot swallow the parenthesis.
     *
     * @param query   a SELECT, VALUES, or INSERT/UPDATE/DELETE ... RETURNING
     * @param options the options; a column list is not allowed
     * @return the statement text
     * @throws PgInterfaceException if the query is empty, options name columns, or the options do
     *     not fit together
     */
    public static String copyQueryOut(String query, CopyOptions options) {
        checkOptions(options, true);
        if (!options.columns().isEmpty()) {
            throw new PgInterfaceException("a COPY of a query takes no column list; select the columns in the query");
        }
        if (query == null) {
            throw new PgInterfaceException("the query to copy must not be null");
        }
        String body = query.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        if (body.isEmpty()) {
            throw new PgInterfaceException("the query to copy is empty");
        }
        return "COPY (\n" + body + "\n) TO STDOUT" + optionList(options);
    }

    /**
     * Returns {@code COPY table [(columns)] FROM STDIN (options)}.
     *
     * @param table   the table, optionally schema-qualified (see the class comment)
     * @param options the options and column list
     * @return the statement text
     * @throws PgInterfaceException if the name is empty or the options do not fit together
     */
    public static String copyTableIn(String table, CopyOptions options) {
        checkOptions(options, false);
        return "COPY " + qualifiedName(table) + columnList(options.columns()) + " FROM STDIN" + optionList(options)
                + whereClause(options.where());
    }

    /**
     * Returns {@code COPY table (columns) FROM STDIN (FORMAT binary)}.
     *
     * @param quotedTable a name already quoted by {@link #qualifiedName}
     * @param columns     the columns, unquoted, in the order the rows hold their values
     * @return the statement text
     */
    public static String copyBinaryIn(String quotedTable, List<String> columns) {
        return copyBinaryIn(quotedTable, columns, null);
    }

    /**
     * Returns {@code COPY table (columns) FROM STDIN (FORMAT binary) WHERE condition}.
     *
     * @param quotedTable a name already quoted by {@link #qualifiedName}
     * @param columns     the columns, unquoted, in the order the rows hold their values
     * @param where       the condition (SQL text), or null for none
     * @return the statement text
     */
    public static String copyBinaryIn(String quotedTable, List<String> columns, String where) {
        return "COPY " + quotedTable + columnList(columns) + " FROM STDIN (FORMAT binary)" + whereClause(where);
    }

    /** The condition goes on a line of its own, so a trailing {@code --} comment cannot hide anything. */
    private static String whereClause(String where) {
        if (where == null) {
            return "";
        }
        if (where.isBlank()) {
            throw new PgInterfaceException("the COPY WHERE condition is empty");
        }
        return " WHERE (\n" + where.strip() + "\n)";
    }

    /**
     * Quotes a possibly schema-qualified table name part by part, e.g. {@code app.Orders} as
     * {@code "app"."Orders"}.
     *
     * @param table the name, see the class comment
     * @return the quoted name
     * @throws PgInterfaceException if the name or one of its parts is empty, a quoted part is not
     *     closed, or there are more than three parts
     */
    public static String qualifiedName(String table) {
        if (table == null || table.isEmpty()) {
            throw new PgInterfaceException("the table name must not be empty");
        }
        List<String> parts = splitName(table);
        if (parts.size() > 3) {
            throw new PgInterfaceException("invalid table name \"" + table + "\": too many dots");
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            if (part.isEmpty()) {
                throw new PgInterfaceException("invalid table name \"" + table + "\": empty part");
            }
            sb.append(Identifiers.quote(part));
        }
        return sb.toString();
    }

    private static List<String> splitName(String table) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = 0;
        int n = table.length();
        while (i <= n) {
            if (i < n && table.charAt(i) == '"' && part.length() == 0) {
                // a quoted part: up to the closing quote, "" stands for one quote
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new PgInterfaceException("invalid table name \"" + table + "\": unclosed quote");
                    }
                    char c = table.charAt(j);
                    if (c == '"') {
                        if (j + 1 < n && table.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(c);
                    j++;
                }
                i = j + 1;
                if (i < n && table.charAt(i) != '.') {
                    throw new PgInterfaceException("invalid table name \"" + table + "\": text after a quoted part");
                }
                if (part.length() == 0) {
                    throw new PgInterfaceException("invalid table name \"" + table + "\": empty part");
                }
                continue;
            }
            if (i == n || table.charAt(i) == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(table.charAt(i));
            }
            i++;
        }
        return parts;
    }

    /**
     * Returns a string as an SQL literal: quotes doubled, and in {@code E''} form with doubled
     * backslashes when it holds a backslash, so it reads the same whatever
     * {@code standard_conforming_strings} is.
     *
     * @param value the string
     * @return the literal
     * @throws PgInterfaceException if the string contains a NUL character
     */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new PgInterfaceException("COPY option values must not contain a NUL character");
        }
        String quoted = value.replace("'", "''");
        if (quoted.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }

    private static String columnList(List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            return "";
        }
        return " (" + quotedList(columns) + ")";
    }

    private static String quotedList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Identifiers.quote(name));
        }
        return sb.toString();
    }

    private static void checkOptions(CopyOptions options, boolean out) {
        if (options == null) {
            throw new PgInterfaceException("the COPY options must not be null (use CopyOptions.defaults())");
        }
        CopyOptions.Format format = options.format();
        boolean forceQuote = options.forceQuoteAll()
                || (options.forceQuote() != null && !options.forceQuote().isEmpty());
        if (forceQuote && (!out || format != CopyOptions.Format.CSV)) {
            throw new PgInterfaceException("FORCE_QUOTE is only allowed in COPY TO (copyFromTable, copyFromQuery) "
                    + "with FORMAT csv, not in COPY " + (out ? "TO" : "FROM") + " with FORMAT " + name(format));
        }
        boolean forceNulls = !options.forceNotNull().isEmpty() || !options.forceNull().isEmpty();
        if (forceNulls && (out || format != CopyOptions.Format.CSV)) {
            throw new PgInterfaceException("FORCE_NOT_NULL and FORCE_NULL are only allowed in COPY FROM (copyToTable) "
                    + "with FORMAT csv, not in COPY " + (out ? "TO" : "FROM") + " with FORMAT " + name(format));
        }
        if (out && options.where() != null) {
            throw new PgInterfaceException("WHERE is only allowed when loading (copyToTable, copyRecordsToTable);"
                    + " to copy out some rows, use copyFromQuery with a WHERE in the query");
        }
        if (format != CopyOptions.Format.CSV) {
            rejectIfSet(options.quote(), "QUOTE is only allowed with FORMAT csv");
            rejectIfSet(options.escape(), "ESCAPE is only allowed with FORMAT csv");
        }
        if (format == CopyOptions.Format.BINARY) {
            rejectIfSet(options.delimiter(), "DELIMITER is not allowed with FORMAT binary");
            rejectIfSet(options.nullString(), "NULL is not allowed with FORMAT binary");
            rejectIfSet(options.header(), "HEADER is not allowed with FORMAT binary");
        }
    }

    private static void rejectIfSet(Object option, String message) {
        if (option != null) {
            throw new PgInterfaceException(message);
        }
    }

    private static String name(CopyOptions.Format format) {
        return format.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String optionList(CopyOptions options) {
        StringBuilder sb = new StringBuilder(" (FORMAT ").append(name(options.format()));
        if (options.delimiter() != null) {
            sb.append(", DELIMITER ").append(literal(options.delimiter()));
        }
        if (options.nullString() != null) {
            sb.append(", NULL ").append(literal(options.nullString()));
        }
        if (options.header() != null) {
            sb.append(", HEADER ").append(options.header() ? "true" : "false");
        }
        if (options.quote() != null) {
            sb.append(", QUOTE ").append(literal(options.quote()));
        }
        if (options.escape() != null) {
            sb.append(", ESCAPE ").append(literal(options.escape()));
        }
        if (options.forceQuoteAll()) {
            sb.append(", FORCE_QUOTE *");
        } else if (options.forceQuote() != null && !options.forceQuote().isEmpty()) {
            sb.append(", FORCE_QUOTE (").append(quotedList(options.forceQuote())).append(')');
        }
        if (!options.forceNotNull().isEmpty()) {
            sb.append(", FORCE_NOT_NULL (").append(quotedList(options.forceNotNull())).append(')');
        }
        if (!options.forceNull().isEmpty()) {
            sb.append(", FORCE_NULL (").append(quotedList(options.forceNull())).append(')');
        }
        if (options.encoding() != null) {
            sb.append(", ENCODING ").append(literal(options.encoding()));
        }
        return sb.append(')').toString();
    }
}
