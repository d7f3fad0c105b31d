package cn.gov.partyaffairs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Small operating-system helpers shared by the Kafka and PostgreSQL launchers. */
final class Os {

    private Os() {
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** A port that was free a moment ago; the usual small race with other processes is accepted. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port that was free a moment ago and is not {@code taken}: the kernel may hand the same ephemeral port out
     * twice in a row once the first socket is closed, and a broker's two listeners on one port refuse to start.
     */
    static int freePortOtherThan(int taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = freePort();
            if (port != taken) {
                return port;
            }
        }
        throw new IllegalStateException("no free port other than " + taken);
    }

    static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code wanted} itself when the user {@code nobody} can reach it (or we are not root, so nobody is not involved);
     * otherwise a stand-in under the temporary directory, the same for the same {@code wanted} every time, so that a
     * later process finds it again. Root's home is typically mode 700, and opening it up is not ours to do.
     */
    static Path reachableByNobody(Path wanted) {
        Path absolute = wanted.toAbsolutePath().normalize();
        if (!isRoot() || othersCanTraverse(absolute.getParent())) {
            return absolute;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(absolute.toString().getBytes());
            return Path.of(System.getProperty("java.io.tmpdir"),
                    "party-affairs-suite-" + absolute.getFileName() + "-" + HexFormat.of().formatHex(hash, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean othersCanTraverse(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Creates {@code dir} if needed as a directory everyone may read and enter (755). */
    static Path openDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands {@code path} to {@code nobody}, so PostgreSQL running as that user may write there. */
    static void giveToNobody(Path path) {
        try {
            UserPrincipal nobody = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(path, nobody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
