package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionConfigTest {

    @Test
    void builderAppliesBuiltInDefaultsOnly() {
        ConnectionConfig c = ConnectionConfig.builder().build();
        assertEquals(List.of(new PgHost("localhost", 5432)), c.hosts());
        assertEquals(System.getProperty("user.name"), c.user());
        assertEquals(c.user(), c.database());
        assertNull(c.password());
        assertNull(c.passfile());
        assertEquals(SslMode.PREFER, c.sslMode());
        assertEquals(SslNegotiation.POSTGRES, c.sslNegotiation());
        assertEquals(ChannelBindingMode.PREFER, c.channelBinding());
        assertEquals(TargetSessionAttrs.ANY, c.targetSessionAttrs());
        assertEquals(LoadBalanceHosts.DISABLE, c.loadBalanceHosts());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertNull(c.commandTimeout());
        assertEquals(100, c.statementCacheSize());
        assertEquals(Duration.ofSeconds(300), c.statementCacheMaxLifetime());
        assertEquals(15 * 1024, c.maxCacheableStatementSize());
        assertEquals(1 << 30, c.maxMessageSize());
        assertTrue(c.tcpKeepAlive());
        assertTrue(c.sslSni());
        assertEquals(Map.of(), c.serverSettings());
    }

    @Test
    void builderSetsEverySetting() {
        ConnectionConfig c = ConnectionConfig.builder()
                .hosts(List.of(new PgHost("a", 1), new PgHost("b", 2))).user("u").password("p").database("d")
                .applicationName("app").options("-c x=y").serverSetting("search_path", "s")
                .connectTimeout(Duration.ofSeconds(3)).commandTimeout(Duration.ofSeconds(4))
                .sslMode(SslMode.VERIFY_CA).sslNegotiation(SslNegotiation.DIRECT).sslRootCert("/r")
                .sslCert(Path.of("/c")).sslKey(Path.of("/k")).sslPassword("kp").sslSni(false)
                .channelBinding(ChannelBindingMode.REQUIRE).targetSessionAttrs(TargetSessionAttrs.STANDBY)
                .passfile(Path.of("/pp")).loadBalanceHosts(LoadBalanceHosts.RANDOM).statementCacheSize(5)
                .statementCacheMaxLifetime(null).maxCacheableStatementSize(10).maxMessageSize(1 << 20)
                .tcpKeepAlive(false).build();
        assertEquals(2, c.hosts().size());
        assertEquals("p", c.password());
        assertEquals("app", c.applicationName());
        assertEquals(Map.of("search_path", "s"), c.serverSettings());
        assertEquals(Duration.ofSeconds(4), c.commandTimeout());
        assertEquals(SslNegotiation.DIRECT, c.sslNegotiation());
        assertEquals("kp", c.sslPassword());
        assertEquals(TargetSessionAttrs.STANDBY, c.targetSessionAttrs());
        assertEquals(Duration.ZERO, c.statementCacheMaxLifetime());
        assertEquals(1 << 20, c.maxMessageSize());
    }

    @Test
    void toBuilderRoundTripsAndChangesOnlyWhatIsSet() {
        ConnectionConfig original = ConnectionConfig.parse(
                "postgresql://u:pw@a:1,b:2/db?sslmode=verify-full&application_name=x&connect_timeout=0"
                        + "&target_session_attrs=primary&options=-c%20a%3Db", Map.of(), null)
                .toBuilder().serverSetting("search_path", "app").commandTimeout(Duration.ofSeconds(9)).build();
        assertEquals(original, original.toBuilder().build());
        assertEquals(original.hashCode(), original.toBuilder().build().hashCode());
        ConnectionConfig changed = original.toBuilder().database("other").build();
        assertNotEquals(original, changed);
        assertEquals("other", changed.database());
        assertEquals(original.hosts(), changed.hosts());
        assertEquals(Duration.ZERO, changed.connectTimeout());
        assertEquals(Duration.ofSeconds(9), changed.commandTimeout());
    }

    @Test
    void serverSettingsKeepOrderAndCannotBeModified() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("search_path", "app");
        settings.put("statement_timeout", "5s");
        settings.put("DateStyle", "ISO");
        ConnectionConfig c = ConnectionConfig.builder().serverSettings(settings).build();
        assertEquals(List.of("search_path", "statement_timeout", "DateStyle"), List.copyOf(c.serverSettings().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> c.serverSettings().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> c.hosts().add(new PgHost("x", 1)));
    }

    @Test
    void serverSettingsCannotShadowDedicatedSettings() {
        for (String name : List.of("user", "database", "options", "application_name", "replication", "client_encoding")) {
            assertThrows(PgInterfaceException.class, () -> ConnectionConfig.builder().serverSetting(name, "x"), name);
        }
        assertThrows(PgInterfaceException.class, () -> ConnectionConfig.builder().serverSetting("", "x"));
        assertThrows(PgInterfaceException.class, () -> ConnectionConfig.builder().serverSetting("a", "b\0c"));
    }

    @Test
    void invalidValuesAreRejectedWhenSet() {
        ConnectionConfig.Builder b = ConnectionConfig.builder();
        assertThrows(PgInterfaceException.class, () -> b.statementCacheSize(-1));
        assertThrows(PgInterfaceException.class, () -> b.maxCacheableStatementSize(-1));
        assertThrows(PgInterfaceException.class, () -> b.maxMessageSize(100));
        assertThrows(PgInterfaceException.class, () -> b.connectTimeout(Duration.ofSeconds(-1)));
        assertThrows(PgInterfaceException.class, () -> b.commandTimeout(Duration.ZERO));
        assertThrows(PgInterfaceException.class, () -> b.commandTimeout(Duration.ofSeconds(-1)));
        assertThrows(PgInterfaceException.class, () -> b.host("", 5432));
        assertThrows(PgInterfaceException.class, () -> b.host("h", 0));
    }

    @Test
    void contradictorySettingsAreRejectedOnBuild() {
        assertThrows(PgInterfaceException.class,
                () -> ConnectionConfig.builder().sslNegotiation(SslNegotiation.DIRECT).build());
        assertThrows(PgInterfaceException.class,
                () -> ConnectionConfig.builder().sslRootCert("system").sslMode(SslMode.VERIFY_CA).build());
        assertEquals(SslMode.VERIFY_FULL, ConnectionConfig.builder().sslRootCert("system").build().sslMode());
    }

    @Test
    void zeroOrNullConnectTimeoutMeansWaitIndefinitely() {
        assertEquals(Duration.ZERO, ConnectionConfig.builder().connectTimeout(null).build().connectTimeout());
        assertEquals(Duration.ZERO, ConnectionConfig.builder().connectTimeout(Duration.ZERO).build().connectTimeout());
    }

    @Test
    void emptyPasswordMeansNoPassword() {
        assertNull(ConnectionConfig.builder().password("").build().password());
        assertNull(ConnectionConfig.parse("postgresql://u:@h/db", Map.of(), null).password());
    }

    @Test
    void builderPassfileIsUsedForHostsWithoutPassword(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pgpass");
        Files.writeString(file, "h:5432:db:u:secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        ConnectionConfig c = ConnectionConfig.builder().host("h", 5432).user("u").database("db").passfile(file).build();
        assertEquals("secret", c.passwordFor(c.hosts().get(0)));
        assertNull(c.passwordFor(new PgHost("other", 5432)));
    }

    @Test
    void parseWithoutEnvironmentUsesOsUser() {
        ConnectionConfig c = ConnectionConfig.parse("host=h", Map.of(), null);
        assertEquals(System.getProperty("user.name"), c.user());
        assertNull(c.passfile());
    }

    @Test
    void parseOfRealEnvironmentWorks() {
        ConnectionConfig c = ConnectionConfig.parse("host=h port=5433 user=u dbname=d password=p");
        assertEquals(List.of(new PgHost("h", 5433)), c.hosts());
        assertEquals("p", c.password());
    }
}
