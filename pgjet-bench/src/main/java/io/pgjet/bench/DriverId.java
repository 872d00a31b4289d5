package io.pgjet.bench;

import java.util.Locale;

/**
 * Names the contestants: PgJet's two APIs, the peers, the wire ceiling as the best any Java client
 * could do, and pgbench as the server's practical limit.
 */
public enum DriverId {
    /** PgJet's asynchronous API ({@code AsyncConnection}). */
    PGJET("pgjet", true),
    /** PgJet's blocking facade ({@code Connection}), one platform thread per request in flight. */
    PGJET_BLOCKING("pgjet-blocking", true),
    /**
     * {@link #PGJET} observed: a Micrometer {@code PgJetObservationListener} on a registry whose
     * only handler does nothing, so what remains is what leaving observability on costs. Not in
     * the default set of drivers; ask for it with {@code --drivers pgjet,pgjet-observed}.
     */
    PGJET_OBSERVED("pgjet-observed", true),
    /**
     * {@link #PGJET} with a core listener that does nothing: the cost of PgJet's listener SPI
     * alone. Not in the default set of drivers either.
     */
    PGJET_LISTENER("pgjet-listener", true),
    /** PgJet's JDBC driver ({@code pgjet-jdbc}) through the same JDBC code as pgjdbc; asked for with --drivers. */
    PGJET_JDBC("pgjet-jdbc", true),
    /** pgjdbc with its default settings. */
    PGJDBC("pgjdbc", false),
    /** pgjdbc with {@code reWriteBatchedInserts=true}; differs from {@link #PGJDBC} only for batch. */
    PGJDBC_REWRITE("pgjdbc-rewrite", false),
    /** PgJet's R2DBC driver ({@code pgjet-r2dbc}) used through the R2DBC SPI with Reactor. */
    PGJET_R2DBC("pgjet-r2dbc", true),
    /** r2dbc-postgresql, the incumbent R2DBC driver, used through the same SPI code. */
    R2DBC_POSTGRESQL("r2dbc-postgresql", false),
    /** vertx-pg-client with prepared-statement caching and pipelining. */
    VERTX("vertx", false),
    /** The wire ceiling: pre-encoded messages, answers scanned but not decoded; not a usable client. */
    WIRE("wire", false),
    /** The {@code pgbench} program: the server's practical limit, not a Java driver. */
    PGBENCH("pgbench", false);

    private final String id;
    private final boolean pgjet;

    DriverId(String id, boolean pgjet) {
        this.id = id;
        this.pgjet = pgjet;
    }

    /** Returns the name used on the command line and in reports. */
    public String id() {
        return id;
    }

    /** Returns whether this is one of PgJet's own APIs. */
    public boolean isPgJet() {
        return pgjet;
    }

    /** Returns whether this is a Java client library (not pgbench, not the wire ceiling). */
    public boolean isJavaDriver() {
        return this != PGBENCH && this != WIRE;
    }

    /**
     * Looks a driver up by its command-line name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static DriverId of(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (DriverId d : values()) {
            if (d.id.equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown driver '" + id + "'; known: " + names());
    }

    /** Returns every driver name, comma-separated. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (DriverId d : values()) {
            b.append(b.length() == 0 ? "" : ",").append(d.id);
        }
        return b.toString();
    }
}
