package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The values bound to one JDBC statement's {@code ?} placeholders, and their conversion, at
 * execution, to what PgJet's codec for the type the server chose accepts: JDBC lets a caller
 * {@code setInt} a {@code varchar} or {@code setTimestamp} a {@code timestamptz}, PgJet's codecs
 * take the natural Java class. Not thread-safe (a statement is used by one thread at a time).
 */
final class ParameterValues {
    private static final Object UNSET = new Object();
    private Object[] values = new Object[0];

    /** Binds {@code value} (already a PgJet-friendly object or a java.sql one converted later) at 1-based {@code index}. */
    void set(int index, Object value) throws SQLException {
        if (index < 1) {
            throw SqlErrors.of("parameter index out of range: " + index, SqlErrors.INVALID_PARAMETER);
        }
        if (index > values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, Math.max(index, old * 2));
            Arrays.fill(values, old, values.length, UNSET);
        }
        values[index - 1] = value;
    }

    /** Returns whether a value is bound at 1-based {@code index}. */
    boolean isSet(int index) {
        return index >= 1 && index <= values.length && values[index - 1] != UNSET;
    }

    /** Returns the value bound at 1-based {@code index} (which {@link #isSet} must confirm). */
    Object get(int index) {
        return values[index - 1];
    }

    /** Forgets every bound value. */
    void clear() {
        Arrays.fill(values, UNSET);
    }

    /** Returns a copy of the bound values (for a batch). */
    ParameterValues copy() {
        ParameterValues copy = new ParameterValues();
        copy.values = values.clone();
        return copy;
    }

    /**
     * Returns the values converted for {@code parameters}, the types the server gave the statement.
     *
     * @throws SQLException (07001) if a placeholder has no value
     */
    Object[] toArguments(List<Attribute> parameters) throws SQLException {
        Object[] args = new Object[parameters.size()];
        for (int i = 0; i < args.length; i++) {
            if (i >= values.length || values[i] == UNSET) {
                throw SqlErrors.of("no value specified for parameter " + (i + 1), "07001");
            }
            args[i] = convert(values[i], parameters.get(i).typeOid());
        }
        return args;
    }

    /** Converts a JDBC value for a parameter of type {@code oid}. */
    static Object convert(Object value, int oid) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return oid == 1184 ? ts.toInstant() : oid == 1082 ? ts.toLocalDateTime().toLocalDate() : ts.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            LocalDate date = d.toLocalDate();
            return oid == 1114 ? date.atStartOfDay() : oid == 1184 ? date.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime() : date;
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (value instanceof java.util.Date d) {
            return convert(new java.sql.Timestamp(d.getTime()), oid);
        }
        if (value instanceof java.sql.Array a) {
            try {
                return a.getArray();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (PgTypes.isText(oid) && !(value instanceof CharSequence)) {
            if (value instanceof BigDecimal b) {
                return b.toPlainString();
            }
            if (value instanceof Number || value instanceof Boolean || value instanceof Character
                    || value instanceof java.util.UUID || value instanceof java.time.temporal.Temporal) {
                return value.toString();
            }
        }
        if (oid == 16 && value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (oid == 16 && value instanceof String s) {
            return toBoolean(s);
        }
        if (value instanceof Boolean b && isInteger(oid)) {
            return b ? 1 : 0;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (oid == 1114 && value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (oid == 1083 && value instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (oid == 1082 && value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof LocalTime || value instanceof Object[] || value instanceof List) {
            return value;
        }
        return value;
    }

    private static boolean isInteger(int oid) {
        return oid == 20 || oid == 21 || oid == 23;
    }

    private static Object toBoolean(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "t", "true", "y", "yes", "on":
                return Boolean.TRUE;
            case "0", "f", "false", "n", "no", "off":
                return Boolean.FALSE;
            default:
                return s;
        }
    }
}
