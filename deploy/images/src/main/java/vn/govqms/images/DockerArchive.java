package vn.govqms.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The docker-archive format ({@code docker save}, {@code docker load}, Jib's {@code tar://} base images): a tar with
 * {@code manifest.json} naming the image's config ({@code <digest>.json}) and its layers ({@code <digest>/layer.tar},
 * uncompressed, whose digests are the config's {@code rootfs.diff_ids}).
 */
final class DockerArchive {

    static void write(Path output, String name, String config, List<Path> layers) throws IOException {
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String configFile = hex(sha256().digest(configBytes)) + ".json";
        List<String> layerFiles = new ArrayList<>();
        for (Path layer : layers) {
            layerFiles.add(hex(digest(layer)) + "/layer.tar");
        }
        String manifest = "[{\"Config\":\"" + configFile + "\",\"RepoTags\":[\"" + name + "\"],\"Layers\":[\""
                + String.join("\",\"", layerFiles) + "\"]}]";

        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(output);
                TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (int i = 0; i < layers.size(); i++) {
                Path layer = layers.get(i);
                out.putArchiveEntry(entry(layerFiles.get(i), Files.size(layer)));
                Files.copy(layer, out);
                out.closeArchiveEntry();
            }
            write(out, configFile, configBytes);
            write(out, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(TarArchiveOutputStream out, String name, byte[] content) throws IOException {
        out.putArchiveEntry(entry(name, content.length));
        out.write(content);
        out.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0644);
        entry.setIds(0, 0);
        entry.setNames("", "");
        entry.setModTime(BaseImage.FILE_TIME_MILLIS);
        return entry;
    }

    static byte[] digest(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private DockerArchive() {
    }
}
