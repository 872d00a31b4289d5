package io.pgjet.bench.drivers;

import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.Workload;

/**
 * One contestant: opens a {@link Job} per workload and parameter, using the client the way its
 * documentation recommends for speed. A driver that lacks a workload says why instead of
 * producing a number.
 */
public interface Driver extends AutoCloseable {

    /** Returns which contestant this is. */
    DriverId id();

    /** Returns the client library's version, e.g. {@code 42.7.14}. */
    String version();

    /**
     * Returns why this driver cannot run {@code workload} at {@code param}, or null when it can.
     */
    String unsupported(Workload workload, int param);

    /** Opens connections and prepares what the job needs; the caller closes the job. */
    Job open(Workload workload, int param) throws Exception;

    /** Releases process-wide resources (e.g. the vertx instance). */
    @Override
    default void close() {
    }
}
