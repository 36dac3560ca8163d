package vn.govqms.local;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * An Apache Kafka broker in KRaft combined mode (broker and controller in one), on loopback.
 * Runs inside this JVM (tests) or, through {@link KafkaMain}, as a process of its own (local run).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());

    /**
     * The topics of the project: one per publishing service, and their dead letters. The one-stop ingress,
     * onestop.dossier-events.<province code>, is created by its first record (auto-create) and subscribed by pattern.
     */
    public static final List<String> TOPICS = List.of("document.events", "audit.events", "scoring.events");

    /**
     * Dead-letter topics that a consumer's channel names ({@code govqms.dead-letters.topics.<channel>}) instead of
     * {@code <topic>.dlq}: scoring-service's one for the provinces' dossier topics, which it reads by pattern.
     * deploy/checks ({@code LocalTopicsTests}) fails when a service's configuration names one not listed here.
     */
    public static final List<String> NAMED_DEAD_LETTER_TOPICS = List.of("scoring.dossier-events.dlq");

    /** Every topic {@link #createTopics} creates: the services' topics, their {@code .dlq}, and the named dead-letter topics. */
    public static List<String> topicsToCreate() {
        return Stream.concat(TOPICS.stream().flatMap(t -> Stream.of(t, t + ".dlq")), NAMED_DEAD_LETTER_TOPICS.stream()).toList();
    }

    private final int port;
    private final KafkaRaftServer server;

    private KafkaBroker(int port, KafkaRaftServer server) {
        this.port = port;
        this.server = server;
    }

    /** A SCRAM-SHA-512 login: what a client puts in {@code sasl.jaas.config} (KAFKA_SASL_JAAS_CONFIG for the services). */
    public record Login(String username, String password) {

        public String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username + "\" password=\""
                    + password + "\";";
        }

        /** The client settings for this login on a broker's SASL listener (as the kit reads them from KAFKA_* variables). */
        public Map<String, Object> clientProperties() {
            return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", SCRAM, "sasl.jaas.config", jaasConfig());
        }
    }

    static final String SCRAM = "SCRAM-SHA-512";

    /** Formats {@code logDir} if new and starts the broker; returns once it answers. */
    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, serverProperties(logDir, port, controllerPort), List.of(), Map.of());
    }

    /**
     * The broker with authentication, as production runs it (deploy/k8s: SCRAM-SHA-512): its one client listener takes
     * SASL_PLAINTEXT logins with SCRAM-SHA-512 only; {@code broker} is its own login (inter-broker), {@code users} the
     * clients'. The credentials are written at format time (KRaft keeps them in its metadata log), as
     * {@code kafka-storage format --add-scram} does. The local run and the tests stay without authentication.
     */
    public static KafkaBroker startWithSasl(Path logDir, int port, int controllerPort, Login broker, List<Login> users) {
        Properties props = serverProperties(logDir, port, controllerPort);
        props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", SCRAM);
        props.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", broker.jaasConfig());
        List<Login> logins = new ArrayList<>(users);
        logins.add(0, broker);
        return start(logDir, port, controllerPort, props, logins, broker.clientProperties());
    }

    private static KafkaBroker start(Path logDir, int port, int controllerPort, Properties props, List<Login> logins,
                                     Map<String, Object> client) {
        format(logDir, props, logins);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(port, server);
        awaitReady(broker.bootstrapServers(), client, Duration.ofSeconds(60));
        LOG.info(() -> "Kafka started on 127.0.0.1:" + port + (logins.isEmpty() ? "" : " (SASL " + SCRAM + ")") + " with logs in " + logDir);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Blocks until the broker has shut down (its threads are daemons: a process must wait here). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        stop();
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    private static void format(Path logDir, Properties props, List<Login> logins) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
            try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(w, "GovQMS local Kafka broker");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // static quorum (controller.quorum.voters): no --standalone
            List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(),
                    "--ignore-formatted"));
            for (Login l : logins) {
                args.addAll(List.of("--add-scram", SCRAM + "=[name=" + l.username() + ",password=" + l.password() + "]"));
            }
            int code = StorageTool.execute(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8));
            if (code != 0) {
                throw new IllegalStateException("kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a broker answers at {@code bootstrapServers}. */
    public static void awaitReady(String bootstrapServers, Duration timeout) {
        awaitReady(bootstrapServers, Map.of(), timeout);
    }

    /** Waits until a broker answers at {@code bootstrapServers} to a client with the settings {@code client} (a login). */
    public static void awaitReady(String bootstrapServers, Map<String, Object> client, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin(bootstrapServers, client)) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException(e.getMessage(), e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers + " not ready in " + timeout, last);
    }

    /** Creates the project's topics and every dead-letter topic ({@link #topicsToCreate()}) that does not exist. */
    public static void createTopics(String bootstrapServers, int partitions) {
        createTopics(bootstrapServers, Map.of(), partitions);
    }

    /** The same through a client with the settings {@code client} (a login). */
    public static void createTopics(String bootstrapServers, Map<String, Object> client, int partitions) {
        try (Admin admin = admin(bootstrapServers, client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topicsToCreate().stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, t.endsWith(".dlq") ? 1 : partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        }
    }

    static Admin admin(String bootstrapServers, Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
        return Admin.create(config);
    }
}
