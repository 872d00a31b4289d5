package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pool over a primary and two standbys sends its read-only side to the standbys, spread over
 * both, writes to the primary, falls back to the primary when no standby is up, and reports each
 * host's role and replay lag.
 */
class ReadReplicaRoutingTest {
    private static PgCluster primary;
    private static PgCluster standby1;
    private static PgCluster standby2;

    @BeforeAll
    static void start() {
        primary = PgCluster.builder().auth(AuthMethod.TRUST).start();
        standby1 = primary.startStandby();
        standby2 = primary.startStandby();
    }

    @AfterAll
    static void stop() {
        for (PgCluster c : new PgCluster[] {standby2, standby1, primary}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static String dsn(PgCluster... hosts) {
        StringBuilder s = new StringBuilder("postgresql://" + primary.superuser() + "@");
        for (int i = 0; i < hosts.length; i++) {
            s.append(i == 0 ? "" : ",").append("127.0.0.1:").append(hosts[i].port());
        }
        return s.append("/postgres?sslmode=disable&connect_timeout=2&target_session_attrs=read-write").toString();
    }

    @Test
    void readOnlySideSpreadsOverTheStandbysAndWritesGoToThePrimary() {
        try (Pool pool = PgJet.createPool(dsn(standby1, primary, standby2), PoolOptions.DEFAULT.withSize(0, 16))) {
            assertEquals(primary.port(), pool.<Integer>fetchVal("select inet_server_port()"));
            Pool reads = pool.readOnly();
            assertSame(reads, reads.readOnly());
            Set<Integer> ports = new HashSet<>();
            // Hold 16 connections at once so that each is opened (and placed at random) separately:
            // all on one standby has odds of 2 in 65,536.
            List<Connection> held = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                held.add(reads.acquire());
            }
            for (Connection c : held) {
                assertTrue(c.<Boolean>fetchVal("select pg_is_in_recovery()"));
                ports.add(c.fetchVal("select inet_server_port()"));
                c.close();
            }
            assertEquals(Set.of(standby1.port(), standby2.port()), ports);
            try (Connection c = reads.acquire(); Transaction tx = c.transaction(TransactionOptions.DEFAULT.withReadOnly(true))) {
                assertEquals(1, c.<Integer>fetchVal("select 1"));
                tx.commit();
            }
        }
    }

    @Test
    void readOnlySideFallsBackToThePrimaryWhenNoStandbyIsUp() throws Exception {
        PgCluster down = PgCluster.builder().auth(AuthMethod.TRUST).start();
        int downPort = down.port();
        down.close(); // a port where nothing listens, standing for a standby that is down
        String dsn = "postgresql://" + primary.superuser() + "@127.0.0.1:" + downPort + ",127.0.0.1:" + primary.port()
                + "/postgres?sslmode=disable&connect_timeout=2";
        try (AsyncPool pool = PgJet.createPoolAsync(dsn, PoolOptions.DEFAULT.withSize(0, 2)).get(30, TimeUnit.SECONDS)) {
            assertEquals(false, pool.readOnly().<Boolean>fetchVal("select pg_is_in_recovery()").get(10, TimeUnit.SECONDS));
            List<HostStatus> hosts = pool.hostStatus().get(30, TimeUnit.SECONDS);
            assertEquals(2, hosts.size());
            assertFalse(hosts.get(0).up());
            assertTrue(hosts.get(1).up());
            assertFalse(hosts.get(1).standby());
        }
    }

    @Test
    void hostStatusShowsEachStandbysReplayLag() throws Exception {
        try (Pool pool = PgJet.createPool(dsn(primary, standby1, standby2), PoolOptions.DEFAULT.withSize(0, 2))) {
            pool.execute("create table if not exists lag_probe (a int)");
            pool.execute("insert into lag_probe values (1)"); // something for the standbys to replay
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<HostStatus> hosts;
            do {
                hosts = pool.hostStatus();
                Thread.sleep(50);
            } while ((hosts.get(1).replayLag() == null || hosts.get(2).replayLag() == null)
                    && System.nanoTime() - deadline < 0);
            assertTrue(hosts.get(0).up() && !hosts.get(0).standby());
            assertNull(hosts.get(0).replayLag());
            for (HostStatus standby : hosts.subList(1, 3)) {
                assertTrue(standby.up() && standby.standby(), standby.toString());
                assertNotNull(standby.replayLag(), standby.toString());
                assertTrue(standby.replayLag().compareTo(Duration.ofMinutes(1)) < 0, standby.toString());
            }
        }
    }
}
