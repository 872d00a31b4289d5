package io.pgjet.r2dbc;

import io.r2dbc.spi.ConnectionFactory;

/**
 * Runs the R2DBC TCK a second time binding parameters by index (0 is {@code $1}), through a
 * factory that {@code ConnectionFactories} discovers for {@code r2dbc:postgresql} options.
 */
class TckIndexBindingTest extends PostgresTestKit<Integer> {
    private static final ConnectionFactory FACTORY = R2dbcTestSupport.discovered("postgresql");

    TckIndexBindingTest() {
        super(FACTORY);
    }

    @Override
    public Integer getIdentifier(int index) {
        return index;
    }
}
