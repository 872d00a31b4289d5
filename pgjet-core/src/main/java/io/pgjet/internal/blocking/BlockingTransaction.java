package io.pgjet.internal.blocking;

import io.pgjet.AsyncTransaction;
import io.pgjet.Transaction;

/** The blocking facade of a transaction: waits for each step. */
final class BlockingTransaction implements Transaction {
    private final Awaiter awaiter;
    private final AsyncTransaction async;
    private final BlockingConnection connection;

    BlockingTransaction(Awaiter awaiter, AsyncTransaction async, BlockingConnection connection) {
        this.awaiter = awaiter;
        this.async = async;
        this.connection = connection;
    }

    @Override
    public void commit() {
        awaiter.call(() -> async.commit());
    }

    @Override
    public void rollback() {
        awaiter.call(() -> async.rollback());
    }

    @Override
    public boolean isActive() {
        return async.isActive();
    }

    @Override
    public boolean isNested() {
        return async.isNested();
    }

    @Override
    public void close() {
        if (async.isActive() && !connection.isClosed()) {
            rollback();
        }
    }
}
