package io.pgjet.r2dbc;

import io.r2dbc.spi.ConnectionFactory;

/**
 * Runs every test of the R2DBC TCK (r2dbc-spi-test 1.0.0) against PgJet's driver on real
 * PostgreSQL, binding parameters by name ({@code "$1"}).
 */
class TckTest extends PostgresTestKit<String> {
    private static final ConnectionFactory FACTORY = R2dbcTestSupport.factory();

    TckTest() {
        super(FACTORY);
    }

    @Override
    public String getIdentifier(int index) {
        return getPlaceholder(index);
    }
}
