package io.pgjet.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which CommandComplete tags the session records as changes the pool's tracked reset must undo. */
class SessionChangesTest {

    @Test
    void tagsOfStatementsThatChangeSessionStateAreRecognised() {
        assertEquals(SessionChanges.SETTINGS, SessionChanges.ofTag("SET"));
        assertEquals(SessionChanges.SETTINGS, SessionChanges.ofTag("RESET"));
        assertEquals(SessionChanges.LISTENS, SessionChanges.ofTag("LISTEN"));
        assertEquals(SessionChanges.CURSORS, SessionChanges.ofTag("DECLARE CURSOR"));
        assertEquals(SessionChanges.PREPARED, SessionChanges.ofTag("PREPARE"));
        assertEquals(SessionChanges.TEMP, SessionChanges.ofTag("CREATE TABLE"));
        assertEquals(SessionChanges.TEMP, SessionChanges.ofTag("CREATE VIEW"));
        assertEquals(SessionChanges.STATEMENTS, SessionChanges.ofTag("DISCARD ALL"));
        assertEquals(SessionChanges.STATEMENTS, SessionChanges.ofTag("DEALLOCATE"));
        assertEquals(SessionChanges.STATEMENTS, SessionChanges.ofTag("DEALLOCATE ALL"));
        assertEquals(SessionChanges.UNKNOWN, SessionChanges.ofTag("DO"));
        assertEquals(SessionChanges.UNKNOWN, SessionChanges.ofTag("CALL"));
    }

    @Test
    void tagsOfQueriesDmlAndTransactionsAreNoChange() {
        for (String tag : new String[] {"SELECT 1", "INSERT 0 1", "UPDATE 3", "DELETE 0", "MERGE 2", "COPY 10",
                "FETCH 5", "MOVE 1", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "CLOSE CURSOR",
                "CLOSE CURSOR ALL", "UNLISTEN", "NOTIFY", "SET CONSTRAINTS", "DISCARD TEMP", "DROP TABLE",
                "LOCK TABLE", "TRUNCATE TABLE", "ANALYZE", "EXPLAIN", "SHOW", ""}) {
            assertEquals(0, SessionChanges.ofTag(tag), tag);
        }
    }

    @Test
    void recordedChangesAccumulateUntilTaken() {
        SessionState session = new SessionState();
        session.commandCompleted("SELECT 1");
        assertEquals(0, session.changes());
        session.commandCompleted("SET");
        session.commandCompleted("LISTEN");
        session.parameter("application_name", "x");
        assertEquals(SessionChanges.SETTINGS | SessionChanges.LISTENS, session.takeChanges());
        assertEquals(0, session.changes());
    }
}
