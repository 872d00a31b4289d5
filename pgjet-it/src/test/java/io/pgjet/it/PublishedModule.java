package io.pgjet.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A published PgJet module as this test JVM sees it: its artifact, its JPMS name, the class it
 * is found by, and where its classes are (a jar after {@code package}, a class directory before).
 */
enum PublishedModule {
    PROTOCOL("pgjet-protocol", "io.pgjet.protocol", io.pgjet.protocol.FrontendMessages.class),
    CORE("pgjet-core", "io.pgjet", io.pgjet.PgJet.class),
    TESTKIT("pgjet-testkit", "io.pgjet.testkit", io.pgjet.testkit.PgTestServer.class),
    JDBC("pgjet-jdbc", "io.pgjet.jdbc", io.pgjet.jdbc.PgJetDriver.class),
    R2DBC("pgjet-r2dbc", "io.pgjet.r2dbc", io.pgjet.r2dbc.PgJetConnectionFactory.class),
    MICROMETER("pgjet-micrometer", "io.pgjet.micrometer", io.pgjet.micrometer.PgJetObservationListener.class),
    OPENTELEMETRY("pgjet-opentelemetry", "io.pgjet.opentelemetry", io.pgjet.opentelemetry.PgJetTelemetry.class);

    final String artifactId;
    final String moduleName;
    private final Class<?> anchor;

    PublishedModule(String artifactId, String moduleName, Class<?> anchor) {
        this.artifactId = artifactId;
        this.moduleName = moduleName;
        this.anchor = anchor;
    }

    /** The jar or class directory this module's classes are loaded from. */
    Path location() {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class loader that loaded this module's classes. */
    ClassLoader loader() {
        return anchor.getClassLoader();
    }

    /** Whether a package is public API: every package without an {@code internal} segment. */
    static boolean isPublicPackage(String packageName) {
        return !("." + packageName + ".").contains(".internal.");
    }

    /** Binary names of every class in this module, sorted (module-info and package-info left out). */
    List<String> classNames() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Path location = location();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> location.relativize(f).toString().replace('\\', '/'))
                        .forEach(entry -> addClass(names, entry));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    addClass(names, entry.getName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** Packages of this module that hold classes, sorted. */
    List<String> packages() throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        for (String name : classNames()) {
            packages.add(name.substring(0, name.lastIndexOf('.')));
        }
        return new ArrayList<>(packages);
    }

    private static void addClass(TreeSet<String> names, String entry) {
        if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")
                || entry.endsWith("package-info.class")) {
            return;
        }
        names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }
}
