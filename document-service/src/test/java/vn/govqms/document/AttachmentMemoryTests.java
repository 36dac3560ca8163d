package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: eight 25 MB files at once go in and come out without their bodies in the heap. Each transfer is held at 80 %
 * while the heap is measured after a full GC: a service that buffered bodies would hold 8 x 20 MB live at that moment.
 * The test runs in the service's JVM, so the client streams from a generator and into a digest, holding nothing.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AttachmentMemoryTests {

    static final int SIZE = 25 * 1024 * 1024;
    static final int FILES = 8;
    static final long BOUND = 64L * 1024 * 1024;
    static final Duration DEADLINE = Duration.ofMinutes(4);

    @TestHTTPResource("/")
    URL base;

    @Test
    void eightFilesOf25MbAtOnceNeverSitInTheHeap() throws Exception {
        String agency = ReviewTaskTests.agency("24", "Sở Xây dựng tỉnh Bắc Giang");
        String law = ReviewTaskTests.legal("24", ReviewTaskTests.number(), "2015-01-01", "[]");
        String doc = ReviewTaskTests.procedure(agency, "24", "OPERATIONAL_PROCEDURE", law, null, true);
        String officer = TestTokens.agencyRole("iso-officer", agency, "24");
        String sha = sha256(new PdfStream(SIZE, null, null));
        ExecutorService pool = Executors.newFixedThreadPool(2 * FILES + 4);
        HttpClient http = HttpClient.newBuilder().executor(pool).version(HttpClient.Version.HTTP_1_1).build();
        try {
            long before = heapAfterGc();

            CountDownLatch reached = new CountDownLatch(FILES);
            CountDownLatch release = new CountDownLatch(1);
            URI upload = base.toURI().resolve("api/v1/documents/" + doc + "/versions/1/attachments?fileName=ban-ky-so.pdf");
            List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < FILES; i++) {
                uploads.add(http.sendAsync(HttpRequest.newBuilder(upload).header("Authorization", "Bearer " + officer)
                        .header("Content-Type", "application/pdf").timeout(DEADLINE)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PdfStream(SIZE, reached, release))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(reached.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "uploads did not reach 80 %");
            long duringUploads = heapAfterGc() - before;
            release.countDown();
            List<String> locations = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : uploads) {
                HttpResponse<String> r = f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                assertEquals(201, r.statusCode(), r.body());
                JsonPath view = JsonPath.from(r.body());
                assertEquals(sha, view.getString("sha256"));
                assertEquals(SIZE, view.getLong("size"));
                locations.add(r.headers().firstValue("Location").orElseThrow());
            }
            long afterUploads = heapAfterGc() - before;

            CountDownLatch readMost = new CountDownLatch(FILES);
            CountDownLatch finish = new CountDownLatch(1);
            List<CompletableFuture<String>> downloads = new ArrayList<>();
            for (String location : locations) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(base.toURI().resolve(location))
                        .header("Authorization", "Bearer " + officer).timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElseThrow());
                downloads.add(CompletableFuture.supplyAsync(() -> readHeld(r.body(), readMost, finish), pool));
            }
            assertTrue(readMost.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "downloads did not reach 80 %");
            long duringDownloads = heapAfterGc() - before;
            finish.countDown();
            for (CompletableFuture<String> d : downloads) {
                assertEquals(sha, d.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            }

            String figures = String.format("heap growth: %d MB while uploading, %d MB after, %d MB while downloading (bound %d MB)",
                    duringUploads >> 20, afterUploads >> 20, duringDownloads >> 20, BOUND >> 20);
            System.out.println("AttachmentMemoryTests " + figures);
            assertTrue(duringUploads < BOUND, figures);
            assertTrue(afterUploads < BOUND, figures);
            assertTrue(duringDownloads < BOUND, figures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Used heap after full collections: what is still reachable, not garbage. */
    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Reads 80 % into a digest, waits for the others, reads the rest; the SHA-256 of the whole. */
    private static String readHeld(InputStream in, CountDownLatch readMost, CountDownLatch finish) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            long hold = SIZE * 8L / 10;
            boolean held = false;
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, held ? buffer.length : Math.max(1, hold - read)))) > 0) {
                digest.update(buffer, 0, n);
                read += n;
                if (!held && read >= hold) {
                    held = true;
                    readMost.countDown();
                    if (!finish.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                        throw new IllegalStateException("not released");
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A PDF header and then {@code size} bytes in all, made as they are read; pauses once at 80 % when given latches. */
    static final class PdfStream extends InputStream {

        private static final byte[] HEADER = "%PDF-1.7\n".getBytes();
        private final long size;
        private final CountDownLatch reached;
        private final CountDownLatch release;
        private long position;

        PdfStream(long size, CountDownLatch reached, CountDownLatch release) {
            this.size = size;
            this.reached = reached;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            long hold = size * 8 / 10;
            if (reached != null && position == hold) {
                reached.countDown();
                try {
                    if (!release.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                        throw new IOException("not released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            long limit = reached != null && position < hold ? hold : size;
            int n = (int) Math.min(len, limit - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p < HEADER.length ? HEADER[(int) p] : (byte) (p * 31 + (p >> 12));
            }
            position += n;
            return n;
        }
    }
}
