package io.pgjet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code pgjet demo}, run whole on its own embedded server, as a new user first runs it. */
class DemoCommandTest {

    @Test
    void demoRunsEveryStepSaysWhereItsCodeIsAndWritesFiguresAsNumbers() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // tests run in pgjet-cli/
        String previous = System.getProperty("pgjet.home");
        System.setProperty("pgjet.home", root.toString()); // as the pgjet script sets it
        CommandRun run;
        try {
            run = CommandRun.of("demo");
        } finally {
            if (previous == null) {
                System.clearProperty("pgjet.home");
            } else {
                System.setProperty("pgjet.home", previous);
            }
        }
        assertEquals(0, run.status(), run.toString());
        assertFalse(run.out().contains("FAILED"), run.out());
        // Only the tour's figures: the connect line's generated password may hold "4E5" by chance.
        String tour = run.out().substring(Math.max(0, run.out().indexOf('\u00bb')));
        assertFalse(Pattern.compile("[0-9]E[0-9]").matcher(tour).find(), "a figure in E notation:\n" + run.out());
        assertTrue(run.out().contains("sum of 100,000 scores = 2,499,975,000"), run.out());
        assertTrue(run.out().contains("10,000 rows in "), run.out());
        Matcher code = Pattern.compile("the code of this tour: (\\S+)").matcher(run.out());
        assertTrue(code.find(), run.out());
        assertTrue(Files.isRegularFile(Path.of(code.group(1))), code.group(1));
        assertTrue(Files.readString(Path.of(code.group(1))).contains("class DemoCommand"), code.group(1));
    }

    @Test
    void demoHelpAndTheCommandsUsageMentionKeep() {
        CommandRun help = CommandRun.of("demo", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: pgjet demo [--keep]"), help.out());
        CommandRun usage = CommandRun.of("--help");
        assertEquals(0, usage.status());
        assertTrue(usage.out().contains("demo [--keep]"), usage.out());
    }
}
