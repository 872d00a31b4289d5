package io.pgjet.r2dbc;

import io.r2dbc.spi.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.publisher.Mono;

/** Base of the test classes whose tests share one R2DBC connection to the shared test server. */
abstract class SharedConnectionTest {
    /** How long a test waits for any one answer. */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The class's connection, opened before its first test and closed after its last. */
    static Connection connection;

    @BeforeAll
    static void open() {
        connection = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
    }

    @AfterAll
    static void close() {
        Mono.from(connection.close()).block(WAIT);
    }
}
