package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's main class in a child JVM, for settings PgJet reads once per JVM (transport, I/O
 * threads), and returns the last line it printed.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with the test's class path, {@code systemProperties} (as
     * {@code -Dname=value} strings) and {@code args}; fails the test unless it exits with 0
     * within 60 s.
     */
    static String lastLine(Class<?> mainClass, List<String> systemProperties, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(systemProperties);
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output;
        try (InputStream in = child.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish: " + output);
        assertEquals(0, child.exitValue(), output);
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
