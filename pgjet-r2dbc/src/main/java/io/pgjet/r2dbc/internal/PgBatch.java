package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Result;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * A batch of SQL statements without parameters, run in order and pipelined (each is sent
 * without waiting for the one before), one result per statement. A string that itself holds
 * several statements gives one result per statement in it. Not thread-safe while being built.
 */
final class PgBatch implements Batch {
    private final RealR2dbcConnection connection;
    private final List<String> statements = new ArrayList<>();

    PgBatch(RealR2dbcConnection connection) {
        this.connection = connection;
    }

    @Override
    public Batch add(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        statements.add(sql);
        return this;
    }

    @Override
    public Publisher<? extends Result> execute() {
        List<Object[]> none = List.<Object[]>of(new Object[0]);
        return new ConcatMapPublisher<String, Result>(new ListPublisher<>(List.copyOf(statements)),
                sql -> connection.execute(SqlText.of(sql), none, 0));
    }
}
