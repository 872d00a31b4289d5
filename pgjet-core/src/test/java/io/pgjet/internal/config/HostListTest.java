package io.pgjet.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.ConnectionConfig;
import io.pgjet.InvalidDsnException;
import io.pgjet.PgHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libpq's pairing of host, hostaddr and port lists, and the default host. */
class HostListTest {

    private static List<PgHost> hosts(String dsn, Map<String, String> env, List<Path> socketDirs) {
        ConnectionConfig config = ConfigResolver.resolve(dsn, ClientEnvironment.forHome(env, "u", null, socketDirs));
        return config.hosts();
    }

    private static List<PgHost> hosts(String dsn) {
        return hosts(dsn, Map.of(), List.of());
    }

    private static String error(String dsn, Map<String, String> env) {
        return assertThrows(InvalidDsnException.class, () -> hosts(dsn, env, List.of())).getMessage();
    }

    @Test
    void hostAndPortListsPairUp() {
        assertEquals(List.of(new PgHost("a", 5432), new PgHost("b", 5433)), hosts("host=a,b port=5432,5433"));
        assertEquals(List.of(new PgHost("a", 1), new PgHost("b", 2)), hosts("postgresql://a:1,b:2/db"));
    }

    @Test
    void singlePortAppliesToEveryHost() {
        assertEquals(List.of(new PgHost("a", 7), new PgHost("b", 7), new PgHost("c", 7)), hosts("host=a,b,c port=7"));
    }

    @Test
    void emptyEntriesTakeDefaults() {
        assertEquals(List.of(new PgHost("a", 1), new PgHost("localhost", 5432), new PgHost("c", 3)),
                hosts("host=a,,c port=1,,3"));
        assertEquals(List.of(new PgHost("a", 5432), new PgHost("b", 2)), hosts("postgresql://a,b:2/db"));
    }

    @Test
    void mismatchedListLengthsAreRejected() {
        assertEquals("could not match 3 port numbers to 2 hosts", error("host=a,b port=1,2,3", Map.of()));
        assertEquals("could not match 2 host names to 1 hostaddr values",
                error("host=a,b hostaddr=10.0.0.1", Map.of()));
    }

    @Test
    void environmentPortListAppliesToStringHosts() {
        assertEquals(List.of(new PgHost("a", 1), new PgHost("b", 2)),
                hosts("host=a,b", Map.of("PGPORT", "1,2"), List.of()));
    }

    @Test
    void invalidPortIsNamedWithItsOrigin() {
        assertEquals("invalid port \"54x2\" in connection string", error("port=54x2", Map.of()));
        assertEquals("invalid port \"0\" in connection string", error("port=0", Map.of()));
        assertEquals("invalid port \"65536\" in connection string", error("postgresql://h:65536", Map.of()));
        assertEquals("invalid port \"-1\" in environment variable PGPORT", error("", Map.of("PGPORT", "-1")));
    }

    @Test
    void hostaddrGivesTheAddressToConnectToWhileHostNamesTheServer() {
        PgHost host = hosts("host=db.example hostaddr=10.0.0.5").get(0);
        assertEquals(new PgHost("db.example", 5432, "10.0.0.5"), host);
        assertFalse(host.isUnixSocket());
        assertEquals(List.of(new PgHost("10.0.0.5", 5432, "10.0.0.5"), new PgHost("::1", 5432, "::1")),
                hosts("hostaddr=10.0.0.5,::1"));
        assertEquals(List.of(new PgHost("10.1.1.1", 5432, "10.1.1.1")),
                hosts("", Map.of("PGHOSTADDR", "10.1.1.1"), List.of()));
    }

    @Test
    void hostaddrMustBeNumeric() {
        assertEquals("invalid hostaddr \"db.example\" in connection string: not a numeric IP address",
                error("hostaddr=db.example", Map.of()));
        assertTrue(error("hostaddr=300.1.1.1", Map.of()).startsWith("invalid hostaddr"));
    }

    @Test
    void socketDirectoryHostsAreUnixSockets() {
        PgHost host = hosts("host=/var/run/postgresql port=5433").get(0);
        assertTrue(host.isUnixSocket());
        assertEquals("/var/run/postgresql/.s.PGSQL.5433", host.socketPath());
        assertTrue(hosts("host=@pgsock").get(0).isUnixSocket());
    }

    @Test
    void defaultHostIsFirstSocketDirectoryHoldingASocketForThePort(@TempDir Path tmp) throws IOException {
        Path first = Files.createDirectories(tmp.resolve("run"));
        Path second = Files.createDirectories(tmp.resolve("tmp"));
        Files.createFile(second.resolve(".s.PGSQL.5433"));
        List<Path> dirs = List.of(first, second);
        assertEquals(List.of(new PgHost(second.toString(), 5433)), hosts("port=5433", Map.of(), dirs));
        assertEquals(List.of(new PgHost("localhost", 5432)), hosts("", Map.of(), dirs));
        Files.createFile(first.resolve(".s.PGSQL.5433"));
        assertEquals(first.toString(), hosts("port=5433", Map.of(), dirs).get(0).host());
        assertEquals("h", hosts("host=h port=5433", Map.of(), dirs).get(0).host());
    }
}
