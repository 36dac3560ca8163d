package vn.govqms.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * A docker-archive tarball as a container runtime reads it: {@code manifest.json}, the config it names, and the
 * layers in order, each with the digest of its uncompressed content and its entries. Layers may be gzipped (Jib)
 * or plain ({@code docker save}, the base image).
 */
record ImageTarball(Path file, JsonNode manifest, byte[] configBytes, JsonNode config, List<Layer> layers) {

    record Entry(String path, int mode, long uid, long size, boolean directory, String link, byte[] content) {
    }

    record Layer(String file, String digest, Map<String, Entry> entries) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small files whose content the checks read. */
    private static final Set<String> KEPT = Set.of("etc/passwd", "etc/group");

    static ImageTarball read(Path file) throws IOException {
        Map<String, byte[]> jsonFiles = new HashMap<>();
        Map<String, Layer> layers = new HashMap<>();
        try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(file))) {
            for (TarArchiveEntry entry; (entry = outer.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".json")) {
                    jsonFiles.put(entry.getName(), outer.readAllBytes());
                } else if (entry.isFile()) {
                    layers.put(entry.getName(), readLayer(entry.getName(), CloseShieldInputStream.wrap(outer), null));
                }
            }
        }
        JsonNode manifest = JSON.readTree(jsonFiles.get("manifest.json")).get(0);
        byte[] configBytes = jsonFiles.get(manifest.get("Config").asText());
        List<Layer> ordered = new ArrayList<>();
        manifest.get("Layers").forEach(name -> ordered.add(layers.get(name.asText())));
        return new ImageTarball(file, manifest, configBytes, JSON.readTree(configBytes), ordered);
    }

    /** Reads one layer; with a root folder, also writes its files there (as a runtime stacks layers). */
    static Layer readLayer(String name, InputStream in, Path root) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        MessageDigest sha256 = sha256();
        InputStream content = new DigestInputStream(gzipped ? new GZIPInputStream(buffered) : buffered, sha256);
        Map<String, Entry> entries = new LinkedHashMap<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(content);
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
            byte[] kept = KEPT.contains(path) ? tar.readAllBytes() : null;
            entries.put(path, new Entry(path, entry.getMode() & 07777, entry.getLongUserId(), entry.getSize(),
                    entry.isDirectory(), entry.isSymbolicLink() ? entry.getLinkName() : null, kept));
            if (root != null) {
                extract(root, path, entry, kept != null ? new ByteArrayInputStream(kept) : tar);
            }
        }
        content.transferTo(OutputStream.nullOutputStream()); // the tar's end blocks count in the digest
        return new Layer(name, "sha256:" + HexFormat.of().formatHex(sha256.digest()), entries);
    }

    private static void extract(Path root, String path, TarArchiveEntry entry, InputStream content) throws IOException {
        if (path.isEmpty()) {
            return;
        }
        if (path.contains("/.wh.") || path.startsWith(".wh.")) {
            throw new IllegalStateException("whiteout entries are not expected: " + path);
        }
        Path target = root.resolve(path);
        if (entry.isDirectory()) {
            Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            return;
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, permissions(entry.getMode()));
    }

    /** Stacks the image's layers in a folder, as a container runtime does before it starts the entrypoint. */
    void extractTo(Path root) throws IOException {
        Files.createDirectories(root);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            index.put(layers.get(i).file(), i);
        }
        Path[] blobs = new Path[layers.size()];
        Path blobDir = Files.createTempDirectory(root.getParent(), "blobs");
        try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(file))) {
            for (TarArchiveEntry entry; (entry = outer.getNextEntry()) != null; ) {
                Integer i = index.get(entry.getName());
                if (i != null) {
                    blobs[i] = blobDir.resolve(i + ".layer");
                    Files.copy(outer, blobs[i]);
                }
            }
        }
        for (Path blob : blobs) {
            try (InputStream in = Files.newInputStream(blob)) {
                readLayer(blob.getFileName().toString(), in, root);
            }
            Files.delete(blob);
        }
        Files.delete(blobDir);
    }

    String env(String name) {
        for (JsonNode value : config.get("config").get("Env")) {
            if (value.asText().startsWith(name + "=")) {
                return value.asText().substring(name.length() + 1);
            }
        }
        return null;
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.get("config").get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        return entrypoint;
    }

    String text(String path) {
        for (Layer layer : layers) {
            Entry entry = layer.entries().get(path);
            if (entry != null && entry.content() != null) {
                return new String(entry.content(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
