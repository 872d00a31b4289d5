package io.pgjet.bench;

import java.util.Locale;

/** Names the workloads the runner knows, with what their parameter and their unit of work are. */
public enum Workload {
    /** {@code select abalance from pgbench_accounts where aid = $1}, random aid, one in flight per connection. */
    POINT("point", Param.CONNS, "ops/s",
            "point select by primary key, N connections, one request in flight on each"),
    /** Point selects on one connection with D requests in flight. */
    PIPELINE("pipeline", Param.DEPTH, "ops/s",
            "point selects on one connection, D requests in flight"),
    /** {@code select 1} on one connection with D requests in flight (the pgbench pipeline comparison). */
    SELECT1("select1", Param.DEPTH, "ops/s",
            "select 1 on one connection, D requests in flight"),
    /** {@code select * from generate_series(1, 1000)} decoded to ints. */
    SERIES("series", Param.NONE, "rows/s",
            "select * from generate_series(1, 1000), decoded to int"),
    /** A 12-column scan of pg_type decoded to Java values. */
    WIDE("wide", Param.NONE, "rows/s",
            "12-column scan of pg_type, every value decoded"),
    /** Inserts rows (int4, text, float8, timestamptz) by each driver's fastest batch mechanism. */
    BATCH("batch", Param.NONE, "rows/s",
            "insert rows (int4, text, float8, timestamptz) by the driver's fastest batch mechanism"),
    /** Loads rows through COPY FROM STDIN. */
    COPY("copy", Param.NONE, "rows/s",
            "load rows (int4, text, float8, timestamptz) with COPY FROM STDIN"),
    /** Reads rows through a server-side cursor with bounded memory. */
    STREAM("stream", Param.NONE, "rows/s",
            "read rows through a cursor (1000 per fetch) in a transaction, bounded memory"),
    /** Point selects by N callers sharing a pool of {@link #POOL_CONNECTIONS} connections, one borrow per query. */
    POOL("pool", Param.CALLERS, "ops/s",
            "point select through a pool of 8 connections, N callers, one borrow per query");

    /** How many connections the {@link #POOL} workload's pools hold. */
    public static final int POOL_CONNECTIONS = 8;

    /** What the workload's numeric parameter means. */
    public enum Param {
        /** The number of connections (and threads for blocking drivers). */
        CONNS("conns"),
        /** The number of requests in flight on one connection. */
        DEPTH("depth"),
        /** The number of callers (threads, or request chains) sharing a pool. */
        CALLERS("callers"),
        /** The workload has no parameter. */
        NONE("");

        private final String label;

        Param(String label) {
            this.label = label;
        }

        /** Returns the short label used in tables, e.g. {@code conns}. */
        public String label() {
            return label;
        }
    }

    private final String id;
    private final Param param;
    private final String unit;
    private final String description;

    Workload(String id, Param param, String unit, String description) {
        this.id = id;
        this.param = param;
        this.unit = unit;
        this.description = description;
    }

    /** Returns the name used on the command line and in reports. */
    public String id() {
        return id;
    }

    /** Returns what the parameter means. */
    public Param param() {
        return param;
    }

    /** Returns the throughput unit, {@code ops/s} or {@code rows/s}. */
    public String unit() {
        return unit;
    }

    /** Returns whether throughput is counted in rows rather than operations. */
    public boolean countsRows() {
        return unit.equals("rows/s");
    }

    /** Returns a one-line description for help and reports. */
    public String description() {
        return description;
    }

    /** Formats a parameter value for display, e.g. {@code conns=8}, or "" when there is none. */
    public String paramLabel(int value) {
        return param == Param.NONE ? "" : param.label() + "=" + value;
    }

    /**
     * Looks a workload up by its command-line name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Workload of(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Workload w : values()) {
            if (w.id.equals(wanted)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; known: " + names());
    }

    /** Returns every workload name, comma-separated. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Workload w : values()) {
            b.append(b.length() == 0 ? "" : ",").append(w.id);
        }
        return b.toString();
    }
}
