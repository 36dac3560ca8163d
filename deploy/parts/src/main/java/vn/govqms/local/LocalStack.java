package vn.govqms.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker process and the four packaged
 * services as processes. The local run, the end-to-end tests and the benchmark start it through this
 * class; the e2e harness extends it to inject faults (a crashed service, a broker outage) through the
 * protected lifecycle of single parts.
 */
public class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());

    /** A service: its module folder, database name and HTTP port. */
    public record Service(String name, String database, int port) {
        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    /**
     * How to start: folders, ports, whether data must survive (local run) or not (tests), and settings every service gets
     * in its environment besides the stack's own (e.g. {@code GOVQMS_CORS_ORIGINS}).
     */
    public record Options(Path repoRoot, Path dataDir, boolean durable, int postgresPort, int kafkaPort,
                          int controllerPort, int smtpPort, List<Service> services, int topicPartitions, Map<String, String> serviceEnv) {

        public Options(Path repoRoot, Path dataDir, boolean durable, int postgresPort, int kafkaPort,
                       int controllerPort, int smtpPort, List<Service> services, int topicPartitions) {
            this(repoRoot, dataDir, durable, postgresPort, kafkaPort, controllerPort, smtpPort, services, topicPartitions, Map.of());
        }

        /** The same, with {@code name=value} in every service's environment. */
        public Options withServiceEnv(String name, String value) {
            Map<String, String> env = new LinkedHashMap<>(serviceEnv);
            env.put(name, value);
            return new Options(repoRoot, dataDir, durable, postgresPort, kafkaPort, controllerPort, smtpPort, services, topicPartitions,
                    Map.copyOf(env));
        }

        /** The local run: fixed ports, data kept in {@code dataDir}. */
        public static Options local(Path repoRoot, Path dataDir) {
            return new Options(repoRoot, dataDir, true, 15432, 19092, 19093, 12525, List.of(
                    new Service("document-service", "document", 8081),
                    new Service("audit-service", "audit", 8082),
                    new Service("scoring-service", "scoring", 8083),
                    new Service("notification-service", "notification", 8084)), 6);
        }

        /** Tests: free ports, throw-away data. */
        public static Options test(Path repoRoot, Path dataDir) {
            return new Options(repoRoot, dataDir, false, Ports.free(), Ports.free(), Ports.free(), Ports.free(), List.of(
                    new Service("document-service", "document", Ports.free()),
                    new Service("audit-service", "audit", Ports.free()),
                    new Service("scoring-service", "scoring", Ports.free()),
                    new Service("notification-service", "notification", Ports.free())), 3);
        }
    }

    /** The setting of {@link #readyTimeout}: a system property, else this environment variable. */
    static final String READY_TIMEOUT_PROPERTY = "govqms.stack.ready-timeout";
    static final String READY_TIMEOUT_ENV = "GOVQMS_STACK_READY_TIMEOUT";

    /**
     * How long each service may take to become ready, read once per stack: generous by default (300 s: on a busy 2-core
     * machine four JVMs starting at once take minutes), longer where the host is more loaded still (deploy/bench/run sets
     * 900 s). Seconds ({@code 900}) or an ISO-8601 duration ({@code PT15M}).
     */
    private final Duration readyTimeout = readyTimeout(System.getProperty(READY_TIMEOUT_PROPERTY), System.getenv(READY_TIMEOUT_ENV));

    private final Options options;
    private final Path logDir;
    private FileChannel lockChannel;
    private FileLock lock;
    private PostgresServer postgres;
    private Process kafka;
    private JwtKeys keys;
    private MailCatcher mail;
    /** Synchronized: the e2e harness starts and stops instances of several services side by side. */
    private final Map<Service, Process> running = Collections.synchronizedMap(new LinkedHashMap<>());

    protected LocalStack(Options options) {
        this.options = options;
        this.logDir = options.dataDir().resolve("logs");
    }

    /** The ready timeout from the system property, else the environment variable, else 300 s. */
    static Duration readyTimeout(String property, String env) {
        String value = property != null && !property.isBlank() ? property.trim() : env != null && !env.isBlank() ? env.trim() : null;
        if (value == null) {
            return Duration.ofSeconds(300);
        }
        try {
            Duration timeout = value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return timeout;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(READY_TIMEOUT_PROPERTY + " / " + READY_TIMEOUT_ENV + " must be seconds (900) or an ISO-8601 "
                    + "duration (PT15M), not \"" + value + "\"", e);
        }
    }

    /** Starts everything and waits until every service is ready. */
    public static LocalStack start(Options options) {
        return start(new LocalStack(options));
    }

    /** Starts a stack (of a subclass) and waits until every service is ready; stops what started if one fails. */
    protected static <S extends LocalStack> S start(S stack) {
        try {
            ((LocalStack) stack).doStart();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public List<Service> services() {
        return options.services();
    }

    public Service service(String name) {
        return options.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public JwtKeys keys() {
        return keys;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + options.kafkaPort();
    }

    /** The SMTP server the services send mail to; what arrived can be read from it. */
    public MailCatcher mail() {
        return mail;
    }

    public Path logDir() {
        return logDir;
    }

    private void doStart() {
        try {
            Files.createDirectories(logDir);
            acquireLock();
            stopLeftovers();
            for (Service s : options.services()) {
                if (Ports.inUse(s.port())) {
                    throw new IllegalStateException("port " + s.port() + " (" + s.name() + ") is in use by another program");
                }
                if (!Files.exists(jar(s))) {
                    throw new IllegalStateException(s.name() + " is not built: " + jar(s) + " is missing (run ./mvnw -DskipTests package)");
                }
            }
            keys = JwtKeys.inFolder(options.dataDir().resolve("jwt"));
            postgres = PostgresServer.start(postgresDataDir(), options.postgresPort(),
                    options.durable() ? PostgresServer.Mode.DURABLE : PostgresServer.Mode.TEST);
            options.services().forEach(s -> postgres.createDatabase(s.database()));
            startKafka();
            mail = MailCatcher.start(options.smtpPort());
            for (Service s : options.services()) {
                running.put(s, startService(s));
            }
            rememberChildren();
            for (Service s : options.services()) {
                awaitReady(s, readyTimeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second start on the same data folder would corrupt it: refuse with a clear message. */
    private void acquireLock() throws IOException {
        lockChannel = FileChannel.open(options.dataDir().resolve("govqms.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new AlreadyRunningException("GovQMS is already running with data in " + options.dataDir()
                    + ": stop it first (Ctrl-C in its terminal)");
        }
    }

    /** Processes started by a launcher that was killed: stop them before starting new ones. */
    private void stopLeftovers() throws IOException {
        Path pids = options.dataDir().resolve("children.pid");
        if (!Files.exists(pids)) {
            return;
        }
        for (String line : Files.readAllLines(pids)) {
            try {
                ProcessHandle.of(Long.parseLong(line.trim())).filter(ProcessHandle::isAlive).ifPresent(p -> {
                    LOG.info("stopping a process left by an earlier run: pid " + p.pid());
                    p.destroy();
                    try {
                        p.onExit().get(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
            } catch (NumberFormatException ignored) {
                // blank line
            }
        }
        Files.delete(pids);
    }

    private synchronized void rememberChildren() throws IOException {
        List<String> pids = new ArrayList<>();
        pids.add(Long.toString(kafka.pid()));
        synchronized (running) {
            running.values().forEach(p -> pids.add(Long.toString(p.pid())));
        }
        Files.write(options.dataDir().resolve("children.pid"), pids);
    }

    /**
     * The cluster lives in the data folder unless the unprivileged PostgreSQL user cannot reach it
     * (a project under a mode-700 home, as root): then under /var/tmp, named after the data folder.
     */
    private Path postgresDataDir() {
        Path preferred = options.dataDir().resolve("pg");
        if (!PostgresServer.isRoot() || PostgresServer.traversableByOthers(preferred)) {
            return preferred;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(options.dataDir().toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            Path alt = Path.of("/var/tmp/govqms-pg", HexFormat.of().formatHex(digest, 0, 6));
            LOG.info("PostgreSQL data in " + alt + " (the unprivileged server user cannot reach " + preferred + ")");
            return alt;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void startKafka() throws IOException {
        List<String> cmd = List.of(java(), "-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", partsClasspath(), KafkaMain.class.getName(),
                options.dataDir().resolve("kafka").toString(), Integer.toString(options.kafkaPort()),
                Integer.toString(options.controllerPort()), Long.toString(ProcessHandle.current().pid()));
        kafka = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("kafka.log").toFile())).start();
        try {
            KafkaBroker.awaitReady(kafkaBootstrapServers(), Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka did not start; see " + logDir.resolve("kafka.log"), e);
        }
        KafkaBroker.createTopics(kafkaBootstrapServers(), options.topicPartitions());
    }

    /** The running process of a service (its first instance). */
    protected Process process(String name) {
        return process(service(name));
    }

    /** The running process of an instance ({@link #service(String)} or one {@link #startInstance(String)} returned). */
    protected Process process(Service instance) {
        return running.get(instance);
    }

    /** Starts a service whose process has ended (or was stopped) and waits until it is ready. */
    protected void startAgain(String name) {
        startAgain(service(name));
    }

    /** Starts an instance whose process has ended (or was stopped) on its port again and waits until it is ready. */
    protected void startAgain(Service instance) {
        try {
            running.put(instance, startService(instance));
            rememberChildren();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(instance, readyTimeout);
    }

    /**
     * One more instance of a service, as a deployment scales it out: the same jar, database and broker on a port of its
     * own, logging to {@code <service>-<port>.log}; returns once it is ready. It joins the service's consumer groups and
     * competes for the outbox relay's lock. {@link #stopInstance(Service)} stops it; {@link #close()} stops it too.
     */
    public Service startInstance(String name) {
        Service first = service(name);
        Service instance = new Service(first.name(), first.database(), Ports.free());
        startAgain(instance);
        return instance;
    }

    /** Stops an instance (SIGTERM, as an orchestrator does: it leaves its consumer groups) and forgets it. */
    public void stopInstance(Service instance) {
        stopProcess(running.remove(instance), instance.name() + " on " + instance.port());
    }

    /** Stops the broker process; {@link #startKafkaAgain()} starts it on the same data and port. */
    protected void stopKafkaProcess() {
        stopProcess(kafka, "kafka");
    }

    protected void startKafkaAgain() {
        try {
            startKafka();
            rememberChildren();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process startService(Service s) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m"));
        String extra = System.getenv("GOVQMS_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar(s).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(s).toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(s.database()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", keys.issuer());
        env.putAll(options.serviceEnv());
        if (s.name().equals("notification-service")) {
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(options.smtpPort()));
            if (!options.durable()) {
                // the e2e scenarios watch reminders and escalations happen: check every few seconds, not every 10 minutes
                env.put("GOVQMS_DEADLINES_CHECK_EVERY", "2s");
            }
        }
        return pb.start();
    }

    /** {@code <service>.log}; a further instance's {@code <service>-<port>.log}. */
    private Path logFile(Service s) {
        return logDir.resolve(options.services().contains(s) ? s.name() + ".log" : s.name() + "-" + s.port() + ".log");
    }

    private void awaitReady(Service s, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Process p = running.get(s);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.name() + " exited with " + p.exitValue() + "; see " + logFile(s));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(s.name() + " not ready after " + timeout + "; see " + logFile(s));
    }

    /** Stops services, then the broker, then the database; releases the lock. Safe to call twice. */
    @Override
    public void close() {
        List<Service> reversed = new ArrayList<>(running.keySet());
        Collections.reverse(reversed);
        running.values().forEach(Process::destroy);
        for (Service s : reversed) {
            stopProcess(running.get(s), s.name());
        }
        running.clear();
        if (kafka != null) {
            stopProcess(kafka, "kafka");
            kafka = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
        try {
            Files.deleteIfExists(options.dataDir().resolve("children.pid"));
            if (lock != null) {
                lock.release();
                lockChannel.close();
                lock = null;
            }
        } catch (IOException e) {
            LOG.fine("releasing the lock: " + e.getMessage());
        }
    }

    private static void stopProcess(Process p, String name) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warning(name + " did not stop in 30 s: killing it");
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private Path jar(Service s) {
        return options.repoRoot().resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** deploy/parts's own jar and runtime classpath (the broker process's), as its build wrote them. */
    private String partsClasspath() throws IOException {
        Path target = options.repoRoot().resolve("deploy/parts/target");
        Path cpFile = target.resolve("classpath.txt");
        if (!Files.exists(cpFile)) {
            throw new IllegalStateException(cpFile + " is missing: build deploy/parts first (./mvnw -DskipTests package)");
        }
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(f -> f.getFileName().toString().matches("govqms-parts-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("deploy/parts jar missing in " + target));
            return jar + ":" + Files.readString(cpFile).trim();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Another launcher holds the data folder. */
    public static final class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException(String message) {
            super(message);
        }
    }
}
