package io.pgjet.internal.engine;

/**
 * The kinds of session state a connection's commands changed, as bits, read from what the
 * server reports anyway: the command tag of each CommandComplete and every ParameterStatus.
 * What the server does not report (a {@code set_config} on an unreported setting inside a
 * SELECT, session advisory locks, temporary tables a function creates) is not seen.
 *
 * <p>{@link #ofTag} runs once per completed command on the I/O thread: it looks at the first
 * character and, only for the few candidates, compares the whole tag, so the common SELECT,
 * INSERT, UPDATE and DELETE cost one switch.
 */
public final class SessionChanges {
    /** SET or RESET ran, or the server reported a changed parameter: undone by {@code RESET ALL}. */
    public static final int SETTINGS = 1;
    /** LISTEN ran: undone by {@code UNLISTEN *}. */
    public static final int LISTENS = 1 << 1;
    /** DECLARE ran (a WITH HOLD cursor may outlive its transaction): undone by {@code CLOSE ALL}. */
    public static final int CURSORS = 1 << 2;
    /** An SQL PREPARE ran: undone by deallocating the session's SQL-level prepared statements. */
    public static final int PREPARED = 1 << 3;
    /** A CREATE ran (it may have made a temporary object): undone by {@code DISCARD TEMP}. */
    public static final int TEMP = 1 << 4;
    /**
     * DISCARD ALL or DEALLOCATE ran: statements PgJet prepared may be gone, so its statement
     * cache must be forgotten.
     */
    public static final int STATEMENTS = 1 << 5;
    /** DO or CALL ran: code that may have changed anything; only a full reset is safe. */
    public static final int UNKNOWN = 1 << 6;

    private SessionChanges() {}

    /** Returns the change a command with this CommandComplete tag may have made, 0 for none. */
    public static int ofTag(String tag) {
        if (tag.isEmpty()) {
            return 0;
        }
        switch (tag.charAt(0)) {
            case 'S':
                return tag.equals("SET") ? SETTINGS : 0;
            case 'R':
                return tag.equals("RESET") ? SETTINGS : 0;
            case 'L':
                return tag.equals("LISTEN") ? LISTENS : 0;
            case 'P':
                return tag.equals("PREPARE") ? PREPARED : 0;
            case 'C':
                if (tag.startsWith("CREATE ")) {
                    return TEMP;
                }
                return tag.equals("CALL") ? UNKNOWN : 0;
            case 'D':
                return ofD(tag);
            default:
                return 0;
        }
    }

    private static int ofD(String tag) {
        if (tag.equals("DECLARE CURSOR")) {
            return CURSORS;
        }
        if (tag.equals("DO")) {
            return UNKNOWN;
        }
        if (tag.equals("DISCARD ALL") || tag.startsWith("DEALLOCATE")) {
            return STATEMENTS;
        }
        return 0; // DELETE n, DROP ..., DISCARD TEMP/PLANS/SEQUENCES: nothing left to undo
    }
}
