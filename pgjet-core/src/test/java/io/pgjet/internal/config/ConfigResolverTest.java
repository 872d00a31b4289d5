package io.pgjet.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.ChannelBindingMode;
import io.pgjet.ConnectionConfig;
import io.pgjet.InvalidDsnException;
import io.pgjet.LoadBalanceHosts;
import io.pgjet.PgHost;
import io.pgjet.SslMode;
import io.pgjet.SslNegotiation;
import io.pgjet.TargetSessionAttrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence, defaults and validation of options; host lists are in {@link HostListTest}. */
class ConfigResolverTest {

    @TempDir
    Path home;

    private ConnectionConfig resolve(String dsn, Map<String, String> env) {
        return ConfigResolver.resolve(dsn, ClientEnvironment.forHome(env, "osuser", home, List.of()));
    }

    private ConnectionConfig resolve(String dsn) {
        return resolve(dsn, Map.of());
    }

    private String error(String dsn, Map<String, String> env) {
        return assertThrows(InvalidDsnException.class, () -> resolve(dsn, env)).getMessage();
    }

    private String error(String dsn) {
        return error(dsn, Map.of());
    }

    @Test
    void defaultsFollowLibpq() {
        ConnectionConfig c = resolve("");
        assertEquals(List.of(new PgHost("localhost", 5432)), c.hosts());
        assertEquals("osuser", c.user());
        assertEquals("osuser", c.database());
        assertNull(c.password());
        assertNull(c.applicationName());
        assertNull(c.options());
        assertEquals(SslMode.PREFER, c.sslMode());
        assertEquals(SslNegotiation.POSTGRES, c.sslNegotiation());
        assertEquals(ChannelBindingMode.PREFER, c.channelBinding());
        assertEquals(TargetSessionAttrs.ANY, c.targetSessionAttrs());
        assertEquals(LoadBalanceHosts.DISABLE, c.loadBalanceHosts());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertEquals(home.resolve(".pgpass"), c.passfile());
        assertTrue(c.tcpKeepAlive());
        assertTrue(c.sslSni());
        assertNull(c.sslRootCert());
        assertNull(c.sslCert());
    }

    @Test
    void databaseDefaultsToTheResolvedUser() {
        assertEquals("alice", resolve("user=alice").database());
        assertEquals("envuser", resolve("", Map.of("PGUSER", "envuser")).database());
    }

    @Test
    void environmentVariablesFillWhatTheStringLeavesOut() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("PGHOST", "envhost"), Map.entry("PGPORT", "6000"), Map.entry("PGUSER", "envuser"),
                Map.entry("PGPASSWORD", "envpw"), Map.entry("PGDATABASE", "envdb"),
                Map.entry("PGAPPNAME", "envapp"), Map.entry("PGOPTIONS", "-c work_mem=64MB"),
                Map.entry("PGSSLMODE", "require"), Map.entry("PGSSLNEGOTIATION", "direct"),
                Map.entry("PGCONNECT_TIMEOUT", "7"), Map.entry("PGTARGETSESSIONATTRS", "read-write"),
                Map.entry("PGCHANNELBINDING", "require"), Map.entry("PGSSLROOTCERT", "/etc/root.crt"),
                Map.entry("PGSSLCERT", "/etc/client.crt"), Map.entry("PGSSLKEY", "/etc/client.key"),
                Map.entry("PGPASSFILE", "/etc/pgpass"), Map.entry("PGLOADBALANCEHOSTS", "random"));
        ConnectionConfig c = resolve("", env);
        assertEquals(List.of(new PgHost("envhost", 6000)), c.hosts());
        assertEquals("envuser", c.user());
        assertEquals("envpw", c.password());
        assertEquals("envdb", c.database());
        assertEquals("envapp", c.applicationName());
        assertEquals("-c work_mem=64MB", c.options());
        assertEquals(SslMode.REQUIRE, c.sslMode());
        assertEquals(SslNegotiation.DIRECT, c.sslNegotiation());
        assertEquals(Duration.ofSeconds(7), c.connectTimeout());
        assertEquals(TargetSessionAttrs.READ_WRITE, c.targetSessionAttrs());
        assertEquals(ChannelBindingMode.REQUIRE, c.channelBinding());
        assertEquals("/etc/root.crt", c.sslRootCert());
        assertEquals(Path.of("/etc/client.crt"), c.sslCert());
        assertEquals(Path.of("/etc/client.key"), c.sslKey());
        assertEquals(Path.of("/etc/pgpass"), c.passfile());
        assertEquals(LoadBalanceHosts.RANDOM, c.loadBalanceHosts());
    }

    @Test
    void connectionStringBeatsEnvironmentOptionByOption() {
        ConnectionConfig c = resolve("host=dsnhost user=dsnuser sslmode=disable",
                Map.of("PGHOST", "envhost", "PGPORT", "6000", "PGUSER", "envuser", "PGSSLMODE", "require"));
        assertEquals(List.of(new PgHost("dsnhost", 6000)), c.hosts());
        assertEquals("dsnuser", c.user());
        assertEquals(SslMode.DISABLE, c.sslMode());
    }

    @Test
    void uriBeatsEnvironmentToo() {
        ConnectionConfig c = resolve("postgresql://dsnuser@dsnhost/dsndb",
                Map.of("PGHOST", "envhost", "PGUSER", "envuser", "PGDATABASE", "envdb"));
        assertEquals("dsnhost", c.hosts().get(0).host());
        assertEquals("dsnuser", c.user());
        assertEquals("dsndb", c.database());
    }

    @Test
    void emptyUriPartsLetEnvironmentApply() {
        ConnectionConfig c = resolve("postgresql:///", Map.of("PGDATABASE", "envdb", "PGHOST", "envhost"));
        assertEquals("envdb", c.database());
        assertEquals("envhost", c.hosts().get(0).host());
    }

    @Test
    void explicitEmptyValueResetsToDefaultAndHidesEnvironment() {
        ConnectionConfig c = resolve("host='' sslmode=", Map.of("PGHOST", "envhost", "PGSSLMODE", "require"));
        assertEquals("localhost", c.hosts().get(0).host());
        assertEquals(SslMode.PREFER, c.sslMode());
    }

    @Test
    void emptyEnvironmentVariableCountsAsUnset() {
        assertEquals("osuser", resolve("", Map.of("PGUSER", "")).user());
    }

    @Test
    void laterDuplicateOptionWins() {
        assertEquals("b", resolve("host=a host=b").hosts().get(0).host());
    }

    @Test
    void connectTimeoutIsSecondsWithLibpqEdgeCases() {
        assertEquals(Duration.ofSeconds(30), resolve("connect_timeout=30").connectTimeout());
        assertEquals(Duration.ofSeconds(2), resolve("connect_timeout=1").connectTimeout());
        assertEquals(Duration.ofSeconds(5), resolve("connect_timeout=' 5 '").connectTimeout());
        assertEquals(Duration.ZERO, resolve("connect_timeout=0").connectTimeout());
        assertEquals(Duration.ZERO, resolve("connect_timeout=-3").connectTimeout());
        assertEquals("invalid integer value \"5s\" for connection option \"connect_timeout\" in connection string",
                error("connect_timeout=5s"));
        assertTrue(error("", Map.of("PGCONNECT_TIMEOUT", "x"))
                .endsWith("in environment variable PGCONNECT_TIMEOUT"));
    }

    @Test
    void fallbackApplicationNameAppliesOnlyWithoutApplicationName() {
        assertEquals("fb", resolve("fallback_application_name=fb").applicationName());
        assertEquals("app", resolve("fallback_application_name=fb application_name=app").applicationName());
        assertEquals("env", resolve("fallback_application_name=fb", Map.of("PGAPPNAME", "env")).applicationName());
    }

    @Test
    void everyEnumeratedValueParses() {
        for (SslMode mode : SslMode.values()) {
            assertEquals(mode, resolve("sslmode=" + mode.libpqName()).sslMode());
        }
        for (TargetSessionAttrs attrs : TargetSessionAttrs.values()) {
            assertEquals(attrs, resolve("target_session_attrs=" + attrs.libpqName()).targetSessionAttrs());
        }
        for (ChannelBindingMode mode : ChannelBindingMode.values()) {
            assertEquals(mode, resolve("channel_binding=" + mode.libpqName()).channelBinding());
        }
        assertEquals(SslNegotiation.DIRECT, resolve("sslnegotiation=direct sslmode=require").sslNegotiation());
        assertEquals(LoadBalanceHosts.RANDOM, resolve("load_balance_hosts=random").loadBalanceHosts());
    }

    @Test
    void invalidEnumeratedValueNamesOptionValueAndOrigin() {
        assertEquals("invalid sslmode value \"maybe\" in connection string (expected \"disable\", \"allow\", "
                + "\"prefer\", \"require\", \"verify-ca\", \"verify-full\")", error("sslmode=maybe"));
        assertTrue(error("sslmode=REQUIRE").startsWith("invalid sslmode value \"REQUIRE\""));
        assertTrue(error("", Map.of("PGSSLMODE", "maybe"))
                .startsWith("invalid sslmode value \"maybe\" in environment variable PGSSLMODE"));
        assertTrue(error("target_session_attrs=primary-ish").startsWith("invalid target_session_attrs value"));
        assertTrue(error("channel_binding=on").startsWith("invalid channel_binding value \"on\""));
        assertTrue(error("load_balance_hosts=1").startsWith("invalid load_balance_hosts value"));
        assertTrue(error("sslnegotiation=fast").startsWith("invalid sslnegotiation value"));
        assertTrue(error("sslsni=yes").startsWith("invalid sslsni value"));
    }

    @Test
    void unknownOptionIsRejectedWithSuggestion() {
        assertEquals("unknown connection option \"sslmdoe\" in connection string (did you mean \"sslmode\"?)",
                error("sslmdoe=require"));
        assertEquals("unknown connection option \"frobnicate\" in connection string", error("frobnicate=1"));
        assertTrue(error("postgresql://h/db?aplication_name=x").contains("did you mean \"application_name\""));
        assertTrue(error("postgresql://h/db?ssl=false").contains("did you mean \"sslmode\""));
    }

    @Test
    void optionNamesAreCaseSensitiveAsInLibpq() {
        assertTrue(error("SSLMODE=require").contains("did you mean \"sslmode\""));
    }

    @Test
    void unsupportedOptionIsRejectedInStringButIgnoredInEnvironment() {
        assertEquals("connection option \"service\" is not supported by PgJet", error("service=prod"));
        assertEquals("connection option \"sslcrl\" is not supported by PgJet", error("postgresql://h?sslcrl=x"));
        ConnectionConfig c = resolve("", Map.of("PGSERVICE", "prod"));
        assertEquals("localhost", c.hosts().get(0).host());
    }

    @Test
    void tuningAndGssapiDetailsAreAcceptedWithoutEffect() {
        ConnectionConfig c = resolve("keepalives_idle=30 keepalives_interval=5 keepalives_count=3 "
                + "tcp_user_timeout=1000 sslcompression=0 krbsrvname=postgres gsslib=gssapi gssdelegation=0 "
                + "gssencmode=disable max_protocol_version=latest min_protocol_version=3.0 "
                + "sslcertmode=allow replication=false",
                Map.of("PGGSSENCMODE", "prefer"));
        assertEquals(resolve("").hosts(), c.hosts());
    }

    @Test
    void valuesAskingForMissingFeaturesAreRejected() {
        assertEquals("gssencmode \"require\" in connection string is not supported: "
                + "PgJet does not implement GSSAPI encryption", error("gssencmode=require"));
        assertTrue(error("gssencmode=maybe").startsWith("invalid gssencmode value"));
        assertTrue(error("min_protocol_version=3.2").contains("is not supported"));
        assertTrue(error("replication=true").contains("replication=database"));
        assertTrue(error("sslcertmode=require").contains("is not supported"));
        assertTrue(error("", Map.of("PGGSSENCMODE", "require")).contains("environment variable PGGSSENCMODE"));
    }

    @Test
    void replicationDatabaseAsksForALogicalReplicationConnection() {
        assertTrue(resolve("replication=database").replication());
        assertEquals(false, resolve("replication=off").replication());
        assertEquals(false, resolve("").replication());
    }

    @Test
    void clientEncodingMustBeUtf8() {
        assertEquals("osuser", resolve("client_encoding=UTF8").user());
        assertEquals("osuser", resolve("client_encoding=auto").user());
        assertEquals("osuser", resolve("client_encoding=utf-8").user());
        assertEquals("client_encoding \"LATIN1\" in connection string is not supported: PgJet always uses UTF8",
                error("client_encoding=LATIN1"));
    }

    @Test
    void sslrootcertSystemDefaultsToVerifyFullAndRefusesWeakerModes() {
        assertEquals(SslMode.VERIFY_FULL, resolve("sslrootcert=system").sslMode());
        assertEquals("weak sslmode \"require\" may not be used with sslrootcert=system (use \"verify-full\")",
                error("sslrootcert=system sslmode=require"));
    }

    @Test
    void directSslNegotiationRequiresTls() {
        assertTrue(error("sslnegotiation=direct").startsWith("weak sslmode \"prefer\" may not be used with "
                + "sslnegotiation=direct"));
        assertEquals(SslNegotiation.DIRECT, resolve("sslnegotiation=direct sslmode=verify-full").sslNegotiation());
    }

    @Test
    void keepalivesAndSniAreSwitches() {
        assertFalse(resolve("keepalives=0").tcpKeepAlive());
        assertTrue(resolve("keepalives=1").tcpKeepAlive());
        assertFalse(resolve("sslsni=0").sslSni());
        assertTrue(error("keepalives=on").startsWith("invalid integer value \"on\""));
    }

    @Test
    void clientCertificatesDefaultToFilesInDotPostgresqlWhenPresent() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".postgresql"));
        Files.writeString(dir.resolve("postgresql.crt"), "cert");
        Files.writeString(dir.resolve("postgresql.key"), "key");
        Files.writeString(dir.resolve("root.crt"), "root");
        ConnectionConfig c = resolve("");
        assertEquals(dir.resolve("postgresql.crt"), c.sslCert());
        assertEquals(dir.resolve("postgresql.key"), c.sslKey());
        assertEquals(dir.resolve("root.crt").toString(), c.sslRootCert());
        assertEquals(Path.of("/x.crt"), resolve("sslcert=/x.crt").sslCert());
    }

    @Test
    void passfileComesFromStringThenEnvironmentThenHome() {
        assertEquals(Path.of("/dsn"), resolve("passfile=/dsn", Map.of("PGPASSFILE", "/env")).passfile());
        assertEquals(Path.of("/env"), resolve("", Map.of("PGPASSFILE", "/env")).passfile());
        assertEquals(home.resolve(".pgpass"), resolve("").passfile());
    }

    @Test
    void passwordFileIsConsultedPerHostOnlyWithoutPassword() throws IOException {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "a:5432:app:alice:pa\nb:5433:app:alice:pb\n*:*:*:*:fallback\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        ConnectionConfig c = resolve("host=a,b port=5432,5433 user=alice dbname=app");
        assertNull(c.password());
        assertEquals("pa", c.passwordFor(c.hosts().get(0)));
        assertEquals("pb", c.passwordFor(c.hosts().get(1)));
        assertEquals("fallback", c.passwordFor(new PgHost("c", 5432)));
        ConnectionConfig explicit = resolve("host=a user=alice dbname=app password=given");
        assertEquals("given", explicit.passwordFor(explicit.hosts().get(0)));
        ConnectionConfig fromEnv = resolve("host=a user=alice dbname=app", Map.of("PGPASSWORD", "envpw"));
        assertEquals("envpw", fromEnv.passwordFor(fromEnv.hosts().get(0)));
    }
}
