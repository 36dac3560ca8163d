package vn.govqms.local;

import vn.govqms.local.demo.DemoLoader;
import vn.govqms.local.demo.WebhookReceiver;

import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run}: PostgreSQL, Kafka and the four services on this machine, data kept in
 * {@code .data/} between runs; Ctrl-C stops everything cleanly. With {@code --demo} the seeds' world is
 * loaded once the services are ready (see {@link DemoLoader}).
 */
public final class LocalRun {

    /**
     * The origins whose pages may call the API from a browser (CORS): the dashboard's address in the local run, on both names
     * of this machine. {@code GOVQMS_CORS_ORIGINS} in the environment replaces them.
     */
    static final String DASHBOARD_ORIGINS = "http://127.0.0.1:8090,http://localhost:8090";

    /** The dashboard's port in the local run, the one of {@link #DASHBOARD_ORIGINS}. */
    static final int DASHBOARD_PORT = 8090;

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("govqms.repo", ".")).toAbsolutePath().normalize();
        Path data = repo.resolve(".data");
        boolean reset = false;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--demo" -> demo = true;
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "-h", "--help" -> {
                    System.out.println("usage: deploy/local/run [--reset] [--demo] [--data DIR]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: deploy/local/run [--reset] [--demo] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        if (reset) {
            if (Files.exists(data.resolve("govqms.lock")) && isLocked(data)) {
                System.err.println("GovQMS is running with data in " + data + ": stop it before --reset");
                System.exit(1);
            }
            System.out.println("--reset: wiping " + data);
            Folders.deleteTree(data);
            Folders.deleteTree(Path.of("/var/tmp/govqms-pg"));
        }
        Files.createDirectories(data);
        long t0 = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(LocalStack.Options.local(repo, data).withServiceEnv("GOVQMS_CORS_ORIGINS", corsOrigins()));
        } catch (LocalStack.AlreadyRunningException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping GovQMS ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "govqms-stop"));
        System.out.printf("%nGovQMS is up in %.1f s (data in %s, logs in %s)%n%n", (System.nanoTime() - t0) / 1e9,
                data, stack.logDir());
        for (LocalStack.Service s : stack.services()) {
            System.out.printf("  %-22s %s   Swagger UI: %s/q/swagger-ui%n", s.name(), s.baseUrl(), s.baseUrl());
        }
        System.out.printf("%n  PostgreSQL  127.0.0.1:%d (user %s; databases document, audit, scoring, notification)%n",
                stack.postgres().port(), stack.postgres().username());
        System.out.printf("  Kafka       %s%n", stack.kafkaBootstrapServers());
        System.out.printf("  SMTP        127.0.0.1:%d (mail is caught here, not sent on; each message is written to %s)%n",
                stack.mail().port(), data.resolve("mail"));
        System.out.printf("  CORS        pages at %s may call the API (GOVQMS_CORS_ORIGINS replaces them)%n", corsOrigins());
        System.out.println("\nA token:  deploy/local/token province-admin --province 24");
        System.out.println("          deploy/local/token iso-officer --agency <agency id> --province 24");
        System.out.println("Then:     curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8081/api/v1/agencies");
        stack.mail().keepWritingTo(data.resolve("mail"));
        String dashboard = serveDashboard(repo, stack);
        if (demo) {
            loadDemo(stack, data);
            if (dashboard != null) {
                System.out.println("\nThe province dashboard (Bắc Ninh, 24, with the demo's data): " + dashboard);
            }
        }
        System.out.println("\nCtrl-C stops everything.");
        stopped.await();
    }

    /**
     * Loads the demo data through the services' APIs, with a webhook receiver for its subscription on
     * 127.0.0.1:12580 that writes each delivery to {@code .data/webhooks/}. A failed load leaves the stack running.
     */
    private static void loadDemo(LocalStack stack, Path data) {
        WebhookReceiver receiver;
        try {
            receiver = WebhookReceiver.start(12580, data.resolve("webhooks"));
        } catch (UncheckedIOException e) {
            receiver = WebhookReceiver.start(0, data.resolve("webhooks"));
        }
        System.out.println();
        try {
            DemoLoader.load(new DemoLoader.Config(stack.service("document-service").baseUrl(), stack.service("audit-service").baseUrl(),
                    stack.service("scoring-service").baseUrl(), stack.service("notification-service").baseUrl(),
                    DemoLoader.TokenSource.local(stack.keys()), receiver.url(), 8, System.out, null));
            System.out.println("Webhook deliveries of the demo subscription: " + receiver.url() + " writes them to " + data.resolve("webhooks"));
        } catch (RuntimeException e) {
            System.err.println("\nThe demo load stopped: " + e.getMessage());
            System.err.println("GovQMS keeps running; deploy/local/demo loads again (it skips what exists).");
        }
    }

    /**
     * Serves the reference dashboard on 127.0.0.1:8090, the origin the services allow (CORS), as the steering committee of
     * Bắc Ninh (24) sees it: a province-admin token of the local keys in its {@code config.json}. Returns its address, or
     * null (said why) when it is not built or the port is taken.
     */
    private static String serveDashboard(Path repo, LocalStack stack) {
        try {
            String token = stack.keys().token("dashboard@24", "province-admin", null, "24", Duration.ofHours(12));
            DashboardServer server = DashboardServer.start(DashboardServer.dist(repo), DASHBOARD_PORT, new DashboardServer.Config(
                    stack.service("document-service").baseUrl(), stack.service("audit-service").baseUrl(),
                    stack.service("scoring-service").baseUrl(), stack.service("notification-service").baseUrl(), token, "24"));
            System.out.printf("  Dashboard   %s (province 24, a province-admin token valid 12 hours; deploy/dashboard)%n", server.url());
            return server.url();
        } catch (IllegalStateException | UncheckedIOException e) {
            System.out.println("  Dashboard   not served: " + e.getMessage());
            return null;
        }
    }

    private static String corsOrigins() {
        String configured = System.getenv("GOVQMS_CORS_ORIGINS");
        return configured == null || configured.isBlank() ? DASHBOARD_ORIGINS : configured;
    }

    private static boolean isLocked(Path data) {
        try (var ch = FileChannel.open(data.resolve("govqms.lock"), StandardOpenOption.WRITE)) {
            var lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
