package vn.govqms.e2e;

import vn.govqms.local.KafkaBroker;
import vn.govqms.local.LocalStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The stack of the end-to-end tests with the faults they inject: a service crash (SIGKILL) and a broker
 * outage. The launcher's {@link LocalStack} has no such operations; this extends its lifecycle of single parts.
 */
final class FaultyStack extends LocalStack {

    private FaultyStack(Options options) {
        super(options);
    }

    static FaultyStack startFaulty(Options options) {
        return start(new FaultyStack(options));
    }

    /** Kills a service with SIGKILL (a crash); {@link #restartService(String)} starts it again. */
    void killService(String name) {
        killInstance(service(name));
    }

    void restartService(String name) {
        startAgain(name);
    }

    /** Kills one instance of a service (the first is {@code service(name)}, more come from {@link #startInstance(String)}). */
    void killInstance(Service instance) {
        Process p = process(instance);
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a killed or stopped instance again on its port, with its database; returns when it is ready. */
    void restartInstance(Service instance) {
        startAgain(instance);
    }

    /** A number the service's database answers to {@code sql} (one {@code text[]} parameter, e.g. agency ids). */
    long count(String service, String sql, String[] ids) {
        try (Connection c = DriverManager.getConnection(postgres().jdbcUrl(service(service).database()), postgres().username(),
                postgres().password()); PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setArray(1, c.createArrayOf("text", ids));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements in the service's database (test data written as the service's own code would write it). */
    void execute(String service, String... statements) {
        try (Connection c = DriverManager.getConnection(postgres().jdbcUrl(service(service).database()), postgres().username(),
                postgres().password()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker process (an outage); {@link #restartKafka()} brings it back on the same data. */
    void stopKafka() {
        stopKafkaProcess();
    }

    /**
     * Starts the broker again and returns when it was ready (answering clients): the launcher goes on to create the
     * topics, which on a busy host takes seconds more, while the services already use the broker.
     */
    Instant restartKafka() {
        CompletableFuture<Instant> ready = CompletableFuture.supplyAsync(() -> {
            KafkaBroker.awaitReady(kafkaBootstrapServers(), Duration.ofSeconds(300));
            return Instant.now();
        });
        startKafkaAgain();
        return ready.join();
    }

    /**
     * How long after {@code since} the service first applied an event (its first {@code processed_event} row written
     * after that instant: its transaction's start), if it has: when its consumers were consuming again.
     */
    Optional<Duration> firstConsumedAfter(String service, Instant since) {
        return firstAfter(service, "select min(processed_at) from processed_event where processed_at > ?", since);
    }

    private Optional<Duration> firstAfter(String service, String sql, Instant since) {
        try (Connection c = DriverManager.getConnection(postgres().jdbcUrl(service(service).database()), postgres().username(),
                postgres().password()); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp first = rs.getTimestamp(1);
                return first == null ? Optional.empty() : Optional.of(Duration.between(since, first.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
