package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demo entry point starts a server, tells how to reach it, and cleans up. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PgClusterMainTest {

    @Test
    void exitFlagStartsPrintsConnectionDetailsAndStops() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PgClusterMain.run(new String[] {"--exit"}, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("postgres (PostgreSQL) "), out);
        assertTrue(out.contains("psql \"host=127.0.0.1 port="), out);
        assertTrue(out.contains("jdbc:postgresql://127.0.0.1:"), out);
        assertTrue(out.contains("Stopped and deleted."), out);
    }

    @Test
    void enterStopsTheServer() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PgClusterMain.run(new String[0], new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Press Enter"));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Stopped and deleted."));
    }
}
