package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgjet.PgException;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Server errors map to the R2DBC exception hierarchy by SQLSTATE class, with PgJet's exception as cause. */
class R2dbcErrorsTest extends SharedConnectionTest {
    private static R2dbcException failure(Class<? extends R2dbcException> type, String sql) {
        R2dbcException error = assertThrows(type,
                () -> Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).blockLast(WAIT));
        assertInstanceOf(PgException.class, error.getCause());
        return error;
    }

    @Test
    void syntaxAndUndefinedObjectsAreBadGrammar() {
        R2dbcException error = failure(R2dbcBadGrammarException.class, "SELEC 1");
        assertEquals("42601", error.getSqlState());
        assertEquals("SELEC 1", error.getSql());
    }

    @Test
    void constraintViolationsAndBadDataAreDataIntegrityViolations() {
        failure(R2dbcDataIntegrityViolationException.class, "SELECT 1/0");
        failure(R2dbcDataIntegrityViolationException.class, "CREATE TEMP TABLE e_u (id int PRIMARY KEY); "
                + "INSERT INTO e_u VALUES (1), (1)");
        failure(R2dbcDataIntegrityViolationException.class, "SELECT 'x'::int");
    }

    @Test
    void privilegesAreDeniedAndRollbacksAndTimeoutsHaveTheirOwnTypes() {
        failure(R2dbcPermissionDeniedException.class, "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '42501'; END $$");
        failure(R2dbcRollbackException.class, "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001'; END $$");
        failure(R2dbcTimeoutException.class, "SET statement_timeout = 50; SELECT pg_sleep(5)");
        Flux.from(connection.createStatement("RESET statement_timeout").execute()).concatMap(Result::getRowsUpdated)
                .blockLast(WAIT);
    }

    @Test
    void connectingToANonexistentDatabaseFailsWithAnR2dbcException() {
        var server = R2dbcTestSupport.server();
        PgJetConnectionFactory factory = PgJetConnectionFactory.of(io.pgjet.ConnectionConfig.builder()
                .host(server.host(), server.port()).user(server.user()).password(server.password())
                .database("no_such_database_r2dbc").build());
        R2dbcException error = assertThrows(R2dbcException.class, () -> Mono.from(factory.create()).block(WAIT));
        assertEquals("3D000", error.getSqlState());
        R2dbcException refused = assertThrows(R2dbcNonTransientResourceException.class,
                () -> Mono.from(PgJetConnectionFactory.of("postgresql://nobody@127.0.0.1:1/db?connect_timeout=5").create())
                        .block(WAIT));
        assertInstanceOf(io.pgjet.PgConnectionException.class, refused.getCause());
    }
}
