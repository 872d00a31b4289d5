package io.pgjet.observe;

/**
 * A live view of one pool's counts, for gauges. Each call reads the current value.
 */
public interface PoolState {
    /**
     * Returns the connections open or being opened.
     *
     * @return the count
     */
    int size();

    /**
     * Returns the free connections.
     *
     * @return the count
     */
    int idle();

    /**
     * Returns the callers waiting for a connection.
     *
     * @return the count
     */
    int pending();

    /**
     * Returns the most connections the pool opens.
     *
     * @return {@code maxSize}
     */
    int maxSize();
}
