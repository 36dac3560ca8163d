package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optimistic concurrency under contention: 100 officers save the same draft at once with the same If-Match; exactly one
 * save wins per ETag, every other one gets 412 problem+json, and what is stored is the winner's text, whole.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ConcurrentEditTests {

    @Test
    void oneHundredConcurrentSavesWithOneETagMakeExactlyOneWinner() {
        ControlledDocumentTests.World w = ControlledDocumentTests.world();
        String id = w.officer().body(ControlledDocumentTests.document(w, "QT-KHCN-09", 2)).post("/api/v1/documents")
                .then().statusCode(201).extract().path("id");
        String token = TestTokens.agencyRole("iso-officer", w.agency(), "24");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/documents/" + id + "/versions/1");

        for (int round = 0; round < 2; round++) {
            String etag = "\"" + round + "\"";
            List<CompletableFuture<HttpResponse<String>>> saves = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                // each officer's text is recognisable: the third step takes i + round/10 days
                String body = ControlledDocumentTests.document(w, "QT-KHCN-09", i + round / 10.0)
                        .replaceAll("(?s)^.*\"content\":", "{\"content\":");
                saves.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = saves.stream().map(CompletableFuture::join).toList();
            List<HttpResponse<String>> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
            assertEquals(1, won.size(), "exactly one save wins with If-Match " + etag);
            assertTrue(answers.stream().filter(r -> r.statusCode() != 200).allMatch(r -> r.statusCode() == 412
                    && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")),
                    () -> "every other save gets 412 problem+json: " + answers.stream().map(HttpResponse::statusCode).distinct().toList());
            float winnerDays = JsonPath.from(won.get(0).body()).getFloat("content.steps[2].durationDays");
            assertTrue(winnerDays >= 1 && winnerDays <= 100.1f, won.get(0).body());
            int expectedRound = round + 1;
            w.officer().get("/api/v1/documents/{id}/versions/1", id).then().statusCode(200)
                    .header("ETag", "\"" + expectedRound + "\"")
                    .body("content.steps[2].durationDays", equalTo(winnerDays));
        }
        // the history holds the two saves that won, no more
        w.officer().queryParam("resourceType", "document").queryParam("resourceId", id).get("/api/v1/audit-trail").then()
                .statusCode(200).body("items.findAll { it.action.startsWith('edit') }.size()", equalTo(2));
    }
}
