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

class KeywordDsnParserTest {

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
    void pairsAreSeparatedByWhitespaceWhichMaySurroundEquals() {
        assertEquals(Map.of("host", "localhost", "port", "5432", "dbname", "mydb"),
                parse("  host = localhost\tport= 5432\n dbname =mydb  "));
    }

    @Test
    void singleQuotedValueMayContainSpacesQuotesAndBackslashes() {
        assertEquals("p w'x\\y", parse("password='p w\\'x\\\\y'").get("password"));
    }

    @Test
    void backslashEscapesInUnquotedValues() {
        assertEquals("a b'c", parse("password=a\\ b'c").get("password"));
    }

    @Test
    void quotedEmptyValueIsEmpty() {
        assertEquals(Map.of("options", "", "host", "h"), parse("options='' host=h"));
    }

    @Test
    void quotedValueMayBeFollowedDirectlyByTheNextPair() {
        assertEquals(Map.of("user", "x", "dbname", "y"), parse("user='x'dbname=y"));
    }

    @Test
    void laterPairsAreKeptInOrder() {
        assertEquals(List.of(new DsnParser.RawOption("host", "a"), new DsnParser.RawOption("host", "b")),
                DsnParser.parse("host=a host=b"));
    }

    @Test
    void blankStringHasNoOptions() {
        assertEquals(Map.of(), parse(""));
        assertEquals(Map.of(), parse("   "));
    }

    @Test
    void unterminatedQuoteIsRejectedWithoutQuotingTheValue() {
        String message = error("password='hunter2 host=h");
        assertTrue(message.startsWith("unterminated quoted string"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void missingEqualsNamesTheWord() {
        assertEquals("missing \"=\" after \"port\" in connection string", error("host=a port"));
        assertEquals("missing \"=\" after \"port\" in connection string", error("host=a port 5432"));
    }

    @Test
    void strayWordAfterPasswordIsNotQuotedBecauseItIsProbablyPartOfIt() {
        String message = error("password=my secret host=x");
        assertTrue(message.contains("after the value of \"password\""), message);
        assertFalse(message.contains("secret"), message);
    }

    @Test
    void stringThatIsNeitherFormIsRejectedWithoutQuotingIt() {
        String message = error("mydb");
        assertTrue(message.contains("expected a postgresql:// URI or keyword=value pairs"), message);
        assertFalse(message.contains("mydb"), message);
        assertTrue(error("postgresql:mydb").contains("expected"));
    }

    @Test
    void jdbcUrlsAreRecognizedAndRefused() {
        String message = error("jdbc:postgresql://h/db?user=u&password=hunter2");
        assertTrue(message.startsWith("JDBC URLs are not supported"), message);
        assertFalse(message.contains("hunter2"), message);
    }
}
