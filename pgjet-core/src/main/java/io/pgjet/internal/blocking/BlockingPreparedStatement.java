package io.pgjet.internal.blocking;

import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.conn.RealPreparedStatement;

import io.pgjet.AsyncPreparedStatement;
import io.pgjet.Attribute;
import io.pgjet.CommandStatus;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import java.util.List;
import java.util.stream.Stream;

/** The blocking facade of a prepared statement. */
final class BlockingPreparedStatement implements PreparedStatement {
    private final Awaiter awaiter;
    private final AsyncPreparedStatement async;

    BlockingPreparedStatement(Awaiter awaiter, AsyncPreparedStatement async) {
        this.awaiter = awaiter;
        this.async = async;
    }

    @Override
    public String sql() {
        return async.sql();
    }

    @Override
    public List<Attribute> getParameters() {
        return async.getParameters();
    }

    @Override
    public List<Attribute> getAttributes() {
        return async.getAttributes();
    }

    @Override
    public List<Row> fetch(Object... args) {
        return awaiter.call(() -> async.fetch(args));
    }

    @Override
    public Row fetchRow(Object... args) {
        return awaiter.call(() -> async.fetchRow(args));
    }

    @Override
    public CommandStatus execute(Object... args) {
        return awaiter.call(() -> async.execute(args));
    }

    @Override
    public long executeMany(Iterable<Object[]> parameterSets) {
        return awaiter.call(() -> async.executeMany(parameterSets));
    }

    @Override
    public Stream<Row> cursor(Object... args) {
        return new BlockingCursor(awaiter, awaiter.call(() -> ((RealPreparedStatement) async).openCursor(args)))
                .stream(RealConnection.DEFAULT_PREFETCH);
    }

    @Override
    public String explain(boolean analyze, Object... args) {
        return awaiter.call(() -> async.explain(analyze, args));
    }

    @Override
    public void close() {
        awaiter.call(() -> async.close());
    }
}
