package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client that gives up must not cost a connection. On an overloaded host the 4 Dec soak saw every request answered 503
 * after the pool's 30 s wait, for minutes, with the connections in use flat: a pool drained for good. Here hundreds of
 * requests of the soak's mix (reads of a document, draft edits with If-Match, lists) are abandoned by their clients (the
 * socket reset) while they wait for a connection, while their statements run and while their transactions are open, then
 * again while every connection of the pool (32) is stuck in a statement behind a lock the test holds and more requests
 * wait for one. A request that kept its connection would leave the pool short for good (a test profile with a smaller
 * pool would restart the application and the real parts with it). Afterwards every request is answered as usual within
 * a second and no connection is left idle in a transaction.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AbandonedRequestTests {

    static final int ABANDONED = 400;

    /** The soak's mix: a province admin's reads and lists, an ISO officer's draft edits (the body of an edit given). */
    record Mix(String officer, String admin, String agency, List<String> documents, String edit) {

        /** One request of the mix, as raw HTTP/1.1, for a client that will drop it. */
        String request(int i) {
            String document = documents.get(i % documents.size());
            return switch (i % 3) {
                case 0 -> "GET /api/v1/documents/" + document + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin + "\r\n\r\n";
                // an If-Match that is stale most of the time: the transaction reads the draft and answers 412, or writes
                case 1 -> "PUT /api/v1/documents/" + document + "/versions/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + officer
                        + "\r\nIf-Match: \"" + (i % 4) + "\"\r\nContent-Type: application/json\r\nContent-Length: "
                        + edit.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + edit;
                default -> "GET /api/v1/documents?agencyId=" + agency + "&size=20 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + admin + "\r\n\r\n";
            };
        }
    }

    @Test
    void requestsAbandonedByTheirClientsLeaveThePoolWhole() throws Exception {
        ControlledDocumentTests.World w = ControlledDocumentTests.world();
        List<String> documents = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            documents.add(w.officer().body(ControlledDocumentTests.document(w, "QT-BO-0" + i, 2)).post("/api/v1/documents")
                    .then().statusCode(201).extract().path("id"));
        }
        String edit = ControlledDocumentTests.document(w, "QT-BO-01", 3).replaceAll("(?s)^.*\"content\":", "{\"content\":");
        Mix mix = new Mix(TestTokens.agencyRole("iso-officer", w.agency(), "24"), TestTokens.provinceAdmin("24"), w.agency(), documents,
                edit);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < ABANDONED; i++) {
            requests.add(mix.request(i));
        }

        // clients that give up: each sends its request and resets the connection 0-300 ms later (many while waiting for a
        // connection, some while their statements or transactions run)
        abandon(requests, 17);
        // and while every connection is stuck in a statement: a lock on the documents' table holds every request of the
        // mix (reads, lists and the edits' transactions) until all its clients have reset their connections; 100 requests
        // for the pool's 32 connections
        try (Connection lock = Fixtures.connection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("lock table controlled_document in access exclusive mode");
            }
            abandon(requests.subList(0, 100), 23);
            lock.commit();
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        // the abandoned requests the service had already begun may still finish; once they have, the pool serves again
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> answerWithinASecond(http, get(mix.admin(), "/api/v1/documents/" + documents.get(0))).join() == 200);
        // no transaction was left open on a connection (pg_stat_activity, the service's database)
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> Fixtures.count(
                "select count(*) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'"
                        + " and pid <> pg_backend_pid()") == 0);

        // and every request of the mix is answered as usual within a second, twelve at once
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (String document : documents) {
                answers.add(answerWithinASecond(http, get(mix.admin(), "/api/v1/documents/" + document)));
                answers.add(answerWithinASecond(http, get(mix.admin(), "/api/v1/documents?agencyId=" + mix.agency() + "&size=20")));
                answers.add(answerWithinASecond(http, HttpRequest.newBuilder(uri("/api/v1/documents/" + document + "/versions/1"))
                        .header("Authorization", "Bearer " + mix.officer()).header("Content-Type", "application/json")
                        .header("If-Match", "\"999\"").PUT(HttpRequest.BodyPublishers.ofString(edit)).build()));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            for (int i = 0; i < statuses.size(); i++) {
                // a read or a list: 200; an edit with an ETag no draft has: 412
                assertEquals(i % 3 == 2 ? 412 : 200, statuses.get(i), "round " + round + ": " + statuses);
            }
        }
        assertEquals(0, Fixtures.count("select count(*) from pg_stat_activity where datname = current_database()"
                + " and state like 'idle in transaction%' and pid <> pg_backend_pid()"));
    }

    /** Sends each request on a connection of its own and resets the connection 0-300 ms later. */
    static void abandon(List<String> requests, long seed) throws Exception {
        Random random = new Random(seed);
        ScheduledExecutorService resets = Executors.newScheduledThreadPool(4);
        try {
            List<CompletableFuture<Void>> dropped = new ArrayList<>();
            for (String request : requests) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                CompletableFuture<Void> reset = new CompletableFuture<>();
                resets.schedule(() -> {
                    reset(socket);
                    reset.complete(null);
                }, random.nextInt(300), TimeUnit.MILLISECONDS);
                dropped.add(reset);
            }
            CompletableFuture.allOf(dropped.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        } finally {
            resets.shutdownNow();
        }
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    static HttpRequest get(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build();
    }

    /** The status of the answer, or 0 when none came within a second. */
    static CompletableFuture<Integer> answerWithinASecond(HttpClient http, HttpRequest request) {
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(1)).build();
        return http.sendAsync(timed, HttpResponse.BodyHandlers.discarding()).handle((answer, failure) -> failure == null ? answer.statusCode() : 0);
    }

    /** Drops the connection as a client that gives up does: a reset, not an orderly close. */
    static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
