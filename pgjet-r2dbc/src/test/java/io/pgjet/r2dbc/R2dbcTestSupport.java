package io.pgjet.r2dbc;

import io.pgjet.jdbc.PgJetDataSource;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.jdbc.core.JdbcTemplate;

/** Connection factories and JDBC access to the shared test server, for every test of the module. */
final class R2dbcTestSupport {
    private R2dbcTestSupport() {
    }

    /** Returns the shared server. */
    static PgServer server() {
        return PgTestServer.shared();
    }

    /** Returns a PgJet factory for the shared server, built from its DSN. */
    static PgJetConnectionFactory factory() {
        return PgJetConnectionFactory.of(server().dsn());
    }

    /** Returns a factory found through {@link ConnectionFactories} for the {@code driver} (pgjet or postgresql). */
    static ConnectionFactory discovered(String driver) {
        PgServer server = server();
        return ConnectionFactories.get(ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, driver)
                .option(ConnectionFactoryOptions.HOST, server.host())
                .option(ConnectionFactoryOptions.PORT, server.port())
                .option(ConnectionFactoryOptions.USER, server.user())
                .option(ConnectionFactoryOptions.PASSWORD, server.password())
                .option(ConnectionFactoryOptions.DATABASE, server.database())
                .build());
    }

    /** Returns JDBC access to the same server through PgJet's own JDBC driver (never pgjdbc). */
    static JdbcTemplate jdbc() {
        PgJetDataSource dataSource = new PgJetDataSource();
        dataSource.setUrl(server().jdbcUrl());
        return new JdbcTemplate(dataSource);
    }
}
