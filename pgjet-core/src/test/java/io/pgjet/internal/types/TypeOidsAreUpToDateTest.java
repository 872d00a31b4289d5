package io.pgjet.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgjet.testkit.PgTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class TypeOidsAreUpToDateTest {
    private static final Path SOURCE = Path.of("src/main/java/io/pgjet/internal/types/TypeOids.java");

    @Test
    void committedTableMatchesTheServerCatalog() throws Exception {
        String expected;
        try (Connection c = DriverManager.getConnection(PgTestServer.shared().jdbcUrl())) {
            expected = TypeOidsGenerator.render(c);
        }
        if (Boolean.getBoolean("pgjet.regenerate")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(SOURCE) ? Files.readString(SOURCE, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "TypeOids.java is stale: rerun with -Dpgjet.regenerate=true");
    }
}
