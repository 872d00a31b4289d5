package io.pgjet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides which OS user runs PostgreSQL programs and makes files theirs. PostgreSQL refuses
 * to run as root, so a root JVM runs them through {@code runuser -u <user> --} as the user
 * named by {@code -Dpgjet.pg.os.user} (default {@code postgres}); any other JVM runs them as
 * itself. Immutable and thread-safe.
 */
final class OsUser {
    static final String USER_PROPERTY = "pgjet.pg.os.user";

    private static volatile OsUser current;

    private final boolean switching;
    private final String name;
    private final UserPrincipal principal;
    private final String runuser;

    private OsUser(boolean switching, String name, UserPrincipal principal, String runuser) {
        this.switching = switching;
        this.name = name;
        this.principal = principal;
        this.runuser = runuser;
    }

    /**
     * Returns the OS user for this JVM, resolving it on first use.
     *
     * @throws PgClusterException when the JVM runs as root and the unprivileged user or
     *     {@code runuser} is missing; the message says how to fix it
     */
    static OsUser current() {
        OsUser u = current;
        if (u == null) {
            synchronized (OsUser.class) {
                if (current == null) {
                    current = resolve();
                }
                u = current;
            }
        }
        return u;
    }

    private static OsUser resolve() {
        if (!runningAsRoot()) {
            return new OsUser(false, System.getProperty("user.name"), null, null);
        }
        String name = System.getProperty(USER_PROPERTY, "postgres");
        UserPrincipal principal;
        try {
            principal = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (UserPrincipalNotFoundException e) {
            throw new PgClusterException("This JVM runs as root and PostgreSQL refuses to run as root, so PgJet"
                    + " runs it as the OS user '" + name + "', which does not exist. Create it (e.g. `useradd"
                    + " --system --home-dir /nonexistent --shell /usr/sbin/nologin " + name + "`), or set"
                    + " -D" + USER_PROPERTY + "=<an existing unprivileged user>, or run the JVM as a non-root user.");
        } catch (IOException e) {
            throw new PgClusterException("Cannot look up OS user '" + name + "': " + e.getMessage(), e);
        }
        String runuser = Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new PgClusterException("This JVM runs as root, so PgJet runs PostgreSQL as '"
                        + name + "' via runuser, which is not installed. Install util-linux (runuser) or run"
                        + " the JVM as a non-root user."));
        return new OsUser(true, name, principal, runuser);
    }

    private static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the effective uid of this process.
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@return true when programs run as another user than the JVM's (the JVM is root)} */
    boolean switching() {
        return switching;
    }

    /** {@return the name of the OS user that runs PostgreSQL programs} */
    String name() {
        return name;
    }

    /**
     * Returns {@code command} prefixed so that it runs as the server user.
     *
     * @param command program and arguments
     * @return the command itself, or {@code runuser -u <user> -- command} for a root JVM
     */
    List<String> wrap(List<String> command) {
        if (!switching) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(runuser, "-u", name, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Makes {@code path} (and, when it is a directory, everything below it) owned by the
     * server user; does nothing for a non-root JVM, whose files already belong to the user
     * that runs the server.
     *
     * @throws UncheckedIOException when ownership cannot be changed
     */
    void giveOwnership(Path path) {
        if (!switching) {
            return;
        }
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(path)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Files.setOwner(p, principal);
                    }
                }
            } else {
                Files.setOwner(path, principal);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot give " + path + " to OS user " + name, e);
        }
    }

    /**
     * Checks that the server user can reach {@code path}: every ancestor directory must let
     * others through ({@code o+x}) when the server runs as another user than the JVM.
     *
     * @param what what the path is, for the message
     * @throws PgClusterException naming the first ancestor that blocks access
     */
    void checkReachable(Path path, String what) {
        if (!switching) {
            return;
        }
        for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new PgClusterException("The " + what + " " + path + " is not reachable by OS user '"
                            + name + "': " + p + " has mode " + PosixFilePermissions.toString(perms)
                            + ". Point it at a directory under /tmp (see the pgjet.cache.dir and"
                            + " pgjet.clusters.dir system properties).");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
