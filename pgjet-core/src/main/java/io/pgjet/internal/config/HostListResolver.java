package io.pgjet.internal.config;

import io.pgjet.InvalidDsnException;
import io.pgjet.PgHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns libpq's comma-separated {@code host}, {@code hostaddr} and {@code port} lists into
 * {@link PgHost}s, following libpq's pairing rules.
 *
 * <p>The number of hosts is the length of the {@code host} list, else of the {@code hostaddr}
 * list, else one. A {@code hostaddr} list must have one entry per host. A {@code port} list must
 * have one entry per host, or a single entry that then applies to every host. Empty entries take
 * the default: port 5432; for the host, the {@code hostaddr} entry if there is one, else the first
 * of the probed socket directories that holds {@code .s.PGSQL.<port>}, else {@code localhost}.
 * (libpq uses its compiled-in socket directory without probing; probing lets one default work on
 * Debian-style and upstream installations alike, and on machines with TCP only.)
 */
final class HostListResolver {

    private final SecretRedactor redactor;
    private final List<Path> socketDirectories;

    HostListResolver(SecretRedactor redactor, List<Path> socketDirectories) {
        this.redactor = redactor;
        this.socketDirectories = socketDirectories;
    }

    /**
     * Resolves the host list.
     *
     * @param host     the {@code host} setting, or {@code null}
     * @param hostAddr the {@code hostaddr} setting, or {@code null}
     * @param port     the {@code port} setting, or {@code null}
     * @return one entry per host, in order
     */
    List<PgHost> resolve(Setting host, Setting hostAddr, Setting port) {
        List<String> hosts = host == null ? null : split(host.value());
        List<String> addresses = hostAddr == null ? null : split(hostAddr.value());
        int count = hosts != null ? hosts.size() : addresses != null ? addresses.size() : 1;
        if (addresses != null && addresses.size() != count) {
            throw new InvalidDsnException("could not match " + count + " host names to "
                    + addresses.size() + " hostaddr values");
        }
        List<String> ports = port == null ? List.of("") : split(port.value());
        if (ports.size() != 1 && ports.size() != count) {
            throw new InvalidDsnException("could not match " + ports.size() + " port numbers to "
                    + count + " hosts");
        }
        List<PgHost> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int portNumber = parsePort(ports.get(ports.size() == 1 ? 0 : i), port);
            String address = addresses == null ? "" : addresses.get(i);
            if (!address.isEmpty() && !isNumericAddress(address)) {
                throw new InvalidDsnException(redactor.message("invalid hostaddr", address,
                        " in " + hostAddr.origin() + ": not a numeric IP address"));
            }
            String name = hosts == null ? "" : hosts.get(i);
            if (name.isEmpty()) {
                name = address.isEmpty() ? defaultHost(portNumber) : address;
            }
            result.add(new PgHost(name, portNumber, address.isEmpty() ? null : address));
        }
        return result;
    }

    private static List<String> split(String list) {
        List<String> entries = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            entries.add(entry.strip());
        }
        return entries;
    }

    private int parsePort(String text, Setting origin) {
        if (text.isEmpty()) {
            return PgHost.DEFAULT_PORT;
        }
        boolean digits = text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        int value = digits ? Integer.parseInt(text) : -1;
        if (value < 1 || value > 65535) {
            throw new InvalidDsnException(redactor.message("invalid port", text, " in " + origin.origin()));
        }
        return value;
    }

    private String defaultHost(int port) {
        for (Path dir : socketDirectories) {
            if (Files.exists(dir.resolve(".s.PGSQL." + port))) {
                return dir.toString();
            }
        }
        return "localhost";
    }

    /** Accepts IPv4 dotted quads and IPv6 literals (with an optional zone), without DNS. */
    static boolean isNumericAddress(String address) {
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        int zone = address.indexOf('%');
        String ip = zone >= 0 ? address.substring(0, zone) : address;
        return ip.indexOf(':') >= 0 && ip.matches("[0-9A-Fa-f:.]+") && (zone < 0 || zone + 1 < address.length());
    }
}
