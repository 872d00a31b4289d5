package io.pgjet.r2dbc;

import io.pgjet.r2dbc.internal.OptionsMapping;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;
import java.util.Objects;

/**
 * Lets {@code ConnectionFactories} find PgJet for the drivers {@code postgresql} and
 * {@code pgjet} ({@code r2dbc:postgresql://...}, {@code r2dbc:pgjet://...}); registered in
 * {@code META-INF/services}. The options it understands are the standard ones and those of
 * {@link PgJetR2dbcOptions}.
 */
public final class PgJetConnectionFactoryProvider implements ConnectionFactoryProvider {
    /** The driver name of PgJet's own URLs: {@code r2dbc:pgjet://}. */
    public static final String PGJET_DRIVER = "pgjet";

    /** The driver name of PostgreSQL URLs: {@code r2dbc:postgresql://}. */
    public static final String POSTGRESQL_DRIVER = "postgresql";

    /** Creates the provider (called by the service loader). */
    public PgJetConnectionFactoryProvider() {
    }

    /**
     * Returns a factory for {@code options}.
     *
     * @throws IllegalArgumentException if an option has a value of the wrong kind
     * @throws IllegalStateException if neither a host nor a DSN is given
     */
    @Override
    public PgJetConnectionFactory create(ConnectionFactoryOptions options) {
        Objects.requireNonNull(options, "options");
        return PgJetConnectionFactory.of(OptionsMapping.toConfig(options));
    }

    @Override
    public boolean supports(ConnectionFactoryOptions options) {
        Objects.requireNonNull(options, "options");
        Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
        return (PGJET_DRIVER.equals(driver) || POSTGRESQL_DRIVER.equals(driver))
                && (options.hasOption(ConnectionFactoryOptions.HOST) || options.hasOption(PgJetR2dbcOptions.DSN));
    }

    @Override
    public String getDriver() {
        return PGJET_DRIVER;
    }
}
