package io.pgjet.bench;

/**
 * One driver's work for one workload and parameter, opened (connections made, statements
 * prepared) before warm-up and closed after measuring. Three shapes, measured differently by
 * {@link Runner}: {@link Loop} (blocking threads), {@link Async} (requests in flight on
 * callbacks) and {@link Bulk} (one big operation at a time).
 *
 * <p>Every operation checks its own result (row count, checksum) and throws {@link
 * CheckFailedException} when it is wrong: a fast wrong answer must never become a number.
 */
public interface Job extends AutoCloseable {

    /** Returns how the driver does the work, e.g. {@code "8 threads, PreparedStatement each"}. */
    String how();

    /** Returns a caveat to print beside the result (e.g. an interim API), or null. */
    default String note() {
        return null;
    }

    /** Closes the job's connections; called once, from the runner's thread. */
    @Override
    void close() throws Exception;

    /** Work done by {@link #threads()} platform threads, each calling {@link #call} in a loop. */
    interface Loop extends Job {
        /** Returns how many threads run the loop. */
        int threads();

        /**
         * Runs one operation on the calling thread and checks its result.
         *
         * @param thread the index of the calling thread, 0..threads()-1
         * @return the number of rows the operation produced or consumed
         */
        long call(int thread) throws Exception;
    }

    /**
     * Work issued without blocking: {@link #lanes()} connections, each with {@link #depth()}
     * requests in flight; every completion issues the next request from the completing thread.
     */
    interface Async extends Job {
        /** Returns the number of connections. */
        int lanes();

        /** Returns the number of requests kept in flight on each connection. */
        int depth();

        /**
         * Starts one operation on connection {@code lane}; must call {@code done} exactly once, on
         * whatever thread completes it, after checking the result.
         */
        void call(int lane, Done done);
    }

    /** Receives the outcome of an {@link Async} operation. */
    interface Done {
        /**
         * Reports completion.
         *
         * @param rows the number of rows the operation produced, when it succeeded
         * @param error the failure, or null
         */
        void done(long rows, Throwable error);
    }

    /** Work made of large operations run one at a time on one thread, each timed on its own. */
    interface Bulk extends Job {
        /** Prepares for the next operation (e.g. truncates the target table); not timed. */
        void before() throws Exception;

        /** Runs one operation; timed. Returns the number of rows moved. */
        long run() throws Exception;

        /** Checks what the operation left on the server (e.g. counts and sums); not timed. */
        void verify(long rows) throws Exception;

        /** Returns whether the runner should report peak heap use for this job. */
        default boolean watchHeap() {
            return false;
        }
    }
}
