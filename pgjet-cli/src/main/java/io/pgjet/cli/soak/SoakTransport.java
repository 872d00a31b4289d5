package io.pgjet.cli.soak;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgJet;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.internal.pool.BlockingPool;
import io.pgjet.internal.pool.ConnectionPool;

/** The two transports a pooled connection can run on. */
public enum SoakTransport {
    /** {@code PgJet.createPool}: the calling thread drives a blocking socket. */
    BLOCKING,
    /** {@code PgJet.createPoolAsync}: Netty's event loop; the blocking view waits on its futures. */
    NETTY;

    /**
     * Opens a blocking pool whose connections run on this transport.
     *
     * @param config where and how to connect
     * @param options sizes and timeouts of the pool
     * @return the pool
     */
    Pool pool(ConnectionConfig config, PoolOptions options) {
        if (this == BLOCKING) {
            return PgJet.createPool(config, options);
        }
        return new BlockingPool((ConnectionPool) PgJet.createPoolAsync(config, options).join());
    }
}
