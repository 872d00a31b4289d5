package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PgHostTest {

    @Test
    void socketDirectoryAndAbstractNamespaceAreUnixSockets() {
        assertTrue(new PgHost("/tmp", 5432).isUnixSocket());
        assertTrue(new PgHost("@pg", 5432).isUnixSocket());
        assertFalse(new PgHost("localhost", 5432).isUnixSocket());
        assertFalse(new PgHost("::1", 5432).isUnixSocket());
    }

    @Test
    void numericAddressMeansTcpEvenForPathLikeHost() {
        assertFalse(new PgHost("/tmp", 5432, "127.0.0.1").isUnixSocket());
    }

    @Test
    void socketPathNamesTheSocketFileForThePort() {
        assertEquals("/tmp/.s.PGSQL.5433", new PgHost("/tmp", 5433).socketPath());
        assertEquals("/tmp/.s.PGSQL.5432", new PgHost("/tmp/", 5432).socketPath());
        assertEquals("@pg/.s.PGSQL.5432", new PgHost("@pg", 5432).socketPath());
        assertThrows(PgInterfaceException.class, () -> new PgHost("db", 5432).socketPath());
    }

    @Test
    void toStringBracketsIpv6AndShowsAddress() {
        assertEquals("[::1]:5432", new PgHost("::1", 5432).toString());
        assertEquals("db:5432 (10.0.0.1)", new PgHost("db", 5432, "10.0.0.1").toString());
    }

    @Test
    void invalidComponentsAreRejected() {
        assertThrows(PgInterfaceException.class, () -> new PgHost("", 5432));
        assertThrows(PgInterfaceException.class, () -> new PgHost("h", 0));
        assertThrows(PgInterfaceException.class, () -> new PgHost("h", 65536));
        assertThrows(NullPointerException.class, () -> new PgHost(null, 5432));
        assertNull(new PgHost("h", 1, "").hostAddress());
    }
}
