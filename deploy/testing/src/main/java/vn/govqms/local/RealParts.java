package vn.govqms.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The real PostgreSQL and Kafka of one test JVM: started once, on free ports, in throw-away
 * folders, and stopped when the JVM ends. Clusters left by a killed JVM are stopped at the next start.
 */
public final class RealParts {

    private static final Logger LOG = Logger.getLogger(RealParts.class.getName());
    /** System property through which test helpers find the signing keys, whatever their class loader. */
    public static final String JWT_DIR_PROPERTY = "govqms.test.jwt.dir";
    public static final String KAFKA_PROPERTY = "govqms.test.kafka";
    public static final String POSTGRES_PROPERTY = "govqms.test.postgres";
    public static final String POSTGRES_USER_PROPERTY = "govqms.test.postgres.user";

    private static RealParts instance;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final JwtKeys keys;
    private final Path runDir;

    private RealParts(PostgresServer postgres, KafkaBroker kafka, JwtKeys keys, Path runDir) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
        this.runDir = runDir;
    }

    public static synchronized RealParts get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(RealParts::stopAll, "govqms-real-parts-stop"));
        }
        return instance;
    }

    private static RealParts start() {
        long t0 = System.nanoTime();
        // /tmp rather than the project folder: PostgreSQL runs as an unprivileged user who must reach it
        Path base = Path.of(System.getProperty("govqms.realparts.dir", "/tmp/govqms-realparts"));
        Path pgParent = base.resolve("pg");
        PostgresServer.stopStaleClusters(pgParent);
        deleteDeadRuns(base);
        long pid = ProcessHandle.current().pid();
        Path runDir = base.resolve("run-" + pid);
        PostgresServer pg = PostgresServer.start(pgParent.resolve(Long.toString(pid)), Ports.free(), PostgresServer.Mode.TEST);
        KafkaBroker kafka = KafkaBroker.start(runDir.resolve("kafka"), Ports.free(), Ports.free());
        KafkaBroker.createTopics(kafka.bootstrapServers(), 3);
        JwtKeys keys = JwtKeys.inFolder(runDir.resolve("jwt"));
        System.setProperty(JWT_DIR_PROPERTY, runDir.resolve("jwt").toString());
        System.setProperty(KAFKA_PROPERTY, kafka.bootstrapServers());
        System.setProperty(POSTGRES_PROPERTY, pg.jdbcUrl(""));
        System.setProperty(POSTGRES_USER_PROPERTY, pg.username());
        LOG.info(() -> String.format("real parts ready in %d ms: PostgreSQL 127.0.0.1:%d, Kafka %s",
                (System.nanoTime() - t0) / 1_000_000, pg.port(), kafka.bootstrapServers()));
        return new RealParts(pg, kafka, keys, runDir);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public JwtKeys keys() {
        return keys;
    }

    static synchronized void stopAll() {
        if (instance == null) {
            return;
        }
        RealParts parts = instance;
        instance = null;
        try {
            parts.kafka.stop();
        } catch (RuntimeException e) {
            LOG.warning("stopping Kafka: " + e.getMessage());
        }
        parts.postgres.stop();
        Folders.deleteTree(parts.runDir);
        Folders.deleteTree(parts.postgres.dataDir());
    }

    /** Folders of test JVMs that are gone (their servers were stopped just before). */
    private static void deleteDeadRuns(Path base) {
        for (Path parent : new Path[] {base, base.resolve("pg")}) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(parent)) {
                dirs.forEach(d -> {
                    String name = d.getFileName().toString().replace("run-", "");
                    if (name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).isEmpty()) {
                        Folders.deleteTree(d);
                    }
                });
            } catch (IOException e) {
                LOG.warning("cannot clean " + parent + ": " + e.getMessage());
            }
        }
    }
}
