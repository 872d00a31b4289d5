package io.pgjet.internal.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What libpq reads from the process it runs in: environment variables, the OS user name, where
 * the password file and client certificates live, and which unix socket directories to probe for
 * a default host. Tests pass their own instead of {@link #system()}.
 *
 * @param variables            environment variables
 * @param osUser               the operating system user name, the default database user
 * @param defaultPassfile      the password file used when neither {@code passfile} nor
 *                             {@code PGPASSFILE} is set, or {@code null}
 * @param certificateDirectory the directory holding default client certificate, key and root
 *                             certificate files ({@code ~/.postgresql}), or {@code null}
 * @param socketDirectories    directories probed, in order, for {@code .s.PGSQL.<port>} when no
 *                             host is given
 */
public record ClientEnvironment(
        Map<String, String> variables,
        String osUser,
        Path defaultPassfile,
        Path certificateDirectory,
        List<Path> socketDirectories) {

    /** The socket directories probed by default: Debian's and upstream PostgreSQL's. */
    public static final List<Path> DEFAULT_SOCKET_DIRECTORIES =
            List.of(Path.of("/var/run/postgresql"), Path.of("/tmp"));

    /**
     * Copies the collections.
     *
     * @param variables            environment variables
     * @param osUser               the operating system user name
     * @param defaultPassfile      the default password file, or {@code null}
     * @param certificateDirectory the default certificate directory, or {@code null}
     * @param socketDirectories    socket directories to probe for a default host
     */
    public ClientEnvironment {
        variables = Map.copyOf(variables);
        socketDirectories = List.copyOf(socketDirectories);
    }

    /**
     * Describes a POSIX-style environment rooted at a home directory: the password file is
     * {@code <home>/.pgpass} and certificates live in {@code <home>/.postgresql}.
     *
     * @param variables         environment variables
     * @param osUser            the OS user name
     * @param home              the home directory, or {@code null} if unknown
     * @param socketDirectories socket directories to probe for a default host
     * @return the environment
     */
    public static ClientEnvironment forHome(
            Map<String, String> variables, String osUser, Path home, List<Path> socketDirectories) {
        return new ClientEnvironment(variables, osUser,
                home == null ? null : home.resolve(".pgpass"),
                home == null ? null : home.resolve(".postgresql"),
                socketDirectories);
    }

    /**
     * Describes the running process. The home directory is {@code $HOME} if set (as in libpq),
     * else the JVM's {@code user.home}; on Windows the password file is
     * {@code %APPDATA%\postgresql\pgpass.conf} and certificates live in
     * {@code %APPDATA%\postgresql}, and no socket directory is probed.
     *
     * @return the environment of this process
     */
    public static ClientEnvironment system() {
        Map<String, String> env = System.getenv();
        String user = System.getProperty("user.name", "");
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path dir = appData == null || appData.isEmpty() ? null : Path.of(appData, "postgresql");
            return new ClientEnvironment(env, user, dir == null ? null : dir.resolve("pgpass.conf"), dir, List.of());
        }
        String home = env.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        Path homeDir = home == null || home.isEmpty() ? null : Path.of(home);
        return forHome(env, user, homeDir, DEFAULT_SOCKET_DIRECTORIES);
    }

    /**
     * Returns an environment variable, treating an empty value as unset.
     *
     * @param name the variable name
     * @return the value, or {@code null}
     */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
