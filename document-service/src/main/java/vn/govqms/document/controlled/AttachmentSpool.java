package vn.govqms.document.controlled;

import vn.govqms.kit.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * An upload copied from the request to a temporary file as it arrives, with its size and SHA-256: the body is never
 * held whole in memory, and a body over the limit is refused as soon as it passes it.
 */
record AttachmentSpool(Path file, long size, String sha256) implements AutoCloseable {

    /** Reads the body on the calling (worker) thread. */
    static AttachmentSpool of(InputStream body, long maxSize) {
        Path file;
        try {
            file = Files.createTempFile("govqms-attachment-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (InputStream in = body; OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while (in != null && (n = in.read(buffer)) > 0) {
                size += n;
                if (size > maxSize) {
                    throw new ProblemException(413, "payload-too-large", "Payload too large",
                            "The file is over the limit of " + maxSize + " bytes.", Map.of("maxSize", maxSize));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new AttachmentSpool(file, size, HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
