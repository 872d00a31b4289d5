package io.pgjet.jdbc.internal;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint set through {@code Connection.setSavepoint}: named by the caller, or numbered.
 * Immutable.
 */
final class JdbcSavepoint implements Savepoint {
    private final int id;
    private final String name;

    JdbcSavepoint(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /** Returns {@code savepoint} as one of this driver's, or fails. */
    static JdbcSavepoint of(Savepoint savepoint) throws SQLException {
        if (savepoint instanceof JdbcSavepoint own) {
            return own;
        }
        throw SqlErrors.of("not a savepoint of this driver: " + savepoint, SqlErrors.INVALID_PARAMETER);
    }

    /** Returns the quoted name used in SQL. */
    String sqlName() {
        String raw = name != null ? name : "pgjet_savepoint_" + id;
        return "\"" + raw.replace("\"", "\"\"") + "\"";
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw SqlErrors.of("a named savepoint has no id", SqlErrors.OBJECT_STATE);
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw SqlErrors.of("an unnamed savepoint has no name", SqlErrors.OBJECT_STATE);
        }
        return name;
    }
}
