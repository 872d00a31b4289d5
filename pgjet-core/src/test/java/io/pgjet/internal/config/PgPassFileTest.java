package io.pgjet.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {

    private static final PgHost DB = new PgHost("db.example", 5432);

    @TempDir
    Path dir;

    private Path file(String content, String permissions) throws IOException {
        Path file = dir.resolve("pgpass");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        // POSIX permissions are what libpq checks; PgJet's test suite runs on Linux.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static String find(String content, String host, String port, String database, String user) {
        return PgPassFile.find(content, host, port, database, user);
    }

    @Test
    void firstMatchingLineWins() {
        String content = "db.example:5432:app:alice:first\n*:*:*:*:second\n";
        assertEquals("first", find(content, "db.example", "5432", "app", "alice"));
        assertEquals("second", find(content, "db.example", "5432", "app", "bob"));
    }

    @Test
    void starMatchesAnyValueButOnlyAsAWholeField() {
        String content = "db*:5432:*:*:literal\n*:5433:*:*:wild\n";
        assertNull(find(content, "db.example", "5432", "app", "alice"));
        assertEquals("literal", find(content, "db*", "5432", "app", "alice"));
        assertEquals("wild", find(content, "anything", "5433", "x", "y"));
    }

    @Test
    void fieldsMustMatchExactly() {
        String content = "db.example:5432:app:alice:pw\n";
        assertNull(find(content, "db.exampl", "5432", "app", "alice"));
        assertNull(find(content, "db.example.org", "5432", "app", "alice"));
        assertNull(find(content, "db.example", "5432", "app", "Alice"));
    }

    @Test
    void backslashEscapesColonsAndBackslashesInFieldsAndPassword() {
        String content = "weird\\:host:5432:*:us\\\\er:pa\\:ss\\\\word\n";
        assertEquals("pa:ss\\word", find(content, "weird:host", "5432", "db", "us\\er"));
    }

    @Test
    void passwordEndsAtUnescapedColon() {
        assertEquals("pw", find("*:*:*:*:pw:ignored\n", "h", "1", "d", "u"));
    }

    @Test
    void commentsBlankLinesAndCrlfAreHandled() {
        String content = "# hostname:port:database:username:password\r\n\r\n*:*:*:*:secret\r\n";
        assertEquals("secret", find(content, "h", "5432", "d", "u"));
        assertNull(find("#*:*:*:*:commented\n", "h", "5432", "d", "u"));
    }

    @Test
    void lineWithTooFewFieldsNeverMatches() {
        assertNull(find("*:*:*:*\n*:*:*\n", "h", "5432", "d", "u"));
    }

    @Test
    void emptyPasswordCountsAsNone() {
        assertNull(find("*:*:*:*:\n*:*:*:*:later\n", "h", "5432", "d", "u"));
    }

    @Test
    void socketInDefaultDirectoryMatchesLocalhostAsInLibpq() {
        assertEquals("localhost", PgPassFile.hostForMatching(new PgHost("/var/run/postgresql", 5432)));
        assertEquals("localhost", PgPassFile.hostForMatching(new PgHost("/tmp/", 5432)));
        assertEquals("/srv/pg", PgPassFile.hostForMatching(new PgHost("/srv/pg", 5432)));
        assertEquals("db.example", PgPassFile.hostForMatching(DB));
        assertEquals("10.0.0.5", PgPassFile.hostForMatching(new PgHost("10.0.0.5", 5432, "10.0.0.5")));
    }

    @Test
    void lookupMatchesHostPortDatabaseAndUser() throws IOException {
        Path file = file("db.example:5432:app:alice:pw1\nlocalhost:5433:*:*:pw2\n", "rw-------");
        assertEquals("pw1", PgPassFile.lookup(file, DB, "app", "alice"));
        assertEquals("pw2", PgPassFile.lookup(file, new PgHost("/tmp", 5433), "x", "y"));
        assertNull(PgPassFile.lookup(file, new PgHost("/tmp", 5432), "x", "y"));
    }

    @Test
    void fileWithGroupOrWorldAccessIsIgnoredWithWarningThatHidesThePassword() throws IOException {
        List<String> warnings = captureWarnings();
        for (String permissions : List.of("rw-r--r--", "rw-rw----", "rw----r--", "rw-----w-", "rw---x---")) {
            Path file = file("*:*:*:*:hunter2\n", permissions);
            assertNull(PgPassFile.lookup(file, DB, "app", "alice"), permissions);
        }
        assertEquals(5, warnings.size());
        for (String warning : warnings) {
            assertTrue(warning.contains("group or world access"), warning);
            assertFalse(warning.contains("hunter2"), warning);
        }
        assertEquals("hunter2", PgPassFile.lookup(file("*:*:*:*:hunter2\n", "rw-------"), DB, "app", "alice"));
        assertEquals("hunter2", PgPassFile.lookup(file("*:*:*:*:hunter2\n", "r--------"), DB, "app", "alice"));
    }

    @Test
    void missingFileOrDirectoryGivesNoPassword() {
        assertNull(PgPassFile.lookup(dir.resolve("absent"), DB, "app", "alice"));
        assertNull(PgPassFile.lookup(dir, DB, "app", "alice"));
        assertNull(PgPassFile.lookup(null, DB, "app", "alice"));
    }

    private Handler handler;

    @AfterEach
    void removeHandler() {
        if (handler != null) {
            Logger.getLogger(PgPassFile.class.getName()).removeHandler(handler);
        }
    }

    private List<String> captureWarnings() {
        List<String> messages = new ArrayList<>();
        Logger logger = Logger.getLogger(PgPassFile.class.getName());
        SimpleFormatter formatter = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(formatter.formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        return messages;
    }
}
