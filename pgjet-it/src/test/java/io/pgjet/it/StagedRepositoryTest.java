package io.pgjet.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stages the published modules, as {@code mvn deploy} lays them out, into a file repository, and
 * builds and runs a user's application that takes PgJet from there only: it imports
 * {@code pgjet-bom}, names {@code pgjet-core} without a version, and queries the shared
 * PostgreSQL server.
 *
 * <p>Two nested Maven runs, both without network: the first deploys the reactor's jars, poms,
 * sources and javadoc jars with maven-deploy-plugin's {@code deploy-file} (the outer build runs
 * {@code verify}, before any deploy, and Maven refuses to deploy offline); the second compiles the
 * application with an empty local repository in which the machine's own local repository stands
 * in for Maven Central, for releases only, so every PgJet artifact (a snapshot) can only come
 * from the staged repository. The test then checks that the pgjet-core jar the application ran
 * with is the staged one, byte for byte.
 */
class StagedRepositoryTest {

    /** Published modules with a jar, in dependency order. */
    private static final List<String> JAR_MODULES =
            List.of("pgjet-protocol", "pgjet-core", "pgjet-testkit", "pgjet-jdbc");

    /** Bound for each nested Maven run; both take seconds on a quiet machine. */
    private static final long MAVEN_TIMEOUT_SECONDS = 150;

    private final Path root = Path.of(System.getProperty("pgjet.root")).toAbsolutePath().normalize();
    private final String version = System.getProperty("pgjet.version");
    private final Path work = root.resolve("pgjet-it/target/staged-repository-test");
    private final Path staging = work.resolve("staging");
    private final Path localRepository = work.resolve("local-repository");
    private final Path settings = work.resolve("settings.xml");

    @Test
    @Timeout(400)
    void applicationBuildsAgainstTheBomAndRunsWithPgjetCoreFromTheStagedRepository() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        writeSettings();

        stage();
        Path coreDir = staging.resolve("io/pgjet/pgjet-core/" + version);
        assertTrue(Files.isRegularFile(coreDir.resolve("maven-metadata.xml")) || !version.endsWith("-SNAPSHOT"),
                "a snapshot deploy writes maven-metadata.xml beside the artifacts");
        for (String module : JAR_MODULES) {
            List<String> files = fileNames(staging.resolve("io/pgjet/" + module + "/" + version));
            for (String suffix : List.of(".pom", "-sources.jar", "-javadoc.jar")) {
                assertTrue(files.stream().anyMatch(f -> f.endsWith(suffix)), module + " staged " + suffix + ": " + files);
            }
        }
        assertFalse(Files.exists(staging.resolve("io/pgjet/pgjet-bench")), "pgjet-bench is not published");

        Path app = writeConsumer();
        Processes.Result build = maven(app, "compile");
        assertEquals(0, build.exitCode(), build.output());

        List<Path> classPath = Arrays.stream(Files.readString(app.resolve("target/classpath.txt")).trim()
                .split(File.pathSeparator)).map(Path::of).collect(Collectors.toList());
        Path coreJar = only(classPath, "pgjet-core-");
        only(classPath, "pgjet-protocol-");
        assertTrue(coreJar.startsWith(localRepository), "pgjet-core resolved into the fresh repository: " + coreJar);
        assertArrayEquals(Files.readAllBytes(root.resolve("pgjet-core/target/pgjet-core-" + version + ".jar")),
                Files.readAllBytes(coreJar), "the application got the staged pgjet-core jar");
        assertTrue(classPath.stream().noneMatch(p -> p.getFileName().toString().startsWith("pgjet-testkit")),
                "only what the application asked for: " + classPath);

        String runPath = app.resolve("target/classes") + File.pathSeparator
                + classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Processes.Result run = Processes.run(List.of(Processes.javaLauncher(), "-cp", runPath, "consumer.App"),
                work, Map.of("PGJET_IT_DSN", PgTestServer.shared().dsn()), 60);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().lines().anyMatch("answer=42"::equals), run.output());
        assertTrue(run.output().lines().anyMatch(("pgjet-core from " + coreJar)::equals), run.output());
    }

    /** Deploys the parent pom, the BOM and each published module's artifacts into {@link #staging}. */
    private void stage() throws Exception {
        Path stager = work.resolve("stager");
        Files.createDirectories(stager.resolve(".mvn")); // its own project root, not this repository's
        StringBuilder executions = new StringBuilder();
        executions.append(deployPom("pgjet-parent", root.resolve("pom.xml")));
        executions.append(deployPom("pgjet-bom", root.resolve("pgjet-bom/pom.xml")));
        for (String module : JAR_MODULES) {
            Path target = root.resolve(module + "/target");
            Path jar = existing(target.resolve(module + "-" + version + ".jar"));
            executions.append("""
                    <execution><id>%s</id><phase>validate</phase><goals><goal>deploy-file</goal></goals>
                      <configuration><file>%s</file><pomFile>%s</pomFile><sources>%s</sources><javadoc>%s</javadoc></configuration>
                    </execution>
                    """.formatted(module, jar, existing(root.resolve(module + "/pom.xml")),
                    existing(target.resolve(module + "-" + version + "-sources.jar")),
                    existing(target.resolve(module + "-" + version + "-javadoc.jar"))));
        }
        Files.writeString(stager.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.pgjet.it</groupId><artifactId>stager</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <build><plugins><plugin>
                    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-deploy-plugin</artifactId><version>3.1.4</version>
                    <configuration><repositoryId>pgjet-staging</repositoryId><url>%s</url></configuration>
                    <executions>
                %s    </executions>
                  </plugin></plugins></build>
                </project>
                """.formatted(staging.toUri(), executions), StandardCharsets.UTF_8);
        Processes.Result result = maven(stager, "validate");
        assertEquals(0, result.exitCode(), result.output());
    }

    private static String deployPom(String id, Path pom) {
        return """
                <execution><id>%s</id><phase>validate</phase><goals><goal>deploy-file</goal></goals>
                  <configuration><file>%s</file><pomFile>%s</pomFile><packaging>pom</packaging></configuration>
                </execution>
                """.formatted(id, existing(pom), pom);
    }

    /** A user's project: the BOM imported, pgjet-core without a version, the staged repository. */
    private Path writeConsumer() throws IOException {
        Path app = work.resolve("consumer");
        Files.createDirectories(app.resolve(".mvn"));
        Files.writeString(app.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId><artifactId>consumer</artifactId><version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <repositories>
                    <repository>
                      <id>pgjet-staging</id><url>%s</url>
                      <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots>
                    </repository>
                  </repositories>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>io.pgjet</groupId><artifactId>pgjet-bom</artifactId><version>%s</version>
                      <type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>io.pgjet</groupId><artifactId>pgjet-core</artifactId></dependency>
                  </dependencies>
                  <build><plugins>
                    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.5.0</version></plugin>
                    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                    <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
                      <executions><execution><id>classpath</id><phase>compile</phase><goals><goal>build-classpath</goal></goals>
                        <configuration><outputFile>target/classpath.txt</outputFile><includeScope>runtime</includeScope></configuration>
                      </execution></executions>
                    </plugin>
                  </plugins></build>
                </project>
                """.formatted(staging.toUri(), version), StandardCharsets.UTF_8);
        Path source = app.resolve("src/main/java/consumer/App.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package consumer;

                import io.pgjet.Connection;
                import io.pgjet.PgJet;
                import java.nio.file.Path;

                public final class App {
                    public static void main(String[] args) throws Exception {
                        try (Connection conn = PgJet.connect(System.getenv("PGJET_IT_DSN"))) {
                            Integer answer = conn.fetchVal("select $1::int * 2", 21);
                            System.out.println("answer=" + answer);
                        }
                        System.out.println("pgjet-core from "
                                + Path.of(PgJet.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
                    }
                }
                """, StandardCharsets.UTF_8);
        return app;
    }

    /**
     * Settings for both nested runs: the machine's local repository, read as a remote file
     * repository under the id {@code central}, serves releases (plugins, Netty); nothing goes to
     * the network, and no snapshot (so no PgJet artifact) comes from there.
     */
    private void writeSettings() throws IOException {
        String central = Path.of(System.getProperty("pgjet.repo.local")).toUri().toString();
        String policies = "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(settings, """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>%s</localRepository>
                  <profiles><profile><id>machine-repository-as-central</id>
                    <repositories><repository><id>central</id><url>%s</url>%s</repository></repositories>
                    <pluginRepositories><pluginRepository><id>central</id><url>%s</url>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>machine-repository-as-central</activeProfile></activeProfiles>
                </settings>
                """.formatted(localRepository, central, policies, central, policies), StandardCharsets.UTF_8);
    }

    private Processes.Result maven(Path project, String phase) throws IOException, InterruptedException {
        Path mvn = Path.of(System.getProperty("pgjet.maven.home"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-e", "-s", settings.toString(),
                "-Dmaven.repo.local=" + localRepository, phase));
        return Processes.run(command, project, Map.of("JAVA_HOME", System.getProperty("java.home")),
                MAVEN_TIMEOUT_SECONDS);
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: build the published modules in the same run"
                    + " (./mvnw -B -pl pgjet-it -am verify)");
        }
        return file;
    }

    private static Path only(List<Path> classPath, String prefix) {
        List<Path> matches = classPath.stream().filter(p -> p.getFileName().toString().startsWith(prefix))
                .collect(Collectors.toList());
        assertEquals(1, matches.size(), prefix + " on the class path: " + classPath);
        return matches.get(0);
    }

    private static List<String> fileNames(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), dir + " staged");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
