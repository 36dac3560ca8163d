package vn.govqms.images;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images checked without a container runtime (none on this machine): their tarballs read as a runtime reads
 * them, then their layers stacked in a folder and run there with the image's own JRE, dynamic loader and
 * entrypoint, in a chroot as the image's user where this machine allows it.
 */
class ImagesIT {

    static final Path DIR = Path.of(System.getProperty("images.dir", "target"));
    static final String VERSION = System.getProperty("images.version", "0.1.0-SNAPSHOT");
    static final Map<String, Integer> PORTS = Map.of("document-service", 8081, "audit-service", 8082,
            "scoring-service", 8083, "notification-service", 8084);
    static final List<String> ENTRYPOINT = List.of("/bin/sh", "-c",
            "exec /opt/java/bin/java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar");

    static ImageTarball base;
    static final Set<String> EXTRACTED = new HashSet<>();

    @BeforeAll
    static void readBase() throws IOException {
        base = ImageTarball.read(Path.of(System.getProperty("images.base.tar", DIR.resolve("govqms-runtime.tar").toString())));
    }

    @AfterAll
    static void removeStackedLayers() {
        ImageTarball.delete(DIR.resolve("rootfs")); // ~700 MB, made again from the tarballs by the next run
    }

    @Test
    void theBaseImageHoldsAJreItsLibrariesAndANonRootUser() {
        assertEquals(System.getProperty("images.base.name", "govqms/runtime:" + VERSION),
                base.manifest().get("RepoTags").get(0).asText());
        assertEquals(1, base.layers().size());
        ImageTarball.Layer layer = base.layers().get(0);
        assertEquals(base.config().get("rootfs").get("diff_ids").get(0).asText(), layer.digest(), "diff_id");
        Map<String, ImageTarball.Entry> files = layer.entries();

        assertEquals(0755, files.get("opt/java/bin/java").mode());
        assertEquals(0755, files.get("bin/sh").mode());
        assertNotNull(files.get("opt/java/lib/server/libjvm.so"));
        assertNotNull(files.get("opt/java/lib/security/cacerts"), "CA certificates");
        assertNotNull(files.get("opt/govqms/health-probe.jar"));
        assertTrue(files.keySet().stream().anyMatch(p -> p.matches("lib(64)?/ld-linux[-a-z0-9_]*\\.so\\.[0-9]+")),
                "the dynamic loader");
        assertTrue(files.keySet().stream().anyMatch(p -> p.endsWith("/libc.so.6")), "glibc");
        assertTrue(files.keySet().stream().anyMatch(p -> p.startsWith("usr/lib/locale/C.utf8/")), "C.UTF-8");
        assertFalse(files.keySet().stream().anyMatch(p -> p.startsWith("opt/java/lib/libawt")), "no AWT");

        assertEquals(01777, files.get("tmp").mode(), "/tmp is sticky and writable by all");
        assertEquals(185, files.get("home/govqms").uid());
        assertTrue(base.text("etc/passwd").contains("govqms:x:185:185:"), base.text("etc/passwd"));
        assertTrue(files.values().stream().filter(e -> !e.path().startsWith("home/govqms")).allMatch(e -> e.uid() == 0),
                "everything else belongs to root");
        assertEquals("185", base.config().get("config").get("User").asText());
        assertEquals("C.UTF-8", base.env("LANG"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"document-service", "audit-service", "scoring-service", "notification-service"})
    void eachServiceImageIsTheBasePlusItsDependenciesPlusItsApplication(String service) throws IOException {
        ImageTarball image = ImageTarball.read(DIR.resolve(service + ".tar"));
        assertEquals("govqms/" + service + ":" + VERSION, image.manifest().get("RepoTags").get(0).asText());
        assertEquals(Files.readString(DIR.resolve(service + ".id")).trim(), ImageTarball.sha256(image.configBytes()),
                "the image id Jib reported is the config's digest");

        var config = image.config().get("config");
        assertEquals("linux", image.config().get("os").asText());
        assertEquals(base.config().get("architecture").asText(), image.config().get("architecture").asText());
        assertEquals(ENTRYPOINT, image.entrypoint());
        assertEquals("185", config.get("User").asText());
        assertEquals("/deployments", config.get("WorkingDir").asText());
        assertTrue(config.get("ExposedPorts").has(PORTS.get(service) + "/tcp"), config.get("ExposedPorts").toString());
        assertEquals("/opt/java", image.env("JAVA_HOME"));
        assertEquals("C.UTF-8", image.env("LANG"));
        assertTrue(image.env("PATH").startsWith("/opt/java/bin:"), image.env("PATH"));
        assertEquals(service, config.get("Labels").get("org.opencontainers.image.title").asText());
        assertEquals(VERSION, config.get("Labels").get("org.opencontainers.image.version").asText());

        var diffIds = image.config().get("rootfs").get("diff_ids");
        assertEquals(3, image.layers().size(), "base, dependencies, application");
        assertEquals(3, diffIds.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(diffIds.get(i).asText(), image.layers().get(i).digest(), "layer " + i + " digest");
        }
        assertEquals(base.layers().get(0).digest(), image.layers().get(0).digest(), "the base layer is shared");

        var dependencies = image.layers().get(1).entries();
        var application = image.layers().get(2).entries();
        assertTrue(dependencies.keySet().stream().anyMatch(p -> p.matches("deployments/lib/main/.+\\.jar")));
        assertTrue(dependencies.keySet().stream().allMatch(p -> p.equals("deployments") || p.startsWith("deployments/lib")));
        assertNotNull(application.get("deployments/quarkus-run.jar"));
        assertNotNull(application.get("deployments/quarkus/quarkus-application.dat"));
        assertTrue(application.keySet().stream().anyMatch(p -> p.matches("deployments/app/" + service + "-.+\\.jar")));
        assertFalse(application.keySet().stream().anyMatch(p -> p.startsWith("deployments/lib/")));
        for (var layer : image.layers()) {
            assertFalse(layer.entries().keySet().stream().anyMatch(p -> p.equals("app") || p.startsWith("app/")),
                    "nothing of this module's own under /app");
        }
    }

    @Test
    void theImageJreRunsThroughItsOwnDynamicLoader() throws Exception {
        Path root = rootfs("document-service");
        Path loader = loader(root);
        Path libc = libc(root);
        Run run = run(List.of(loader.toString(), "--library-path", libc.getParent().toString(),
                root.resolve("opt/java/bin/java").toString(), "-version"), Map.of(), 60);
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("version \"17."), run.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"document-service", "audit-service", "scoring-service", "notification-service"})
    void theServiceStartsFromTheImageAsItsUserAndIsAlive(String service) throws Exception {
        ImageTarball image = ImageTarball.read(DIR.resolve(service + ".tar"));
        Path root = rootfs(service);
        Run isolated = run(inImage(root, "/", List.of("/bin/sh", "-c", "exit 0")),
                Map.of("PATH", image.env("PATH")), 30);
        assumeTrue(isolated.status() == 0, "unshare + chroot are not permitted here: " + isolated.output());
        int port = freePort();
        int nothing = freePort(); // a port nobody listens on: no database, no broker, no identity provider here
        Map<String, String> env = new LinkedHashMap<>();
        image.config().get("config").get("Env").forEach(e -> env.put(e.asText().replaceFirst("=.*", ""),
                e.asText().replaceFirst("^[^=]*=", "")));
        // the port through JAVA_OPTS_APPEND: listening there shows the entrypoint passes it on
        env.put("JAVA_OPTS_APPEND", "-Dquarkus.http.port=" + port + " -Xmx256m");
        env.put("QUARKUS_FLYWAY_ACTIVE", "false"); // as in deploy/k8s, where a Job migrates
        String db = service.replace("-service", "");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + nothing + "/" + db);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + nothing + "/" + db);
        env.put("QUARKUS_DATASOURCE_USERNAME", db);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "govqms");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + nothing);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + nothing + "/certs");
        env.put("MP_JWT_VERIFY_ISSUER", "http://127.0.0.1:" + nothing + "/realms/govqms");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(nothing));
        env.put("QUARKUS_MAILER_FROM", "govqms@localhost");
        // notification-service does not start without a key for the webhook secrets at rest (any service ignores it)
        env.put("GOVQMS_WEBHOOKS_SECRET_KEYS", "images-it:" + Base64.getEncoder().encodeToString(new byte[32]));

        Path log = DIR.resolve(service + "-in-image.log");
        ProcessBuilder builder = new ProcessBuilder(inImage(root,
                image.config().get("config").get("WorkingDir").asText(), image.entrypoint()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live"))
                    .timeout(Duration.ofSeconds(5)).build();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .failFast("the service stopped", () -> !process.isAlive())
                    .untilAsserted(() -> {
                        HttpResponse<String> response = http.send(live, HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, response.statusCode(), response.body());
                        assertTrue(response.body().contains("\"UP\""), response.body());
                    });
            String startedLine = Files.readAllLines(log).stream().filter(l -> l.contains("started in")).findFirst()
                    .orElse("");
            assertTrue(startedLine.contains(service), startedLine);

            // the compose health check: the image's probe, run inside it, against liveness (up) and readiness
            // (down: no database)
            Run alive = run(inImage(root, "/", List.of("/opt/java/bin/java", "-jar", "/opt/govqms/health-probe.jar",
                    "http://localhost:" + port + "/q/health/live")), env, 60);
            assertEquals(0, alive.status(), alive.output());
            Run ready = run(inImage(root, "/", List.of("/opt/java/bin/java", "-jar", "/opt/govqms/health-probe.jar",
                    "http://localhost:" + port + "/q/health/ready")), env, 60);
            assertEquals(1, ready.status(), ready.output());
            assertTrue(ready.output().contains(" 503"), ready.output());
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\n" + tail(log), e);
        } finally {
            // SIGTERM to the JVM (the first process of its PID namespace), as a runtime stops a container
            process.descendants().forEach(ProcessHandle::destroy);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        assertTrue(Files.readString(log).contains("stopped in"), "stopped gracefully: " + tail(log));
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * A command run inside the image's folder as a runtime would: a mount and PID namespace with /proc and /dev,
     * chroot, the working directory; as the image's user 185 when these tests run as root, otherwise as root of a
     * user namespace (unprivileged).
     */
    static List<String> inImage(Path root, String workingDir, List<String> command) {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        List<String> line = new ArrayList<>(List.of("unshare"));
        if (!asRoot) {
            line.addAll(List.of("--user", "--map-root-user"));
        }
        line.addAll(List.of("--mount", "--pid", "--fork", "--kill-child", "/bin/sh", "-c",
                "mount -t proc proc \"$0/proc\" && mount --rbind /dev \"$0/dev\" && exec chroot "
                        + (asRoot ? "--userspec=185:185 " : "")
                        + "\"$0\" /bin/sh -c 'cd \"$0\" && exec \"$@\"' " + workingDir + " \"$@\"",
                root.toString()));
        line.addAll(command);
        return line;
    }

    record Run(int status, String output) {
    }

    static Run run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        Path output = Files.createTempFile(DIR, "run", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (!env.isEmpty()) {
                builder.environment().clear();
                builder.environment().putAll(env);
            }
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " did not end: " + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The image's layers stacked in target/rootfs/SERVICE (afresh in each run), with mount points for /proc, /dev. */
    static synchronized Path rootfs(String service) throws IOException {
        Path root = DIR.resolve("rootfs").resolve(service);
        if (EXTRACTED.add(service)) {
            ImageTarball.delete(root);
            ImageTarball.read(DIR.resolve(service + ".tar")).extractTo(root);
            Files.createDirectories(root.resolve("proc"));
            Files.createDirectories(root.resolve("dev"));
        }
        return root;
    }

    static Path loader(Path root) throws IOException {
        try (var files = Files.walk(root, 2)) {
            return files.filter(p -> p.getFileName().toString().matches("ld-linux[-a-z0-9_]*\\.so\\.[0-9]+"))
                    .findFirst().orElseThrow(() -> new AssertionError("no dynamic loader in " + root));
        }
    }

    static Path libc(Path root) throws IOException {
        try (var files = Files.walk(root.resolve("lib"))) {
            return files.filter(p -> p.getFileName().toString().equals("libc.so.6")).findFirst()
                    .orElseThrow(() -> new AssertionError("no libc.so.6 under " + root.resolve("lib")));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
