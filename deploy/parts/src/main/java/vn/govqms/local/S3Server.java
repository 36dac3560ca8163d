package vn.govqms.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server without Docker: S3Proxy (Maven Central) over a folder, as a process of its own on
 * 127.0.0.1, for the tests of object storage and for trying the S3 configuration locally. It ends with the JVM
 * that started it, even one killed with SIGKILL ({@link S3ProxyMain} watches its parent).
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "govqms-local";
    public static final String SECRET_KEY = "govqms-local-secret";

    private final Process process;
    private final int port;
    private final Path dir;

    private S3Server(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts S3Proxy with its buckets under {@code dir} and waits until it listens (a few seconds). */
    public static S3Server start(Path dir, int port) {
        try {
            Files.createDirectories(dir.resolve("blobs"));
            Properties props = new Properties();
            props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            props.setProperty("s3proxy.identity", ACCESS_KEY);
            props.setProperty("s3proxy.credential", SECRET_KEY);
            props.setProperty("jclouds.provider", "filesystem");
            props.setProperty("jclouds.filesystem.basedir", dir.resolve("blobs").toString());
            Path conf = dir.resolve("s3proxy.conf");
            try (var out = Files.newBufferedWriter(conf, StandardCharsets.UTF_8)) {
                props.store(out, "S3Server");
            }
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath(),
                    S3ProxyMain.class.getName(), conf.toString(), Long.toString(ProcessHandle.current().pid()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile())).start();
            S3Server server = new S3Server(p, port, dir);
            server.awaitListening(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This module's classes and S3Proxy's libraries, as the build wrote them. */
    private static String classpath() throws IOException {
        Path self;
        try {
            self = Path.of(S3Server.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = S3Server.class.getResourceAsStream("s3proxy-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("s3proxy-classpath.txt is missing: build deploy/parts (./mvnw -pl deploy/parts package)");
            }
            return self + File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + "; see " + dir.resolve("s3proxy.log"));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy not listening after " + timeout + "; see " + dir.resolve("s3proxy.log"));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Folders.deleteTree(dir);
    }
}
