package io.pgjet.r2dbc;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgJet;
import io.pgjet.r2dbc.internal.FuturePublisher;
import io.pgjet.r2dbc.internal.RealR2dbcConnection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.Objects;
import org.reactivestreams.Publisher;

/**
 * Opens R2DBC connections to PostgreSQL over PgJet's asynchronous connection. Each subscription
 * to {@link #create()} opens one new connection (pool them with r2dbc-pool). Immutable and
 * thread-safe. Connection failures arrive as {@code onError} with an R2DBC exception whose
 * cause is PgJet's.
 */
public final class PgJetConnectionFactory implements ConnectionFactory {
    private static final ConnectionFactoryMetadata METADATA = () -> "PostgreSQL";

    private final ConnectionConfig config;

    private PgJetConnectionFactory(ConnectionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Returns a factory for connections made with {@code config}.
     *
     * @param config the connection settings, e.g. from {@link ConnectionConfig#parse}
     * @return a factory; creating it connects to nothing yet
     */
    public static PgJetConnectionFactory of(ConnectionConfig config) {
        return new PgJetConnectionFactory(config);
    }

    /**
     * Returns a factory for a libpq DSN (URI or keyword/value), e.g.
     * {@code postgresql://app@localhost/orders}; PG* variables and {@code ~/.pgpass} apply.
     *
     * @param dsn the DSN
     * @return a factory; creating it connects to nothing yet
     * @throws io.pgjet.InvalidDsnException if the DSN is malformed
     */
    public static PgJetConnectionFactory of(String dsn) {
        return new PgJetConnectionFactory(ConnectionConfig.parse(dsn));
    }

    /**
     * Returns the configuration connections are made with.
     *
     * @return the configuration given at creation
     */
    public ConnectionConfig config() {
        return config;
    }

    /** Returns a publisher that opens one connection per subscription, on its first request. */
    @Override
    public Publisher<PgJetR2dbcConnection> create() {
        return new FuturePublisher<>(() -> PgJet.connectAsync(config).thenCompose(RealR2dbcConnection::open));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return METADATA;
    }

    @Override
    public String toString() {
        return "PgJetConnectionFactory{" + config + "}";
    }
}
