package vn.govqms.document;

import io.smallrye.mutiny.Multi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govqms.document.controlled.AttachmentConfig;
import vn.govqms.document.controlled.S3AttachmentStore;
import vn.govqms.local.S3Server;
import vn.govqms.local.testing.S3TestResource;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The S3 store of attachments against a real S3-compatible server (S3Proxy, started by the harness without Docker):
 * the bucket is made when missing, a 25 MB file goes in from its temporary file and comes back piece by piece, and
 * a missing object is an error, not an empty file.
 */
class AttachmentS3Tests {

    static S3AttachmentStore store;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        S3Server s3 = S3TestResource.server();
        String bucket = "govqms-attachments-" + UUID.randomUUID().toString().substring(0, 8);
        store = new S3AttachmentStore(new AttachmentConfig.S3() {
            public Optional<URI> endpoint() {
                return Optional.of(s3.endpoint());
            }

            public String region() {
                return "us-east-1";
            }

            public String bucket() {
                return bucket;
            }

            public boolean forcePathStyle() {
                return true;
            }

            public Optional<String> accessKeyId() {
                return Optional.of(S3Server.ACCESS_KEY);
            }

            public Optional<String> secretAccessKey() {
                return Optional.of(S3Server.SECRET_KEY);
            }
        }).ensureBucket();
        dir = Files.createTempDirectory("attachment-s3");
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Test
    void a25MbFileGoesToTheBucketAndComesBackInPieces() throws Exception {
        long size = 25L * 1024 * 1024;
        Path file = dir.resolve("ban-ky-so.pdf");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < size / block.length; i++) {
                for (int j = 0; j < block.length; j++) {
                    block[j] = (byte) (i * 7 + j * 31);
                }
                written.update(block);
                out.write(block);
            }
        }
        UUID id = UUID.randomUUID();
        store.put(id, file, size).await().atMost(Duration.ofMinutes(2));

        MessageDigest read = MessageDigest.getInstance("SHA-256");
        AtomicInteger pieces = new AtomicInteger();
        AtomicLong largest = new AtomicLong();
        Multi<byte[]> content = store.get(id);
        content.subscribe().asStream().forEach(piece -> {
            read.update(piece);
            pieces.incrementAndGet();
            largest.accumulateAndGet(piece.length, Math::max);
        });
        assertEquals(HexFormat.of().formatHex(written.digest()), HexFormat.of().formatHex(read.digest()));
        assertTrue(pieces.get() >= 100, "pieces: " + pieces.get());
        assertTrue(largest.get() <= 256 * 1024, "largest piece: " + largest.get());
    }

    @Test
    void aMissingObjectIsAnError() {
        assertThrows(RuntimeException.class, () -> store.get(UUID.randomUUID()).collect().asList().await().atMost(Duration.ofMinutes(1)));
    }
}
