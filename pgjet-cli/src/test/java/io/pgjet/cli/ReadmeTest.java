package io.pgjet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user copies from the README works: the first example compiles, links and coordinates hold. */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // tests run in pgjet-cli/

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void firstExampleCompilesAsWritten(@TempDir Path dir) throws IOException {
        String readme = readme();
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(readme.indexOf("## Using it")));
        assertTrue(block.find(), "no java block after '## Using it'");
        Matcher name = Pattern.compile("public class (\\w+)").matcher(block.group(1));
        assertTrue(name.find(), "the first example is a whole class:\n" + block.group(1));
        Path source = dir.resolve(name.group(1) + ".java");
        Files.writeString(source, block.group(1));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = javac.getTask(messages, null, null,
                List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:-path"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        assertTrue(compiled, messages.toString());
        assertEquals("", messages.toString());
    }

    @Test
    void everyLocalLinkStaysInTheRepositoryAndExists() throws IOException {
        String readme = readme();
        assertFalse(readme.contains("../"), "the README points outside the repository");
        Matcher link = Pattern.compile("\\]\\(([^)#]+)[^)]*\\)").matcher(readme);
        int local = 0;
        while (link.find()) {
            String target = link.group(1);
            if (!target.startsWith("http://") && !target.startsWith("https://")) {
                local++;
                Path file = ROOT.resolve(target).normalize();
                assertTrue(file.startsWith(ROOT) && Files.exists(file), "broken link " + target);
            }
        }
        assertTrue(local > 0, "found no local links to check");
    }

    @Test
    void mavenCoordinatesNameThisVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>pgjet-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(version.find());
        String readme = readme();
        assertTrue(readme.contains("<artifactId>pgjet-bom</artifactId>\n      <version>" + version.group(1) + "</version>"),
                "README's Maven BOM import does not name version " + version.group(1));
        assertTrue(readme.contains("platform(\"io.pgjet:pgjet-bom:" + version.group(1) + "\")"),
                "README's Gradle platform does not name version " + version.group(1));
        assertTrue(readme.contains("./mvnw -B -DskipTests deploy -DaltDeploymentRepository=local::file:target/staging"),
                "README does not say how to get the artifacts before a release");
    }
}
