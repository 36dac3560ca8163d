package vn.govqms.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes the services' base image as a docker-archive tarball (what {@code docker save} writes), with neither Docker
 * nor a registry: no base image can be pulled here, so it is made from what the build machine has. One layer:
 * <ul>
 * <li>{@code /opt/java}: a JRE made by jlink from the JDK running the build, with the modules the services use;</li>
 * <li>the native libraries that JRE and {@code /bin/sh} link to (found with ldd), at the paths the machine has them,
 * the dynamic loader at its canonical path, glibc's C.UTF-8 locale;</li>
 * <li>{@code /etc/passwd} with the non-root user 185 the services run as, a sticky {@code /tmp}, the health probe.</li>
 * </ul>
 * Jib builds each service image on top of it ({@code tar://} base). Every entry has a fixed time and owner, so the
 * same JDK and libraries give the same layer, and the four service images share it.
 * <p>
 * Arguments: JDK home, this module's classes (for the probe), work folder, output tarball, image name.
 */
public final class BaseImage {

    static final int USER = 185;
    static final String USER_NAME = "govqms";
    /** Jib's default file time (1970-01-01T00:00:01Z; some tools take 0 as unset). */
    static final long FILE_TIME_MILLIS = 1_000L;
    static final String CREATED = "1970-01-01T00:00:00Z";

    /**
     * The JRE's modules: those jdeps finds in the four services' libraries (java.desktop for java.beans, used by
     * Hibernate, Jakarta EL, the PostgreSQL driver; java.rmi for the JTA API's exceptions, which Quarkus loads at
     * start), plus modules loaded by name at run time: elliptic-curve TLS (jdk.crypto.ec), com.sun.management for
     * Micrometer's process metrics (jdk.management), DNS and zip file systems, extended socket options.
     */
    static final List<String> MODULES = List.of(
            "java.base", "java.compiler", "java.desktop", "java.instrument", "java.logging", "java.management",
            "java.naming", "java.net.http", "java.rmi", "java.scripting", "java.security.jgss", "java.security.sasl",
            "java.sql", "java.transaction.xa", "java.xml", "jdk.crypto.ec", "jdk.management", "jdk.naming.dns",
            "jdk.net", "jdk.unsupported", "jdk.zipfs");

    /** java.desktop's native libraries (AWT, fonts, sound, images): nothing here draws, and they pull in X11. */
    static final String DESKTOP_NATIVE_LIBRARIES = "/java.desktop/lib/*";

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("arguments: JDK home, classes folder, work folder, output tar, image name");
        }
        Path jdk = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path output = Path.of(args[3]);
        String name = args[4];
        long started = System.nanoTime();

        deleteRecursively(work);
        Files.createDirectories(work);
        Path jre = work.resolve("jre");
        jlink(jdk, jre);

        Layer layer = new Layer();
        layer.tree(jre, "opt/java");
        Path shell = Path.of("/bin/sh").toRealPath();
        layer.file("bin/sh", shell, 0755);
        List<Path> elfFiles = new ArrayList<>(elfFiles(jre));
        elfFiles.add(shell);
        Set<Path> libraries = nativeLibraries(elfFiles, jre);
        for (Path library : libraries) {
            layer.file(library.toString().substring(1), library, 0755);
        }
        // glibc's C.UTF-8 (not built in): without it Java falls back to ASCII for file names and the console
        Path locale = Path.of("/usr/lib/locale/C.utf8");
        if (!Files.isDirectory(locale)) {
            throw new IllegalStateException(locale + " is missing (Debian's libc-bin has it)");
        }
        layer.tree(locale, "usr/lib/locale/C.utf8");

        layer.text("etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\n"
                + USER_NAME + ":x:" + USER + ":" + USER + ":GovQMS:/home/" + USER_NAME + ":/sbin/nologin\n", 0644);
        layer.text("etc/group", "root:x:0:\n" + USER_NAME + ":x:" + USER + ":\n", 0644);
        layer.text("etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n", 0644);
        // container runtimes mount their own /etc/hosts; this one serves runs without one
        layer.text("etc/hosts", "127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n", 0644);
        layer.directory("tmp", 01777, 0);
        layer.directory("root", 0700, 0);
        layer.directory("home/" + USER_NAME, 0700, USER);
        layer.bytes("opt/govqms/health-probe.jar", probeJar(classes), 0644);

        Path layerTar = work.resolve("layer.tar");
        String diffId = layer.write(layerTar);
        String config = config(diffId, jreVersion(jre));
        DockerArchive.write(output, name, config, List.of(layerTar));
        System.out.printf("[images] %s: %s, layer %d MB, %d entries, %d native libraries, in %d s%n", name, output,
                Files.size(layerTar) >> 20, layer.size(), libraries.size(),
                (System.nanoTime() - started) / 1_000_000_000L);
    }

    /**
     * jlink of the build's JDK, in a process of its own: run inside Maven's JVM its generated java.lang.invoke
     * classes depend on that JVM's state and the layer would change from build to build. No class-data archive
     * (--generate-cds-archive): JDK 17 does not write it the same twice, and it saves only ~0.1 s per start.
     */
    static void jlink(Path jdk, Path output) throws IOException, InterruptedException {
        Path jlink = jdk.resolve("bin/jlink");
        if (!Files.isExecutable(jlink)) {
            throw new IllegalStateException(jlink + " not found: build with a JDK (with its jmods), not a JRE");
        }
        List<String> command = List.of(jlink.toString(),
                "--module-path", jdk.resolve("jmods").toString(),
                "--add-modules", String.join(",", MODULES),
                "--exclude-files", DESKTOP_NATIVE_LIBRARIES,
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", output.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + log);
        }
    }

    static String jreVersion(Path jre) throws IOException {
        return Files.readAllLines(jre.resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                .findFirst().orElse("unknown");
    }

    static List<Path> elfFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(BaseImage::isElf).sorted().toList();
        }
    }

    static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The machine's shared libraries the given programs load, with what they load in turn (ldd lists the whole
     * closure), and the dynamic loader; those inside the JRE itself are left out.
     */
    static Set<Path> nativeLibraries(List<Path> elfFiles, Path jre) throws IOException, InterruptedException {
        Set<Path> libraries = new TreeSet<>();
        Set<String> inJre = elfFiles.stream().filter(f -> f.startsWith(jre))
                .map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        for (Path file : elfFiles) {
            Process ldd = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor();
            for (String line : output.lines().map(String::trim).toList()) {
                // the JRE's libraries find libjvm.so once the JVM has loaded it: only a missing outside one matters
                if (line.contains("=> not found") && !inJre.contains(line.substring(0, line.indexOf(' ')))) {
                    throw new IllegalStateException(file + " needs a library this machine lacks: " + line);
                }
                String path = line.contains("=>") ? line.substring(line.indexOf("=>") + 2).trim() : line;
                if (path.startsWith("/")) {
                    Path library = Path.of(path.replaceAll(" \\(0x[0-9a-f]+\\)$", ""));
                    if (!library.normalize().startsWith(jre)) {
                        libraries.add(library);
                    }
                }
            }
        }
        return libraries;
    }

    /** The probe as an executable jar, with fixed entry times so the layer stays the same from build to build. */
    static byte[] probeJar(Path classes) throws IOException {
        String entry = HealthProbe.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthProbe.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTime(FILE_TIME_MILLIS);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            JarEntry classEntry = new JarEntry(entry);
            classEntry.setTime(FILE_TIME_MILLIS);
            jar.putNextEntry(classEntry);
            Files.copy(classes.resolve(entry), jar);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    static String config(String diffId, String javaVersion) {
        String architecture = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        return """
                {"architecture":"%s","os":"linux","created":"%s",\
                "config":{"User":"%d","WorkingDir":"/",\
                "Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",\
                "JAVA_HOME=/opt/java","JAVA_VERSION=%s","LANG=C.UTF-8"],\
                "Labels":{"org.opencontainers.image.title":"GovQMS runtime",\
                "org.opencontainers.image.description":"Java %s (jlink) for the GovQMS services"}},\
                "rootfs":{"type":"layers","diff_ids":["%s"]},\
                "history":[{"created":"%s","created_by":"vn.govqms.images.BaseImage: jlink %s, native libraries and \
                /bin/sh of the build machine, user %d"}]}
                """.formatted(architecture, CREATED, USER, javaVersion, javaVersion, diffId, CREATED,
                String.join(",", MODULES), USER).strip();
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The files of one layer by their path in the image (no leading slash), written sorted with fixed times. */
    static final class Layer {

        record Entry(String path, boolean directory, int mode, int owner, Path source, byte[] content, String link) {
        }

        private final Map<String, Entry> entries = new TreeMap<>();

        int size() {
            return entries.size();
        }

        void directory(String path, int mode, int owner) {
            parents(path);
            entries.put(path, new Entry(path, true, mode, owner, null, null, null));
        }

        void file(String path, Path source, int mode) {
            parents(path);
            entries.put(path, new Entry(path, false, mode, 0, source, null, null));
        }

        void bytes(String path, byte[] content, int mode) {
            parents(path);
            entries.put(path, new Entry(path, false, mode, 0, null, content, null));
        }

        void text(String path, String content, int mode) {
            bytes(path, content.getBytes(StandardCharsets.UTF_8), mode);
        }

        /** A folder of this machine under {@code path}, with its files' permissions (read, write, execute). */
        void tree(Path folder, String path) throws IOException {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted().toList()) {
                    String inImage = file.equals(folder) ? path : path + "/" + folder.relativize(file);
                    if (Files.isSymbolicLink(file)) {
                        parents(inImage);
                        entries.put(inImage, new Entry(inImage, false, 0777, 0, null, null,
                                Files.readSymbolicLink(file).toString()));
                    } else if (Files.isDirectory(file)) {
                        directory(inImage, 0755, 0);
                    } else {
                        file(inImage, file, mode(file));
                    }
                }
            }
        }

        private static int mode(Path file) throws IOException {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            boolean executable = permissions.contains(PosixFilePermission.OWNER_EXECUTE);
            boolean writable = permissions.contains(PosixFilePermission.OWNER_WRITE);
            return (writable ? 0644 : 0444) | (executable ? 0111 : 0);
        }

        private void parents(String path) {
            int slash = path.lastIndexOf('/');
            if (slash > 0) {
                String parent = path.substring(0, slash);
                if (!entries.containsKey(parent)) {
                    directory(parent, 0755, 0);
                }
            }
        }

        /** Writes the layer as a plain tar and answers its digest, the image config's diff_id. */
        String write(Path tar) throws IOException {
            MessageDigest sha256 = DockerArchive.sha256();
            try (OutputStream file = Files.newOutputStream(tar);
                    TarArchiveOutputStream out = new TarArchiveOutputStream(new DigestOutputStream(file, sha256))) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Entry entry : entries.values()) {
                    TarArchiveEntry tarEntry = entry.link() != null
                            ? new TarArchiveEntry(entry.path(), TarConstants.LF_SYMLINK)
                            : new TarArchiveEntry(entry.directory() ? entry.path() + "/" : entry.path());
                    if (entry.link() != null) {
                        tarEntry.setLinkName(entry.link());
                    }
                    byte[] content = entry.content();
                    long size = entry.directory() || entry.link() != null ? 0
                            : content != null ? content.length : Files.size(entry.source());
                    tarEntry.setMode(entry.mode());
                    tarEntry.setIds(entry.owner(), entry.owner());
                    tarEntry.setNames("", "");
                    tarEntry.setModTime(FILE_TIME_MILLIS);
                    tarEntry.setSize(size);
                    out.putArchiveEntry(tarEntry);
                    if (content != null) {
                        out.write(content);
                    } else if (size > 0) {
                        Files.copy(entry.source(), out);
                    }
                    out.closeArchiveEntry();
                }
            }
            return "sha256:" + DockerArchive.hex(sha256.digest());
        }
    }

    private BaseImage() {
    }
}
