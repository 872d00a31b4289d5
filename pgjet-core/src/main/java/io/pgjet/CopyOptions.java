package io.pgjet;

import java.util.List;
import java.util.Objects;

/**
 * Options of a COPY statement ({@code FORMAT}, {@code DELIMITER}, {@code NULL}, {@code HEADER},
 * {@code QUOTE}, {@code ESCAPE}, {@code FORCE_QUOTE}, {@code FORCE_NOT_NULL}, {@code FORCE_NULL},
 * {@code ENCODING}), its column list and, for loading, a {@code WHERE} condition.
 * Immutable; each {@code with...} method returns a copy. Unset options take PostgreSQL's
 * defaults. Values are quoted by PgJet when it writes the statement, never spliced raw; the
 * {@code WHERE} condition alone is SQL text, written as given.
 *
 * <pre>{@code
 * CopyOptions csv = CopyOptions.csv().withHeader(true).withColumns("id", "name");
 * }</pre>
 */
public final class CopyOptions {
    /** The data format of a COPY. */
    public enum Format {
        /** PostgreSQL's tab-separated text format (the default). */
        TEXT,
        /** Comma-separated values. */
        CSV,
        /** PostgreSQL's binary COPY format. */
        BINARY
    }

    private static final CopyOptions DEFAULTS = new CopyOptions(Format.TEXT, null, null, null, null, null, null,
            false, null, List.of(), List.of(), List.of(), null);

    private final Format format;
    private final String delimiter;
    private final String nullString;
    private final Boolean header;
    private final String quote;
    private final String escape;
    private final List<String> forceQuote;
    private final boolean forceQuoteAll;
    private final String encoding;
    private final List<String> columns;
    private final List<String> forceNotNull;
    private final List<String> forceNull;
    private final String where;

    private CopyOptions(Format format, String delimiter, String nullString, Boolean header, String quote, String escape,
            List<String> forceQuote, boolean forceQuoteAll, String encoding, List<String> columns,
            List<String> forceNotNull, List<String> forceNull, String where) {
        this.format = format;
        this.delimiter = delimiter;
        this.nullString = nullString;
        this.header = header;
        this.quote = quote;
        this.escape = escape;
        this.forceQuote = forceQuote;
        this.forceQuoteAll = forceQuoteAll;
        this.encoding = encoding;
        this.columns = columns;
        this.forceNotNull = forceNotNull;
        this.forceNull = forceNull;
        this.where = where;
    }

    /**
     * Returns the defaults: text format, server-default delimiter and NULL marker, all columns.
     *
     * @return the shared default options
     */
    public static CopyOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns defaults with {@code FORMAT csv}.
     *
     * @return options for CSV data with the server's CSV defaults (comma, double quote, no header)
     */
    public static CopyOptions csv() {
        return DEFAULTS.withFormat(Format.CSV);
    }

    /**
     * Returns defaults with {@code FORMAT binary}.
     *
     * @return options for PostgreSQL's binary COPY format
     */
    public static CopyOptions binary() {
        return DEFAULTS.withFormat(Format.BINARY);
    }

    private CopyOptions copy(Format format, String delimiter, String nullString, Boolean header, String quote,
            String escape, List<String> forceQuote, boolean forceQuoteAll, String encoding, List<String> columns) {
        return new CopyOptions(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll,
                encoding, columns, forceNotNull, forceNull, where);
    }

    /**
     * Returns a copy with the given format.
     *
     * @param format the data format; not null
     * @return a copy with {@code FORMAT} set
     */
    public CopyOptions withFormat(Format format) {
        return copy(Objects.requireNonNull(format, "format"), delimiter, nullString, header, quote, escape, forceQuote,
                forceQuoteAll, encoding, columns);
    }

    /**
     * Returns a copy with the column delimiter (one single-byte character).
     *
     * @param delimiter the delimiter, or null for the format's default (tab for text, comma for
     *     CSV)
     * @return a copy with {@code DELIMITER} set
     */
    public CopyOptions withDelimiter(String delimiter) {
        return copy(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll, encoding, columns);
    }

    /**
     * Returns a copy with the string that stands for NULL.
     *
     * @param nullString the NULL marker, or null for the format's default ({@code \N} in text,
     *     empty in CSV)
     * @return a copy with {@code NULL} set
     */
    public CopyOptions withNull(String nullString) {
        return copy(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll, encoding, columns);
    }

    /**
     * Returns a copy with or without a header line (text and CSV formats).
     *
     * @param header true to write (when copying out) or skip (when loading) a header line
     * @return a copy with {@code HEADER} set
     */
    public CopyOptions withHeader(boolean header) {
        return copy(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll, encoding, columns);
    }

    /**
     * Returns a copy with the CSV quote character.
     *
     * @param quote one single-byte character, or null for the default double quote
     * @return a copy with {@code QUOTE} set
     */
    public CopyOptions withQuote(String quote) {
        return copy(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll, encoding, columns);
    }

    /**
     * Returns a copy with the CSV escape character.
     *
     * @param escape one single-byte character, or null for the default (the quote character)
     * @return a copy with {@code ESCAPE} set
     */
    public CopyOptions withEscape(String escape) {
        return copy(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll, encoding, columns);
    }

    /**
     * Returns a copy that quotes the given columns' non-NULL values in CSV output.
     *
     * @param columns the columns to quote; replaces an earlier {@link #withForceQuoteAll()}
     * @return a copy with {@code FORCE_QUOTE (columns)} set
     */
    public CopyOptions withForceQuote(String... columns) {
        return copy(format, delimiter, nullString, header, quote, escape, List.of(columns), false, encoding, this.columns);
    }

    /**
     * Returns a copy that quotes every non-NULL value in CSV output ({@code FORCE_QUOTE *}).
     *
     * @return a copy with {@code FORCE_QUOTE *} set, replacing a column list given before
     */
    public CopyOptions withForceQuoteAll() {
        return copy(format, delimiter, nullString, header, quote, escape, null, true, encoding, columns);
    }

    /**
     * Returns a copy that never reads the given columns' values as NULL, even when they match the
     * NULL string ({@code FORCE_NOT_NULL}); only for loading (copyToTable) in CSV format.
     *
     * @param columns the columns never read as NULL
     * @return a copy with {@code FORCE_NOT_NULL (columns)} set
     */
    public CopyOptions withForceNotNull(String... columns) {
        return new CopyOptions(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll,
                encoding, this.columns, List.of(columns), forceNull, where);
    }

    /**
     * Returns a copy that reads the given columns' values as NULL when they match the NULL string,
     * even when quoted ({@code FORCE_NULL}); only for loading (copyToTable) in CSV format.
     *
     * @param columns the columns whose quoted NULL strings are read as NULL
     * @return a copy with {@code FORCE_NULL (columns)} set
     */
    public CopyOptions withForceNull(String... columns) {
        return new CopyOptions(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll,
                encoding, this.columns, forceNotNull, List.of(columns), where);
    }

    /**
     * Returns a copy that loads only the rows for which {@code condition} is true
     * ({@code COPY ... FROM STDIN WHERE condition}, PostgreSQL 12 and later); only for loading
     * (copyToTable, copyRecordsToTable). The condition is SQL text written into the statement as
     * given, so it must never be built from untrusted input; it may refer to the table's columns.
     *
     * @param condition a boolean SQL expression, or null for none
     * @return a copy with the {@code WHERE} condition set (or removed, for null)
     */
    public CopyOptions withWhere(String condition) {
        return new CopyOptions(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll,
                encoding, columns, forceNotNull, forceNull, condition);
    }

    /**
     * Returns a copy with the data's encoding (e.g. {@code LATIN1}); default is UTF8.
     *
     * @param encoding a PostgreSQL encoding name, or null for the connection's
     * @return a copy with {@code ENCODING} set
     */
    public CopyOptions withEncoding(String encoding) {
        return copy(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll, encoding, columns);
    }

    /**
     * Returns a copy restricted to the given table columns, in that order.
     *
     * @param columns the columns, unquoted (PgJet quotes them); none means all columns
     * @return a copy with the column list set
     */
    public CopyOptions withColumns(String... columns) {
        return copy(format, delimiter, nullString, header, quote, escape, forceQuote, forceQuoteAll, encoding,
                List.of(columns));
    }

    /**
     * Returns the format.
     *
     * @return the data format, never null
     */
    public Format format() {
        return format;
    }

    /**
     * Returns the delimiter, or null for the server default.
     *
     * @return the delimiter, or null
     */
    public String delimiter() {
        return delimiter;
    }

    /**
     * Returns the NULL marker, or null for the server default.
     *
     * @return the NULL marker, or null
     */
    public String nullString() {
        return nullString;
    }

    /**
     * Returns whether a header line is used, or null for the server default (none).
     *
     * @return true or false if set, or null
     */
    public Boolean header() {
        return header;
    }

    /**
     * Returns the CSV quote character, or null for the default.
     *
     * @return the quote character, or null
     */
    public String quote() {
        return quote;
    }

    /**
     * Returns the CSV escape character, or null for the default.
     *
     * @return the escape character, or null
     */
    public String escape() {
        return escape;
    }

    /**
     * Returns the columns whose values are always quoted in CSV output, or null.
     *
     * @return the force-quoted columns, or null when none were given
     */
    public List<String> forceQuote() {
        return forceQuote;
    }

    /**
     * Returns whether every value is quoted in CSV output.
     *
     * @return true if {@code FORCE_QUOTE *} is set
     */
    public boolean forceQuoteAll() {
        return forceQuoteAll;
    }

    /**
     * Returns the encoding, or null for the connection's (UTF8).
     *
     * @return the encoding name, or null
     */
    public String encoding() {
        return encoding;
    }

    /**
     * Returns the columns never read as NULL ({@code FORCE_NOT_NULL}), empty for none.
     *
     * @return the {@code FORCE_NOT_NULL} columns, empty for none
     */
    public List<String> forceNotNull() {
        return forceNotNull;
    }

    /**
     * Returns the columns read as NULL even when quoted ({@code FORCE_NULL}), empty for none.
     *
     * @return the {@code FORCE_NULL} columns, empty for none
     */
    public List<String> forceNull() {
        return forceNull;
    }

    /**
     * Returns the {@code WHERE} condition of a load, or null for none.
     *
     * @return the {@code WHERE} condition as SQL text, or null
     */
    public String where() {
        return where;
    }

    /**
     * Returns the column list, empty for all columns.
     *
     * @return the column list, empty for all columns
     */
    public List<String> columns() {
        return columns;
    }
}
