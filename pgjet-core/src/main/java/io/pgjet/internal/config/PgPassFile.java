package io.pgjet.internal.config;

import io.pgjet.PgHost;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Looks up passwords in a libpq password file ({@code ~/.pgpass}).
 *
 * <p>Each line is {@code hostname:port:database:username:password}. A field that is exactly
 * {@code *} matches anything; {@code \:} and {@code \\} escape a colon and a backslash; lines
 * starting with {@code #} are comments; the first matching line wins. The host field is compared
 * with the host name (or, for unix sockets, the socket directory, where the default directories
 * also match {@code localhost}). As in libpq, on POSIX file systems the file is ignored, with a
 * warning, when it grants any access to group or others, or is not a regular file; a missing file
 * is silently ignored. Warnings name the file, never a password.
 *
 * <p>The file is read on every lookup, so an edited file takes effect for the next connection.
 * This is blocking file I/O. Stateless and thread-safe.
 */
public final class PgPassFile {

    private static final System.Logger LOG = System.getLogger(PgPassFile.class.getName());

    /** Socket directories that count as {@code localhost}: libpq's default socket directories. */
    static final List<String> DEFAULT_SOCKET_DIRECTORIES = List.of("/var/run/postgresql", "/tmp");

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PgPassFile() {
    }

    /**
     * Returns the password of the first line matching a connection.
     *
     * @param file     the password file, or {@code null}
     * @param host     the host connected to
     * @param database the database name
     * @param user     the user name
     * @return the password, or {@code null} if the file is missing, unsafe, unreadable or has no
     *         matching line with a non-empty password
     */
    public static String lookup(Path file, PgHost host, String database, String user) {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            LOG.log(Level.WARNING, "password file \"{0}\" is not a plain file; ignoring it", file);
            return null;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                LOG.log(Level.WARNING, "password file \"{0}\" has group or world access; permissions "
                        + "should be u=rw (0600) or less; ignoring it", file);
                return null;
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): libpq does not check there either.
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot check permissions of password file \"{0}\": {1}; ignoring it",
                    file, e.getMessage());
            return null;
        }
        String content;
        try {
            content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read password file \"{0}\": {1}; ignoring it", file, e.getMessage());
            return null;
        }
        return find(content, hostForMatching(host), Integer.toString(host.port()), database, user);
    }

    /**
     * Returns the password of the first line of {@code content} matching the given values.
     *
     * @param content  the file content
     * @param host     the host field value to match
     * @param port     the port field value to match
     * @param database the database name
     * @param user     the user name
     * @return the unescaped password, or {@code null} if no line matches or the matching password
     *         is empty
     */
    static String find(String content, String host, String port, String database, String user) {
        String[] values = {host, port, database, user};
        for (String line : content.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int position = 0;
            for (String value : values) {
                position = matchField(line, position, value);
                if (position < 0) {
                    break;
                }
            }
            if (position >= 0) {
                String password = unescapeUntilColon(line, position);
                return password.isEmpty() ? null : password;
            }
        }
        return null;
    }

    /** The host field a connection matches: the host, or {@code localhost} for default sockets. */
    static String hostForMatching(PgHost host) {
        String name = host.host();
        if (host.isUnixSocket()) {
            String dir = name.length() > 1 && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (DEFAULT_SOCKET_DIRECTORIES.contains(dir)) {
                return "localhost";
            }
        }
        return name;
    }

    /**
     * Matches the field starting at {@code start} against {@code value}.
     *
     * @return the index after the field's terminating colon, or -1 if it does not match or is the
     *         last field of the line
     */
    private static int matchField(String line, int start, String value) {
        if (line.startsWith("*:", start)) {
            return start + 2;
        }
        int i = start;
        int matched = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ':') {
                return matched == value.length() ? i + 1 : -1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                c = line.charAt(++i);
            }
            if (matched >= value.length() || value.charAt(matched) != c) {
                return -1;
            }
            matched++;
            i++;
        }
        return -1;
    }

    private static String unescapeUntilColon(String line, int start) {
        StringBuilder out = new StringBuilder();
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':') {
                break;
            }
            if (c == '\\' && i + 1 < line.length()) {
                c = line.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
