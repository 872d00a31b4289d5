package io.pgjet.bench.drivers;

import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.Job;

/**
 * A bulk load into one table by one client connection: the table is truncated before each run
 * and every loaded row verified after it, through a separate pgjdbc admin connection.
 */
abstract class TableLoad implements Job.Bulk {
    private final AutoCloseable client;
    private final java.sql.Connection admin;
    private final String table;

    /** Takes ownership of {@code client}: it is closed with the job, or at once if setup fails. */
    TableLoad(AutoCloseable client, BenchTarget target, String table) throws Exception {
        this.client = client;
        this.table = table;
        try {
            admin = target.adminConnection();
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    @Override
    public void before() throws Exception {
        BenchData.truncate(admin, table);
    }

    @Override
    public void verify(long rows) throws Exception {
        BenchData.verifyLoaded(admin, table, (int) rows);
    }

    @Override
    public void close() throws Exception {
        client.close();
        admin.close();
    }
}
