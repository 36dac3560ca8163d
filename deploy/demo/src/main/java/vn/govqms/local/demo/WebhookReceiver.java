package vn.govqms.local.demo;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a one-stop-shop system's webhook endpoint on this machine: accepts every delivery
 * (204) and, when given a folder, writes each one there as {@code <webhook-id>.json}. It does not check
 * signatures (the secret is shown once, at subscription; see NotificationIT for a receiver that does).
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String PATH = "/govqms/webhook";

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port); writes deliveries to {@code folder} unless null. */
    public static WebhookReceiver start(int port, Path folder) {
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            WebhookReceiver r = new WebhookReceiver(server);
            server.createContext(PATH, exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                if (folder != null && id != null && id.matches("[A-Za-z0-9_.-]+")) {
                    Files.write(folder.resolve(id + ".json"), body);
                }
                r.received.incrementAndGet();
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 204 : 405, -1);
                exchange.close();
            });
            server.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Deliveries received since the start. */
    public int received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
