package vn.govqms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** JSON over HTTP, asynchronous (java.net.http, HTTP/1.1), a bounded number of calls in flight. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One call; fails unless the status is one of {@code expected}; 503 and dropped connections are tried again. */
    CompletableFuture<JsonNode> call(String method, String url, String token, String body, int... expected) {
        return attempt(method, url, token, body, expected, 1);
    }

    private CompletableFuture<JsonNode> attempt(String method, String url, String token, String body, int[] expected, int n) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).handle((r, e) -> {
            if (e != null || r.statusCode() == 503) {
                if (n < 6) {
                    return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(300L * n, TimeUnit.MILLISECONDS))
                            .thenCompose(x -> attempt(method, url, token, body, expected, n + 1));
                }
                throw new IllegalStateException(method + " " + url + ": " + (e != null ? e : "503 " + r.body()));
            }
            for (int s : expected) {
                if (s == r.statusCode()) {
                    return CompletableFuture.completedFuture(read(r.body()));
                }
            }
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body()
                    + (body == null ? "" : "\n  sent: " + body.substring(0, Math.min(400, body.length()))));
        }).thenCompose(Function.identity());
    }

    JsonNode send(String method, String url, String token, String body, int... expected) {
        try {
            return call(method, url, token, body, expected).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** {@code work} applied to each item with at most {@code inFlight} at once; the results in order. */
    static <T, R> List<R> each(List<T> items, int inFlight, Function<T, CompletableFuture<R>> work) {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<R>> all = new ArrayList<>(items.size());
        for (T item : items) {
            permits.acquireUninterruptibly();
            CompletableFuture<R> f;
            try {
                f = work.apply(item);
            } catch (RuntimeException e) {
                permits.release();
                throw e;
            }
            f.whenComplete((r, e) -> permits.release());
            all.add(f);
        }
        List<R> out = new ArrayList<>(items.size());
        for (CompletableFuture<R> f : all) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        return out;
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
