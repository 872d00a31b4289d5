package io.pgjet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgJet;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.testkit.PgTestServer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a small modular application ({@code module app { requires io.pgjet; }}) against
 * pgjet-core's and pgjet-protocol's jars and runs it with {@code java --module-path} against the
 * shared PostgreSQL server: proves that the module descriptors resolve with Netty's own modules,
 * that the public packages are exported and the internal ones are not, and that record mapping
 * works for a record in an exported package and for a non-public one in a package opened to
 * {@code io.pgjet}, as module-info.java of pgjet-core documents.
 */
class ModulePathApplicationTest {

    /** The platform module holding Netty's epoll library: resolved only when asked for. */
    private static final String EPOLL_NATIVE_MODULE = "io.netty.transport.epoll.linux.x86_64";

    @TempDir
    Path work;

    @Test
    @Timeout(180)
    void modularApplicationQueriesPostgresqlThroughExportedPackagesOnly() throws Exception {
        String modulePath = pgjetModulePath();
        Path sources = writeApplication(work.resolve("src"));
        Path classes = work.resolve("classes");
        compile(sources, classes, modulePath);

        List<String> command = new ArrayList<>(List.of(Processes.javaLauncher(),
                "-Dio.netty.leakDetection.level=paranoid",
                "--module-path", classes + File.pathSeparator + modulePath));
        if (onLinuxX86()) {
            command.addAll(List.of("--add-modules", EPOLL_NATIVE_MODULE));
        }
        command.addAll(List.of("-m", "app/app.Main"));
        // The DSN travels in the environment: it may hold a password, which a command line shows.
        Processes.Result run = Processes.run(command, work,
                Map.of("PGJET_IT_DSN", PgTestServer.shared().dsn()), 120);

        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = run.output().lines().collect(Collectors.toList());
        assertTrue(lines.contains("module io.pgjet named=true"), run.output());
        assertTrue(lines.contains("module io.pgjet.protocol named=true"), run.output());
        assertTrue(lines.contains("exports [io.pgjet, io.pgjet.errors, io.pgjet.observe, io.pgjet.replication, io.pgjet.types]"), run.output());
        assertTrue(lines.contains("internal exported=false"), run.output());
        assertTrue(lines.contains("internal access=IllegalAccessException"), run.output());
        assertTrue(lines.contains("fetchVal=42"), run.output());
        assertTrue(lines.contains("async fetchVal=7"), run.output());
        assertTrue(lines.contains("public record=[Item[id=1, name=a], Item[id=2, name=b]]"), run.output());
        assertTrue(lines.contains("opened record=[Hidden[id=3]]"), run.output());
        if (onLinuxX86()) {
            assertTrue(lines.contains("epoll=true"), run.output());
        }
    }

    private static boolean onLinuxX86() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    /**
     * pgjet-core and pgjet-protocol (jars after {@code package}, class directories with their
     * module-info.class before) and every Netty jar this test's class path holds.
     */
    private static String pgjetModulePath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        entries.add(location(PgJet.class));
        entries.add(location(FrontendMessages.class));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("netty-"))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static void compile(Path sources, Path classes, String modulePath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(classes);
        // An explicit (empty) class path: the in-process compiler would otherwise take this test
        // JVM's class path, and the application must see the module path alone.
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror",
                "--module-path", modulePath, "--class-path", classes.toString(), "-d", classes.toString()));
        try (var files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        }
        var errors = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8));
    }

    private static Path writeApplication(Path src) throws IOException {
        write(src.resolve("module-info.java"), """
                module app {
                    requires io.pgjet;
                    exports app;
                    opens app.opened to io.pgjet;
                }
                """);
        write(src.resolve("app/Item.java"), """
                package app;

                /** A row of the query below. */
                public record Item(int id, String name) {
                }
                """);
        write(src.resolve("app/opened/Hidden.java"), """
                package app.opened;

                record Hidden(int id) {
                }
                """);
        write(src.resolve("app/opened/Opened.java"), """
                package app.opened;

                import io.pgjet.Connection;

                /** Maps rows to a record that is not public, in a package opened to io.pgjet. */
                public final class Opened {
                    private Opened() {
                    }

                    /** Returns the mapped rows as text. */
                    public static String fetch(Connection conn) {
                        return conn.fetch(Hidden.class, "select 3 as id").toString();
                    }
                }
                """);
        write(src.resolve("app/Main.java"), """
                package app;

                import io.pgjet.AsyncConnection;
                import io.pgjet.Connection;
                import io.pgjet.PgJet;
                import java.lang.module.ModuleDescriptor;
                import java.util.TreeSet;

                /** Prints what the module system and PostgreSQL answer, one fact a line. */
                public final class Main {
                    private Main() {
                    }

                    /** Runs the checks against the server named by PGJET_IT_DSN. */
                    public static void main(String[] args) throws Exception {
                        Module core = PgJet.class.getModule();
                        System.out.println("module " + core.getName() + " named=" + core.isNamed());
                        Module protocol = ModuleLayer.boot().findModule("io.pgjet.protocol").orElseThrow();
                        System.out.println("module " + protocol.getName() + " named=" + protocol.isNamed());
                        TreeSet<String> exports = new TreeSet<>();
                        for (ModuleDescriptor.Exports e : core.getDescriptor().exports()) {
                            exports.add(e.source() + (e.isQualified() ? " to " + e.targets() : ""));
                        }
                        System.out.println("exports " + exports);
                        System.out.println("internal exported=" + core.isExported("io.pgjet.internal.conn"));
                        try {
                            // Access is checked before the receiver's type: a non-exported package fails first.
                            Class.forName("io.pgjet.internal.conn.RealConnection").getMethod("close").invoke("x");
                            System.out.println("internal access=allowed");
                        } catch (IllegalAccessException e) {
                            System.out.println("internal access=IllegalAccessException");
                        }
                        String dsn = System.getenv("PGJET_IT_DSN");
                        try (Connection conn = PgJet.connect(dsn)) {
                            Integer v = conn.fetchVal("select $1::int + 1", 41);
                            System.out.println("fetchVal=" + v);
                            System.out.println("public record=" + conn.fetch(Item.class,
                                    "select * from (values (1, 'a'), (2, 'b')) v(id, name) order by id"));
                            System.out.println("opened record=" + app.opened.Opened.fetch(conn));
                        }
                        AsyncConnection async = PgJet.connectAsync(dsn).join();
                        try {
                            Integer v = async.<Integer>fetchVal("select $1::int", 7).join();
                            System.out.println("async fetchVal=" + v);
                        } finally {
                            async.close();
                        }
                        Object epoll = Class.forName("io.netty.channel.epoll.Epoll").getMethod("isAvailable").invoke(null);
                        System.out.println("epoll=" + epoll);
                    }
                }
                """);
        return src;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
