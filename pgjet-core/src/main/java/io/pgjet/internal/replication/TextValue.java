package io.pgjet.internal.replication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Converts pgoutput's text-format values of common built-in types to Java values (the list is in
 * {@link io.pgjet.replication.Tuple}); other types stay text. Text in the server's output format
 * (PgJet connects with DateStyle ISO, which a replication connection keeps); a value that does not
 * parse (e.g. infinity dates, NaN numeric) is returned as its text rather than failing the stream.
 */
final class TextValue {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMPTZ = new DateTimeFormatterBuilder()
            .append(TIMESTAMP).appendPattern("[XXX][X]").toFormatter();

    private TextValue() {}

    static Object convert(int oid, String text) {
        if (text == null) {
            return null;
        }
        try {
            switch (oid) {
                case 16: return "t".equals(text);
                case 21: return Short.valueOf(text);
                case 23: return Integer.valueOf(text);
                case 20: case 26: return Long.valueOf(text);
                case 700: return Float.valueOf(text);
                case 701: return Double.valueOf(text);
                case 1700: return new BigDecimal(text);
                case 2950: return UUID.fromString(text);
                case 1082: return LocalDate.parse(text);
                case 1114: return LocalDateTime.parse(text, TIMESTAMP);
                case 1184: return OffsetDateTime.parse(text, TIMESTAMPTZ);
                case 17: return text.startsWith("\\x") ? HexFormat.of().parseHex(text, 2, text.length()) : text;
                default: return text;
            }
        } catch (RuntimeException e) {
            return text; // infinity, NaN, BC dates, escape-format bytea: keep the server's text
        }
    }
}
