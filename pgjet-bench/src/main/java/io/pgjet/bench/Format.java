package io.pgjet.bench;

import java.util.Locale;

/** Formats numbers for tables: thousands separators, microseconds, bytes, ratios. */
final class Format {
    private Format() {
    }

    /** Formats a throughput, e.g. {@code 12,345}; {@code -} for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    /** Formats nanoseconds as microseconds or milliseconds; {@code -} when negative. */
    static String latency(long nanos) {
        if (nanos < 0) {
            return "-";
        }
        if (nanos >= 10_000_000) {
            return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
        }
        if (nanos >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    /** Formats a byte count per unit, e.g. {@code 1,234}, {@code 12.3 K}; {@code -} for NaN. */
    static String bytes(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 10_000_000) {
            return String.format(Locale.ROOT, "%,.0f M", v / 1e6);
        }
        if (v >= 100_000) {
            return String.format(Locale.ROOT, "%,.0f K", v / 1e3);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Formats a heap size in MiB; {@code -} when negative. */
    static String mebibytes(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024));
    }

    /** Formats a ratio, e.g. {@code 1.23x}; {@code -} for NaN. */
    static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v);
    }

    /** Formats a spread as a percentage, e.g. {@code ±3%}; empty for NaN. */
    static String spread(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "±%.0f%%", v * 50);
    }

    /** Formats CPU time per unit given in nanoseconds, e.g. {@code 7.5 µs} or {@code 120 ns}; {@code -} for NaN. */
    static String cpuTime(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        if (nanos >= 100_000) {
            return String.format(Locale.ROOT, "%,.0f µs", nanos / 1e3);
        }
        if (nanos >= 1_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", nanos);
    }

    /** Formats a share (0 to 1) as a whole percentage, e.g. {@code 97%}; {@code -} for NaN. */
    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
