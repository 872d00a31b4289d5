package io.pgjet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgJet;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Opening and closing many connections and pools returns PgJet to where it started: no server
 * session, no busy thread and no file descriptor left behind (Netty buffers are checked by
 * {@code NettyLeakCheck}). Counts: {@code -Dpgjet.churn.connections} (default 200 in CI, 2000 for the full run; half per
 * transport) and {@code -Dpgjet.churn.pools} (default 20; 100 for the full run).
 */
class ConnectionChurnTest {
    private static final int CONNECTIONS = Integer.getInteger("pgjet.churn.connections", 200);
    private static final int POOLS = Integer.getInteger("pgjet.churn.pools", 20);
    private static final String APP = "pgjet-churn";

    @Test
    void openingAndClosingThousandsOfConnectionsAndPoolsLeavesNothingBehind() throws Exception {
        ConnectionConfig config = ConnectionConfig.parse(Faults.server().dsn()).toBuilder().applicationName(APP).build();
        // PgJet's shared threads start on first use: start them before the baseline
        try (Connection c = Faults.Transport.NETTY.open(config); Connection d = Faults.Transport.BLOCKING.open(config)) {
            c.fetchVal("select 1");
            d.fetchVal("select 1");
        }
        Set<String> threadsBefore = Faults.pgjetThreads();
        long fdsBefore = Faults.openFileDescriptors();
        long start = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            Faults.Transport transport = i % 2 == 0 ? Faults.Transport.BLOCKING : Faults.Transport.NETTY;
            try (Connection conn = transport.open(config)) {
                if (i % 10 == 0) {
                    assertEquals(i, (int) conn.<Integer>fetchVal("select $1::int", i));
                }
            }
        }
        for (int i = 0; i < POOLS; i++) {
            try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(2, 2))) {
                assertEquals(i, (int) pool.<Integer>fetchVal("select $1::int", i));
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("churn: %d connections and %d pools opened and closed in %d ms%n", CONNECTIONS, POOLS, millis);

        try (Connection check = Faults.direct()) {
            Faults.eventually("no churn session is left on the server", Duration.ofSeconds(15),
                    () -> check.<Long>fetchVal("select count(*) from pg_stat_activity where application_name = $1", APP) == 0);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Faults.busyNewThreads(threadsBefore).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "PgJet threads left busy: " + Faults.busyNewThreads(threadsBefore));
            Thread.sleep(50);
        }
        if (fdsBefore >= 0) {
            // a few descriptors of slack: the JVM opens jars and the like lazily
            Faults.eventually("file descriptors back to " + fdsBefore + " (now " + Faults.openFileDescriptors() + ")",
                    Duration.ofSeconds(10), () -> Faults.openFileDescriptors() <= fdsBefore + 8);
        }
    }
}
