package io.pgjet.jdbc.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a JDBC {@code {fn name(args)}} escape turned into PostgreSQL: the numeric, string,
 * time/date and system functions of the JDBC specification's appendix C that PostgreSQL spells
 * differently are rewritten; any other function (including ones PostgreSQL has under the same
 * name, such as {@code abs} or {@code upper}) is passed through as written, as pgjdbc does.
 */
final class EscapeFunctions {

    /** Functions that only change name. */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("ceiling", "ceil"), Map.entry("log", "ln"), Map.entry("log10", "log"),
            Map.entry("power", "pow"), Map.entry("rand", "random"), Map.entry("truncate", "trunc"),
            Map.entry("char", "chr"), Map.entry("lcase", "lower"), Map.entry("ucase", "upper"),
            Map.entry("ifnull", "coalesce"), Map.entry("substring", "substr"));

    /** Date/time functions that are an {@code extract} of one field. */
    private static final Map<String, String> EXTRACTED = Map.of(
            "dayofmonth", "day", "dayofyear", "doy", "hour", "hour", "minute", "minute",
            "month", "month", "quarter", "quarter", "second", "second", "week", "week", "year", "year");

    /** Functions without arguments that PostgreSQL spells as a bare keyword or another function. */
    private static final Map<String, String> NILADIC = Map.of(
            "curdate", "current_date", "curtime", "current_time", "now", "now()",
            "database", "current_database()", "user", "user", "pi", "pi()");

    private EscapeFunctions() {
    }

    /** Translates {@code body} ({@code name(args)}, already free of placeholders and nested escapes). */
    static String translate(String body) {
        int open = body.indexOf('(');
        if (open < 0 || !body.endsWith(")")) {
            String niladic = NILADIC.get(body.trim().toLowerCase(Locale.ROOT));
            return niladic != null ? niladic : body;
        }
        String name = body.substring(0, open).trim().toLowerCase(Locale.ROOT);
        List<String> args = SqlText.splitArguments(body.substring(open + 1, body.length() - 1));
        String translated = translate(name, args);
        return translated != null ? translated : body;
    }

    /** Returns the PostgreSQL form of {@code name(args)}, or null to leave it as written. */
    private static String translate(String name, List<String> args) {
        int n = args.size();
        if (n == 0 && NILADIC.containsKey(name)) {
            return NILADIC.get(name);
        }
        String renamed = RENAMED.get(name);
        if (renamed != null) {
            return renamed + "(" + String.join(", ", args) + ")";
        }
        String field = EXTRACTED.get(name);
        if (field != null && n == 1) {
            return "extract(" + field + " from " + args.get(0) + ")";
        }
        return switch (name) {
            case "dayofweek" -> n == 1 ? "(extract(dow from " + args.get(0) + ") + 1)" : null;
            case "dayname" -> n == 1 ? "to_char(" + args.get(0) + ", 'FMDay')" : null;
            case "monthname" -> n == 1 ? "to_char(" + args.get(0) + ", 'FMMonth')" : null;
            case "concat" -> n >= 1 ? "(" + String.join(" || ", args) + ")" : null;
            case "length" -> n == 1 ? "length(trim(trailing from " + args.get(0) + "))" : null;
            case "ltrim" -> n == 1 ? "trim(leading from " + args.get(0) + ")" : null;
            case "rtrim" -> n == 1 ? "trim(trailing from " + args.get(0) + ")" : null;
            case "space" -> n == 1 ? "repeat(' ', " + args.get(0) + ")" : null;
            case "insert" -> n == 4 ? "overlay(" + args.get(0) + " placing " + args.get(3) + " from "
                    + args.get(1) + " for " + args.get(2) + ")" : null;
            case "locate" -> locate(args);
            case "timestampadd" -> n == 3 ? timestampAdd(args) : null;
            case "timestampdiff" -> n == 3 ? timestampDiff(args) : null;
            case "convert" -> n == 2 ? convert(args) : null;
            default -> null;
        };
    }

    /** {@code locate(needle, haystack [, from])}: 1-based position, 0 when absent. */
    private static String locate(List<String> args) {
        if (args.size() == 2) {
            return "position(" + args.get(0) + " in " + args.get(1) + ")";
        }
        if (args.size() == 3) {
            String from = args.get(2);
            String tail = "position(" + args.get(0) + " in substr(" + args.get(1) + ", " + from + "))";
            return "(case when " + tail + " = 0 then 0 else " + tail + " + " + from + " - 1 end)";
        }
        return null;
    }

    private static String interval(String sqlTsi) {
        String unit = sqlTsi.toLowerCase(Locale.ROOT);
        unit = unit.startsWith("sql_tsi_") ? unit.substring("sql_tsi_".length()) : unit;
        return switch (unit) {
            case "frac_second" -> "microsecond";
            case "second", "minute", "hour", "day", "week", "month", "quarter", "year" -> unit;
            default -> null;
        };
    }

    /** {@code timestampadd(SQL_TSI_unit, count, timestamp)}. */
    private static String timestampAdd(List<String> args) {
        String unit = interval(args.get(0));
        if (unit == null) {
            return null;
        }
        if (unit.equals("quarter")) {
            return "(" + args.get(2) + " + (" + args.get(1) + ") * interval '3 month')";
        }
        return "(" + args.get(2) + " + (" + args.get(1) + ") * interval '1 " + unit + "')";
    }

    /** {@code timestampdiff(SQL_TSI_unit, start, end)}: whole units from start to end, for the fixed-length units. */
    private static String timestampDiff(List<String> args) {
        String unit = interval(args.get(0));
        String seconds = "extract(epoch from (" + args.get(2) + ") - (" + args.get(1) + "))";
        return switch (unit == null ? "" : unit) {
            case "microsecond" -> "trunc(" + seconds + " * 1000000)::bigint";
            case "second" -> "trunc(" + seconds + ")::bigint";
            case "minute" -> "trunc(" + seconds + " / 60)::bigint";
            case "hour" -> "trunc(" + seconds + " / 3600)::bigint";
            case "day" -> "trunc(" + seconds + " / 86400)::bigint";
            case "week" -> "trunc(" + seconds + " / 604800)::bigint";
            default -> null;
        };
    }

    /** {@code convert(value, SQL_type)}: a cast to the PostgreSQL type of the JDBC type name. */
    private static String convert(List<String> args) {
        String type = args.get(1).toLowerCase(Locale.ROOT);
        type = type.startsWith("sql_") ? type.substring(4) : type;
        String pg = switch (type) {
            case "bigint" -> "bigint";
            case "integer" -> "integer";
            case "smallint", "tinyint" -> "smallint";
            case "bit", "boolean" -> "boolean";
            case "char", "varchar", "longvarchar", "nchar", "nvarchar", "longnvarchar" -> "text";
            case "decimal", "numeric" -> "numeric";
            case "double", "float" -> "double precision";
            case "real" -> "real";
            case "date" -> "date";
            case "time" -> "time";
            case "timestamp" -> "timestamp";
            case "binary", "varbinary", "longvarbinary" -> "bytea";
            default -> null;
        };
        return pg == null ? null : "cast(" + args.get(0) + " as " + pg + ")";
    }
}
