package io.pgjet.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks a {@code .tar.xz} into a directory, keeping executable bits, symbolic and hard
 * links. Entries that would land outside the target are refused. Stateless.
 */
final class TxzUnpacker {
    private TxzUnpacker() {
    }

    /**
     * Unpacks {@code txz} into {@code dest}, which must exist. Directories end up {@code 0755}
     * and files readable by everyone, so that an unprivileged server user can run them.
     *
     * @throws IOException on a read or write failure or an entry escaping {@code dest}
     */
    static void unpack(InputStream txz, Path dest) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        List<TarArchiveEntry> hardLinks = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(txz, 1 << 16)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = inside(root, e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Path link = Path.of(e.getLinkName());
                    if (link.isAbsolute() || !target.getParent().resolve(link).normalize().startsWith(root)) {
                        throw new IOException("Symbolic link escapes the target directory: " + e.getName());
                    }
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, link);
                } else if (e.isLink()) {
                    hardLinks.add(e); // the link target may come later in the archive
                } else if (e.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, filePermissions(e.getMode()));
                }
            }
        }
        for (TarArchiveEntry e : hardLinks) {
            Path target = inside(root, e.getName());
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createLink(target, inside(root, e.getLinkName()));
        }
        Set<PosixFilePermission> dirPerms = java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, dirPerms);
                }
            }
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("Archive entry escapes the target directory: " + name);
        }
        return p;
    }

    // Owner keeps what the archive says; group and others get read (and execute where the
    // owner has it) so the unprivileged server user can use a cache unpacked by root.
    private static Set<PosixFilePermission> filePermissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return perms;
    }
}
