package io.pgjet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.ConnectionConfig;
import io.pgjet.testkit.PgTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pgjet soak}, bounded: every verb under faults on both transports. The command's exit
 * status 0 means no untyped failure, no wrong answer or hang, no lost or partial batch, the pool
 * recovered, and no thread, descriptor, direct memory, server session or Netty buffer left.
 *
 * <p>Bounded by count and time: {@code -Dpgjet.soak.seconds} (default 4, per transport) and
 * {@code -Dpgjet.soak.operations} (default 4000, per transport), whichever comes first.
 */
class SoakCommandTest {
    private static final long SECONDS = Long.getLong("pgjet.soak.seconds", 4);
    private static final long OPERATIONS = Long.getLong("pgjet.soak.operations", 4_000);
    private static final String[] VERBS = {"fetchVal", "fetch", "executeMany-tx", "copyIn", "copyOut", "cursor",
        "stream", "prepared", "pipelined-async", "listen-notify", "savepoint", "timeout-cancel", "sqlError", "rollback"};

    @Test
    void everyVerbUnderFaultsOnBothTransportsLosesNothingLeaksNothingAndThePoolRecovers(@TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("soak.json");
        CommandRun run = CommandRun.of("soak", "--seconds", String.valueOf(2 * SECONDS), "--operations",
                String.valueOf(OPERATIONS), "--dsn", PgTestServer.shared().dsn(), "--json", json.toString());
        System.out.print(run.out());
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("result: clean"), run::toString);

        String report = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(report.endsWith("\"clean\":true}\n"), report);
        String[] transports = report.split("\\{\"transport\":");
        assertEquals(3, transports.length, report); // the head, BLOCKING, NETTY
        for (int t = 1; t < transports.length; t++) {
            String section = transports[t];
            for (String verb : VERBS) {
                Matcher ok = Pattern.compile("\"" + Pattern.quote(verb) + "\":\\{\"ok\":(\\d+)").matcher(section);
                assertTrue(ok.find(), verb + " missing: " + section);
                assertTrue(Long.parseLong(ok.group(1)) > 0, "no " + verb + " succeeded: " + section);
            }
            assertTrue(section.contains("\"untyped\":{}"), section);
            assertTrue(section.contains("\"findings\":{}"), section);
            assertTrue(section.contains("\"lost\":0,\"partial\":0,\"rolledBackRows\":0"), section);
            assertTrue(section.contains("\"poolRecovered\":true"), section);
            assertTrue(section.contains("\"sessionsLeft\":0,\"nettyLeakReports\":0"), section);
            assertTrue(section.contains("\"problems\":[]"), section);
        }
    }

    @Test
    void theReportNamesServerAndUserButNeverThePassword() {
        ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn());
        CommandRun run = CommandRun.of("soak", "--seconds", "1", "--operations", "20", "--transport", "netty",
                "--workers", "1", "--dsn", PgTestServer.shared().dsn());
        assertEquals(0, run.status(), run::toString);
        String password = PgTestServer.shared().password();
        assertFalse(password.isEmpty(), "the test server has a password");
        assertFalse(run.out().contains(password) || run.err().contains(password), "the password was printed");
        assertTrue(run.out().contains("as " + config.user()), run::toString);
    }

    @Test
    void aBadOptionIsAUsageErrorAndHelpListsTheOptions() {
        CommandRun bad = CommandRun.of("soak", "--transport", "carrier-pigeon");
        assertEquals(2, bad.status(), bad::toString);
        assertTrue(bad.err().contains("--transport is blocking, netty or both"), bad::toString);
        CommandRun zero = CommandRun.of("soak", "--minutes", "0");
        assertEquals(2, zero.status(), zero::toString);
        CommandRun help = CommandRun.of("soak", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--minutes N") && help.out().contains("--dsn URI"), help::toString);
        assertTrue(Main.usage().contains("soak [--minutes N"), Main.usage());
    }
}
