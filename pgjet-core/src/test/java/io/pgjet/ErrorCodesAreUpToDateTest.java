package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fails when someone edits generated code by hand or changes errcodes.txt without regenerating. */
class ErrorCodesAreUpToDateTest {

    private static final Path ERRCODES = Path.of("src/build/errcodes.txt");
    private static final Path COMMITTED = Path.of("src/main/java/io/pgjet/errors");
    private static final String HOW_TO_FIX = "; run `java pgjet-core/src/test/java/io/pgjet/ErrorCodesGenerator.java`"
            + " from the repository root";

    @Test
    void committedErrorClassesEqualGeneratorOutput(@TempDir Path out) throws IOException {
        ErrorCodesGenerator.main(new String[] {ERRCODES.toString(), out.toString()});
        Path generated = out.resolve("io/pgjet/errors");

        Set<String> expected = fileNames(generated);
        Set<String> actual = fileNames(COMMITTED);
        assertEquals(expected, actual, "io.pgjet.errors has missing or extra files" + HOW_TO_FIX);
        List<String> differing = new ArrayList<>();
        for (String name : expected) {
            if (!Files.readString(generated.resolve(name), StandardCharsets.UTF_8)
                    .equals(Files.readString(COMMITTED.resolve(name), StandardCharsets.UTF_8))) {
                differing.add(name);
            }
        }
        assertEquals(List.of(), differing, "generated sources differ from the generator's output" + HOW_TO_FIX);
    }

    @Test
    void errcodesKeepsPostgresqlCopyrightHeader() throws IOException {
        String header = Files.readString(ERRCODES, StandardCharsets.UTF_8).lines().limit(6)
                .collect(Collectors.joining("\n"));
        assertTrue(header.contains("PostgreSQL error codes"), header);
        assertTrue(header.contains("PostgreSQL Global Development Group"), header);
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
