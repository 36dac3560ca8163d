package vn.govqms.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves the reference dashboard (deploy/dashboard/dist, built by {@code ./mvnw package}) on 127.0.0.1, with the
 * {@code config.json} the page reads: the services' addresses, the province and a demo user's token. Only the files of
 * that folder are served (no listing, no path outside it). The JDK's own server: a static folder needs no framework.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "map", "application/json", "json", "application/json; charset=utf-8");

    private final HttpServer server;

    private DashboardServer(HttpServer server) {
        this.server = server;
    }

    /** The page's settings, written as its {@code config.json}. */
    public record Config(String documentUrl, String auditUrl, String scoringUrl, String notificationUrl, String token, String provinceCode) {

        String json() {
            return """
                    {"baseUrls":{"document":"%s","audit":"%s","scoring":"%s","notification":"%s"},"token":"%s","provinceCode":"%s"}"""
                    .formatted(documentUrl, auditUrl, scoringUrl, notificationUrl, token, provinceCode);
        }
    }

    /** The built page's folder in this repository, or an explanation of how to build it. */
    public static Path dist(Path repo) {
        Path dist = repo.resolve("deploy/dashboard/dist");
        if (!Files.isRegularFile(dist.resolve("index.html"))) {
            throw new IllegalStateException("the dashboard is not built (" + dist + "/index.html is missing): "
                    + "./mvnw -pl deploy/dashboard -am package, or deploy/local/run --build");
        }
        return dist;
    }

    /** Starts serving {@code dist} on 127.0.0.1:{@code port} (0: a free port). */
    public static DashboardServer start(Path dist, int port, Config config) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            byte[] configJson = config.json().getBytes(StandardCharsets.UTF_8);
            Path root = dist.toAbsolutePath().normalize();
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                        send(exchange, 405, "text/plain", new byte[0]);
                    } else if ("/config.json".equals(path)) {
                        send(exchange, 200, TYPES.get("json"), configJson);
                    } else {
                        Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
                        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                            send(exchange, 404, "text/plain", "không có".getBytes(StandardCharsets.UTF_8));
                        } else {
                            String name = file.getFileName().toString();
                            send(exchange, 200, TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"),
                                    Files.readAllBytes(file));
                        }
                    }
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "dashboard-http");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return new DashboardServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        // the token is in config.json: never cached
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
        if (!"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseBody().write(body);
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8090/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
