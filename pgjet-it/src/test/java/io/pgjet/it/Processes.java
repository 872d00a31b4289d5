package io.pgjet.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a child process (java, mvn) with a time limit and returns its combined output. */
final class Processes {

    /** What a finished child process printed, and how it ended. */
    record Result(int exitCode, String output) {
    }

    private Processes() {
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to a cleaned environment, and waits
     * at most {@code timeoutSeconds}; a child that runs longer is killed and the test fails, so a
     * hung child never hangs the build. Output goes to a file (no pipe to fill up) and is returned.
     */
    static Result run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "process-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The outer build's Maven options (a CI job may point MAVEN_OPTS at another local
        // repository) must not reach the nested builds, which choose their own.
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after " + timeoutSeconds + " s, killed: "
                    + String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The {@code java} launcher of the JDK running this test. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
