package io.pgjet.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the committed {@code TypeOids.java} against the server catalog: exactly when the server
 * is the release the table was generated from (or newer: then the table is stale), and on an
 * older supported server that every built-in type the server has is in the table with the same
 * name and array type (types added later, such as multiranges on 13, are simply absent there).
 */
class TypeOidsAreUpToDateTest {
    private static final Path SOURCE = Path.of("src/main/java/io/pgjet/internal/types/TypeOids.java");
    private static final Pattern GENERATED_FROM = Pattern.compile("^// of PostgreSQL (\\d+)\\.", Pattern.MULTILINE);

    @Test
    void committedTableMatchesTheServerCatalog() throws Exception {
        try (Connection c = DriverManager.getConnection(PgTestServer.shared().jdbcUrl())) {
            String actual = Files.exists(SOURCE) ? Files.readString(SOURCE, StandardCharsets.UTF_8) : "";
            int tableMajor = generatedFrom(actual);
            int serverMajor = ServerVersion.major(c);
            if (serverMajor >= tableMajor) {
                String expected = TypeOidsGenerator.render(c);
                if (Boolean.getBoolean("pgjet.regenerate")) {
                    Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
                    actual = expected;
                }
                assertEquals(expected, actual, "TypeOids.java is stale: rerun with -Dpgjet.regenerate=true");
            } else {
                assertFalse(Boolean.getBoolean("pgjet.regenerate"), "TypeOids.java is generated from PostgreSQL "
                        + tableMajor + ": regenerate it against that release or a newer one, not " + serverMajor);
                olderServerAgreesWithTable(c, serverMajor);
            }
        }
    }

    private static void olderServerAgreesWithTable(Connection c, int serverMajor) throws Exception {
        List<TypeOidsGenerator.CatalogType> catalog = TypeOidsGenerator.catalog(c);
        assertTrue(catalog.size() > 100, "catalog query found " + catalog.size() + " types");
        List<String> missing = new ArrayList<>();
        for (TypeOidsGenerator.CatalogType t : catalog) {
            int oid = (int) t.oid();
            if (!TypeOids.isBuiltIn(oid)) {
                missing.add(t.name() + " (" + t.oid() + ")");
                continue;
            }
            String where = "PostgreSQL " + serverMajor + " type " + t.name() + " (" + t.oid() + ")";
            assertEquals(t.name(), TypeOids.name(oid), "name of " + where);
            assertEquals(t.arrayOid(), Integer.toUnsignedLong(TypeOids.arrayOf(oid)), "array type of " + where);
        }
        assertEquals(List.of(), missing, "built-in types of PostgreSQL " + serverMajor + " missing from TypeOids.java");
    }

    /** Returns the major version named in the generated header, or 0 when there is none (no file yet). */
    private static int generatedFrom(String source) {
        Matcher m = GENERATED_FROM.matcher(source);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
