package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ClientExceptionsTest {

    @Test
    void everythingPgJetThrowsIsAnUncheckedPgJetException() {
        assertTrue(Modifier.isAbstract(PgJetException.class.getModifiers()));
        assertSame(RuntimeException.class, PgJetException.class.getSuperclass());
        for (Class<?> type : new Class<?>[] {PgException.class, PgConnectionException.class,
                PgTimeoutException.class, PgProtocolException.class, PgInterfaceException.class}) {
            assertSame(PgJetException.class, type.getSuperclass(), type.getName());
        }
    }

    @Test
    void authenticationFailureIsAConnectionFailureAndBadDsnIsMisuse() {
        assertSame(PgConnectionException.class, PgAuthenticationException.class.getSuperclass());
        assertSame(PgInterfaceException.class, InvalidDsnException.class.getSuperclass());
    }

    @Test
    void causeAndMessageArePreserved() {
        IOException cause = new IOException("connection reset");
        PgConnectionException e = new PgConnectionException("connection to db:5432 lost", cause);
        assertEquals("connection to db:5432 lost", e.getMessage());
        assertSame(cause, e.getCause());
        assertSame(cause, new PgTimeoutException("t", cause).getCause());
        assertSame(cause, new PgProtocolException("p", cause).getCause());
        assertSame(cause, new PgInterfaceException("i", cause).getCause());
        assertSame(cause, new PgAuthenticationException("a", cause).getCause());
    }
}
