package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.CommandStatus;
import io.pgjet.Row;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.result.RowBuffer;
import io.pgjet.internal.result.RowList;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.protocol.ProtocolException;
import io.pgjet.protocol.RowDescription;
import java.util.List;

/** Collects the rows and the status of one statement's answer. Not thread-safe. */
final class RowCollector {
    private Columns columns;
    private RowBuffer rows;
    private CommandStatus status;
    private boolean suspended;

    RowCollector(Columns columns) {
        this.columns = columns;
    }

    boolean hasColumns() {
        return columns != null;
    }

    void columns(Columns columns) {
        this.columns = columns;
    }

    void describe(RowDescription description) {
        columns = new Columns(description);
    }

    void row(ByteBuf body) {
        if (rows == null) {
            if (columns == null) {
                throw new ProtocolException("DataRow arrived before any RowDescription");
            }
            rows = new RowBuffer(columns);
        }
        rows.add(body);
    }

    void complete(String tag) {
        status = new CommandStatus(tag);
    }

    void suspend() {
        suspended = true;
    }

    StatementResult result() {
        return result((byte) 0);
    }

    StatementResult result(byte transactionStatus) {
        List<Row> list = rows == null ? List.of() : new RowList(rows);
        return new StatementResult(list, status, suspended, transactionStatus);
    }

    /** Returns the result so far and starts a new statement (simple-query scripts). */
    StatementResult next() {
        StatementResult result = result();
        columns = null;
        rows = null;
        status = null;
        suspended = false;
        return result;
    }
}
