package vn.govqms.e2e;

import vn.govqms.local.Folders;
import vn.govqms.local.LocalStack;
import vn.govqms.local.PostgresServer;
import vn.govqms.local.demo.DemoLoader;
import vn.govqms.local.demo.WebhookReceiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The packaged system, started once for all end-to-end tests exactly as the local run starts it
 * (PostgreSQL, a Kafka broker process, the four service jars), on free ports with throw-away data.
 */
final class E2eStack {

    /** The origin of a dashboard page allowed to call the stack from a browser (CORS). */
    static final String DASHBOARD = "https://dashboard.bacninh.gov.vn";

    /**
     * The port of the reference dashboard's page in the browser test (DashboardBrowserIT): its origin is allowed too, chosen
     * free when the stack starts so that two runs on one machine do not collide.
     */
    static final int DASHBOARD_PAGE_PORT = freePort();

    private static FaultyStack stack;
    private static Demo demo;

    /** The demo as loaded once for the tests that need it: its first load's result, and the receiver of its webhooks. */
    record Demo(DemoLoader.Config config, DemoLoader.Result first, WebhookReceiver receiver) {
    }

    private E2eStack() {
    }

    static synchronized FaultyStack get() {
        if (stack == null) {
            Path repo = Path.of(System.getProperty("govqms.repo", "../..")).toAbsolutePath().normalize();
            // a folder per run, so that two runs on one machine (developers, CI) do not share data; stale ones go
            Path runs = repo.resolve("deploy/e2e/target/e2e-data");
            deleteStaleRuns(runs);
            Path data = runs.resolve("run-" + ProcessHandle.current().pid());
            Folders.deleteTree(data);
            try {
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long t0 = System.nanoTime();
            stack = FaultyStack.startFaulty(LocalStack.Options.test(repo, data).withServiceEnv("GOVQMS_CORS_ORIGINS",
                    DASHBOARD + ",http://127.0.0.1:" + DASHBOARD_PAGE_PORT));
            System.out.printf("e2e: the whole stack was ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.close(), "e2e-stack-stop"));
        }
        return stack;
    }

    /** Loads the demo data once (DemoDataIT checks what the first load made; DashboardBrowserIT shows it in a browser). */
    static synchronized Demo demo() {
        if (demo == null) {
            FaultyStack s = get();
            WebhookReceiver receiver = WebhookReceiver.start(0, null);
            DemoLoader.Config config = new DemoLoader.Config(s.service("document-service").baseUrl(), s.service("audit-service").baseUrl(),
                    s.service("scoring-service").baseUrl(), s.service("notification-service").baseUrl(), DemoLoader.TokenSource.local(s.keys()),
                    receiver.url(), 8, System.out, null);
            DemoLoader.Result first = DemoLoader.load(config);
            System.out.printf("e2e: the first demo load took %.1f s (%d created)%n", first.seconds(), first.created());
            demo = new Demo(config, first, receiver);
        }
        return demo;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteStaleRuns(Path runs) {
        if (!Files.isDirectory(runs)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            dirs.filter(d -> {
                String name = d.getFileName().toString();
                if (!name.startsWith("run-")) {
                    return false;
                }
                try {
                    return ProcessHandle.of(Long.parseLong(name.substring(4))).isEmpty();
                } catch (NumberFormatException e) {
                    return true;
                }
            }).forEach(stale -> {
                // a killed run may have left its PostgreSQL running
                PostgresServer.stopStaleClusters(stale);
                Folders.deleteTree(stale);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
