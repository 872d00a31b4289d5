package io.pgjet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given to the runner in a DSN never reaches its output: the console lines, the
 * text, JSON and Markdown reports (which echo the arguments), the charts and error messages,
 * for {@code --dsn URI} and {@code --dsn=URI}, and for keyword/value DSNs too.
 */
class BenchRedactionTest {

    @Test
    void dsnPasswordsAreRedactedInUriAndKeywordForms() {
        assertEquals("postgresql://app:<redacted>@db:5432/x?sslmode=disable",
                DsnRedaction.redact("postgresql://app:s3cr%40t@db:5432/x?sslmode=disable"));
        assertEquals("--dsn=postgres://app:<redacted>@db/x", DsnRedaction.redact("--dsn=postgres://app:a@b@db/x"));
        assertEquals("postgresql://db:5432/x", DsnRedaction.redact("postgresql://db:5432/x"), "no password, unchanged");
        assertEquals("postgresql://app@db/x?password=<redacted>&sslmode=require",
                DsnRedaction.redact("postgresql://app@db/x?password=hunter2&sslmode=require"));
        assertEquals("host=db password=<redacted> user=app", DsnRedaction.redact("host=db password=hunter2 user=app"));
        assertEquals("host=db password = <redacted> user=app",
                DsnRedaction.redact("host=db password = 'hunter \\' 2' user=app"));
        assertEquals("--dsn=password=<redacted> sslpassword=<redacted>",
                DsnRedaction.redact("--dsn=password=hunter2 sslpassword=keypass"));
        assertEquals("user=app passwordless=yes", DsnRedaction.redact("user=app passwordless=yes"));
    }

    @Test
    void aRunWithAPasswordInItsDsnPrintsAndWritesItNowhere(@TempDir Path out) throws Exception {
        PgServer server = PgTestServer.shared();
        String password = server.password();
        assertFalse(password.isEmpty(), "the shared server has a password");
        String dsn = "postgresql://" + server.user() + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@"
                + server.host() + ":" + server.port() + "/" + server.database() + "?sslmode=disable";
        List<String> said = new CopyOnWriteArrayList<>();
        for (String[] args : List.of(
                new String[] {"--smoke", "--workload", "select1", "--drivers", "pgjet,pgjdbc", "--no-pgbench",
                    "--seconds", "0.2", "--warmup", "0.1", "--dsn", dsn, "--out", out.resolve("a").toString()},
                new String[] {"--smoke", "--workload=select1", "--drivers=pgjet", "--no-pgbench", "--seconds=0.2",
                    "--warmup=0.1", "--dsn=" + dsn, "--out=" + out.resolve("b")})) {
            BenchOptions options = BenchOptions.parse(args);
            BenchTarget target = BenchTarget.fromUri(dsn);
            assertEquals(password, target.password(), "the runner itself still has the password");
            said.add("server: " + target);
            said.add("arguments: " + options.arguments());
            Report report = new Bench(options, target, line -> said.add(DsnRedaction.redact(line))).run();
            assertTrue(report.results().stream().anyMatch(CaseResult::ok), "the run measured something");
            for (Path file : BenchMain.write(report, options.out())) {
                said.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        // an invalid --dsn: the message the runner prints
        for (String bad : List.of("host=h password=" + password, "mysql://u:" + password + "@h/db",
                "postgresql://u:" + password + "@h/db?sslmode=verify-full")) {
            try {
                BenchTarget.fromUri(bad);
                said.add("accepted " + DsnRedaction.redact(bad));
            } catch (IllegalArgumentException e) {
                said.add("pgjet bench: " + DsnRedaction.redact(e.getMessage()));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String s : said) {
            if (s.contains(password) || s.contains(URLEncoder.encode(password, StandardCharsets.UTF_8))) {
                leaks.add(s.length() > 300 ? s.substring(0, 300) + "..." : s);
            }
        }
        assertEquals(List.of(), leaks, "output showing the password");
        assertTrue(said.stream().anyMatch(s -> s.contains("postgresql://" + server.user() + ":<redacted>@")),
                "the reports echo the --dsn argument, redacted");
    }
}
