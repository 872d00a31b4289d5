package io.pgjet.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.InvalidDsnException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UriDsnParserTest {

    private static Map<String, String> parse(String dsn) {
        Map<String, String> options = new LinkedHashMap<>();
        for (DsnParser.RawOption option : DsnParser.parse(dsn)) {
            options.put(option.keyword(), option.value());
        }
        return options;
    }

    private static String error(String dsn) {
        return assertThrows(InvalidDsnException.class, () -> DsnParser.parse(dsn)).getMessage();
    }

    @Test
    void bothSchemesAreAcceptedInAnyCase() {
        assertEquals(Map.of("host", "h"), parse("postgresql://h"));
        assertEquals(Map.of("host", "h"), parse("postgres://h"));
        assertEquals(Map.of("host", "h"), parse("PostgreSQL://h"));
    }

    @Test
    void userAndPasswordArePercentDecoded() {
        assertEquals(Map.of("user", "us@er", "password", "p:ss/w@rd", "host", "h", "dbname", "db"),
                parse("postgresql://us%40er:p%3Ass%2Fw%40rd@h/db"));
    }

    @Test
    void passwordMayHoldUnencodedQuestionMarkAndHashAsInLibpq() {
        assertEquals(Map.of("user", "u", "password", "p?a#ss", "host", "h", "dbname", "db"),
                parse("postgresql://u:p?a#ss@h/db"));
    }

    @Test
    void plusSignIsNotASpace() {
        assertEquals("a+b", parse("postgresql://h?application_name=a+b").get("application_name"));
    }

    @Test
    void percentEncodedUtf8IsDecoded() {
        assertEquals("café", parse("postgresql:///caf%C3%A9").get("dbname"));
    }

    @Test
    void bracketedIpv6HostLosesItsBrackets() {
        assertEquals(Map.of("host", "2001:db8::1234", "port", "5433", "dbname", "database"),
                parse("postgresql://[2001:db8::1234]:5433/database"));
        assertEquals(Map.of("host", "fe80::1%eth0"), parse("postgresql://[fe80::1%25eth0]"));
    }

    @Test
    void percentEncodedSocketDirectoryBecomesHost() {
        assertEquals(Map.of("host", "/var/run/postgresql", "dbname", "db"),
                parse("postgresql://%2Fvar%2Frun%2Fpostgresql/db"));
    }

    @Test
    void hostsAndPortsBecomeCommaListsWithEmptyEntriesKept() {
        assertEquals(Map.of("host", "a,b,::1", "port", "1,,3", "dbname", "db"),
                parse("postgresql://a:1,b,[::1]:3/db"));
    }

    @Test
    void queryParametersAreDecodedKeywords() {
        assertEquals(Map.of("host", "h", "sslmode", "require", "application_name", "x",
                        "connect_timeout", "5", "options", "-c x=y"),
                parse("postgresql://h?sslmode=require&application_name=x&connect_timeout=5&options=-c%20x%3Dy"));
    }

    @Test
    void queryParametersComeAfterAuthoritySoTheyOverrideIt() {
        List<DsnParser.RawOption> options = DsnParser.parse("postgresql://a/db?host=b");
        assertEquals(new DsnParser.RawOption("host", "a"), options.get(0));
        assertEquals(new DsnParser.RawOption("host", "b"), options.get(2));
    }

    @Test
    void sslTrueMeansSslmodeRequireForJdbcCompatibility() {
        assertEquals(Map.of("host", "h", "sslmode", "require"), parse("postgresql://h?ssl=true"));
    }

    @Test
    void emptyPartsAreNotOptions() {
        assertEquals(Map.of(), parse("postgresql://"));
        assertEquals(Map.of(), parse("postgresql://:@/"));
        assertEquals(Map.of(), parse("postgresql:///?"));
        assertEquals(Map.of("sslmode", "disable"), parse("postgresql://?sslmode=disable&"));
    }

    @Test
    void malformedIpv6HostsAreRejected() {
        assertTrue(error("postgresql://[::1/db").contains("missing \"]\""));
        assertTrue(error("postgresql://[]/db").contains("empty IPv6"));
        assertTrue(error("postgresql://[::1]x/db").contains("unexpected character"));
    }

    @Test
    void malformedPercentEncodingIsRejectedNamingThePart() {
        assertTrue(error("postgresql://h/d%zzb").contains("invalid percent-encoding in database name"));
        assertTrue(error("postgresql://h/db%2").contains("invalid percent-encoding"));
        assertTrue(error("postgresql://h/d%00b").contains("forbidden value %00 in database name"));
        assertTrue(error("postgresql://h/%C3%28").contains("invalid UTF-8"));
        assertTrue(error("postgresql://h?options=%G1").contains("value of parameter \"options\""));
    }

    @Test
    void malformedQueryParametersAreRejected() {
        assertEquals("extra \"=\" in parameter \"a\" of connection URI", error("postgresql://h?a=b=c"));
        assertEquals("missing \"=\" in parameter \"sslmode\" of connection URI", error("postgresql://h?sslmode"));
    }

    @Test
    void syntaxErrorsNeverQuoteThePassword() {
        String message = error("postgresql://u:hunter%zz2@h/db");
        assertTrue(message.contains("password"), message);
        assertFalse(message.contains("hunter"), message);
        String stray = error("postgresql://u:s3cr3t@h/db?s3cr3t");
        assertFalse(stray.contains("s3cr3t"), stray);
    }
}
