package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection strings shown in libpq's documentation mean the same here. */
class LibpqDocumentedExamplesTest {

    private static final String OS_USER = System.getProperty("user.name");

    private static ConnectionConfig parse(String dsn) {
        return ConnectionConfig.parse(dsn, Map.of(), null);
    }

    @Test
    void bareSchemeUsesAllDefaults() {
        ConnectionConfig c = parse("postgresql://");
        assertEquals(List.of(new PgHost("localhost", 5432)), c.hosts());
        assertEquals(OS_USER, c.user());
        assertEquals(OS_USER, c.database());
    }

    @Test
    void hostPortAndDatabase() {
        assertEquals(List.of(new PgHost("localhost", 5432)), parse("postgresql://localhost").hosts());
        assertEquals(List.of(new PgHost("localhost", 5433)), parse("postgresql://localhost:5433").hosts());
        assertEquals("mydb", parse("postgresql://localhost/mydb").database());
    }

    @Test
    void userAndPassword() {
        assertEquals("user", parse("postgresql://user@localhost").user());
        ConnectionConfig c = parse("postgresql://user:secret@localhost");
        assertEquals("user", c.user());
        assertEquals("secret", c.password());
    }

    @Test
    void parametersInQuery() {
        ConnectionConfig c = parse("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp");
        assertEquals("other", c.user());
        assertEquals("otherdb", c.database());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertEquals("myapp", c.applicationName());
    }

    @Test
    void multipleHostsWithTargetSessionAttrs() {
        ConnectionConfig c = parse("postgresql://host1:123,host2:456/somedb?target_session_attrs=any"
                + "&application_name=myapp");
        assertEquals(List.of(new PgHost("host1", 123), new PgHost("host2", 456)), c.hosts());
        assertEquals("somedb", c.database());
        assertEquals(TargetSessionAttrs.ANY, c.targetSessionAttrs());
    }

    @Test
    void hierarchicalPartsAsParameters() {
        ConnectionConfig c = parse("postgresql:///mydb?host=localhost&port=5433");
        assertEquals(List.of(new PgHost("localhost", 5433)), c.hosts());
        assertEquals("mydb", c.database());
    }

    @Test
    void percentEncodedOptions() {
        assertEquals("-c synchronous_commit=off",
                parse("postgresql://user@localhost:5433/mydb?options=-c%20synchronous_commit%3Doff").options());
    }

    @Test
    void ipv6Host() {
        assertEquals(List.of(new PgHost("2001:db8::1234", 5432)), parse("postgresql://[2001:db8::1234]/database").hosts());
    }

    @Test
    void socketDirectoryAsParameterOrEncodedHost() {
        ConnectionConfig param = parse("postgresql:///dbname?host=/var/lib/postgresql");
        ConnectionConfig encoded = parse("postgresql://%2Fvar%2Flib%2Fpostgresql/dbname");
        assertEquals(List.of(new PgHost("/var/lib/postgresql", 5432)), param.hosts());
        assertEquals(param, encoded);
        assertEquals("/var/lib/postgresql/.s.PGSQL.5432", encoded.hosts().get(0).socketPath());
    }

    @Test
    void keywordValueForm() {
        ConnectionConfig c = parse("host=localhost port=5432 dbname=mydb connect_timeout=10");
        assertEquals(List.of(new PgHost("localhost", 5432)), c.hosts());
        assertEquals("mydb", c.database());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertNull(c.password());
    }

    @Test
    void multiHostUriEqualsKeywordLists() {
        assertEquals(parse("host=host1,host2,host3 port=5432,5433,5434 dbname=db"),
                parse("postgresql://host1:5432,host2:5433,host3:5434/db"));
    }

    @Test
    void quotedKeywordValues() {
        ConnectionConfig c = parse("host=localhost user=u password='p w\\'x'");
        assertEquals("p w'x", c.password());
    }
}
