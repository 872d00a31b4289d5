package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * An R2DBC statement: SQL with {@code $1..$n} placeholders, bound by index (0 is {@code $1}) or
 * by name ({@code "$1"}), with {@link #add()} batching and {@link #returnGeneratedValues}. Not
 * thread-safe (R2DBC statements are built by one caller); {@link #execute()} copies the bindings,
 * so the statement may be re-bound and executed again.
 */
final class PgStatement implements Statement {
    private static final Object UNBOUND = new Object();

    private final RealR2dbcConnection connection;
    private final SqlText sql;
    private final List<Object[]> bindings = new ArrayList<>();
    private Object[] current;
    private String[] generatedColumns;
    private int fetchSize;

    PgStatement(RealR2dbcConnection connection, String sql) {
        this.connection = connection;
        this.sql = SqlText.of(sql);
        this.current = fresh();
    }

    private Object[] fresh() {
        Object[] values = new Object[sql.parameterCount()];
        Arrays.fill(values, UNBOUND);
        return values;
    }

    @Override
    public Statement add() {
        requireComplete("add()");
        bindings.add(current);
        current = fresh();
        return this;
    }

    @Override
    public Statement bind(int index, Object value) {
        current[checkIndex(index)] = BindValues.accept(value);
        return this;
    }

    @Override
    public Statement bind(String name, Object value) {
        current[indexOf(name)] = BindValues.accept(value);
        return this;
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        current[checkIndex(index)] = null;
        return this;
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        current[indexOf(name)] = null;
        return this;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= current.length) {
            throw new IndexOutOfBoundsException("bind index " + index + " out of range: the statement has "
                    + current.length + " parameter(s) ($1..$" + current.length + " bind as 0.." + (current.length - 1) + ")");
        }
        return index;
    }

    private int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        if (name.length() > 1 && name.charAt(0) == '$') {
            try {
                int number = Integer.parseInt(name.substring(1));
                if (number >= 1 && number <= current.length) {
                    return number - 1;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new NoSuchElementException("no parameter named \"" + name + "\": the statement has " + current.length
                + " parameter(s), named $1..$" + current.length);
    }

    private void requireComplete(String action) {
        for (int i = 0; i < current.length; i++) {
            if (current[i] == UNBOUND) {
                throw new IllegalStateException("parameter $" + (i + 1) + " is not bound; bind every parameter before "
                        + action);
            }
        }
    }

    private boolean nothingBound() {
        for (Object value : current) {
            if (value != UNBOUND) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Statement returnGeneratedValues(String... columns) {
        if (columns == null) {
            throw new IllegalArgumentException("columns must not be null");
        }
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("column names must not be null or blank");
            }
        }
        generatedColumns = columns.clone();
        return this;
    }

    @Override
    public Statement fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetch size must not be negative, was " + rows);
        }
        fetchSize = rows;
        return this;
    }

    @Override
    public Publisher<? extends Result> execute() {
        List<Object[]> sets = new ArrayList<>(bindings);
        if (current.length == 0) {
            if (sets.isEmpty()) {
                sets.add(current);
            }
        } else if (nothingBound() && !sets.isEmpty()) {
            return new FuturePublisher<Result>(() -> CompletableFuture.failedFuture(new IllegalStateException(
                    "add() was called after the last binding: the batch ends with an empty binding")));
        } else {
            requireComplete("execute()");
            sets.add(current.clone());
        }
        return connection.execute(withReturning(), sets, fetchSize);
    }

    private SqlText withReturning() {
        if (generatedColumns == null || !sql.acceptsReturning()) {
            return sql;
        }
        String text = sql.sql().stripTrailing();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        String columns = generatedColumns.length == 0 ? "*" : String.join(", ", generatedColumns);
        return SqlText.of(text + " RETURNING " + columns);
    }
}
