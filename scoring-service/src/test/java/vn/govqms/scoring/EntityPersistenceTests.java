package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.PROBLEM;

/**
 * The persistence rule as scoring-service keeps it: an assessment is an entity whose {@code @Version} decides between
 * concurrent writers that read the same ETag, and its items and criteria set definitions are {@code jsonb} documents
 * that SQL reads with JSON operators.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class EntityPersistenceTests {

    @Test
    void concurrentScoresWithOneETagMakeExactlyOneWinner() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Xây dựng");
        CriteriaSets.activeSet(p, 2020);
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String id = AssessmentTests.start(officer, agency, "SELF");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/assessments/" + id + "/items");

        List<CompletableFuture<HttpResponse<String>>> saves = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            saves.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json").header("If-Match", "\"0\"")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"criterionCode\":\"1.2\",\"points\":" + i + "}]}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = saves.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertEquals(1, won.size(), () -> "exactly one save wins: " + answers.stream().map(HttpResponse::statusCode).toList());
        assertTrue(answers.stream().filter(r -> r.statusCode() != 200).allMatch(r -> r.statusCode() == 412
                        && r.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM)
                        && "https://govqms.vn/problems/stale-version".equals(JsonPath.from(r.body()).getString("type"))),
                () -> "every other save is 412 stale-version: " + answers.stream().map(HttpResponse::body).distinct().toList());
        float points = JsonPath.from(won.get(0).body()).getFloat("items.find { it.criterionCode == '1.2' }.points");
        given().auth().oauth2(officer).get("/api/v1/assessments/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("items.find { it.criterionCode == '1.2' }.points", equalTo(points));
        given().auth().oauth2(officer).queryParam("resourceType", "assessment").queryParam("resourceId", id).get("/api/v1/audit-trail")
                .then().statusCode(200).body("items.findAll { it.action == 'scored' }.size()", equalTo(1));
    }

    @Test
    void itemsAndDefinitionsAreJsonbReadWithJsonOperators() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Sở Công Thương");
        String set = CriteriaSets.activeSet(p, 2020);
        String officer = TestTokens.agencyRole("iso-officer", agency, p);
        String id = AssessmentTests.start(officer, agency, "SELF");
        AssessmentTests.score(officer, id, 0, "25");

        assertEquals("array", TestDb.value(Fixtures.db(), "select jsonb_typeof(items) from assessment where id = '" + id + "'"));
        assertEquals(1, TestDb.count(Fixtures.db(), "select count(*) from assessment where id = '" + id + "' and items @> "
                + "'[{\"criterionCode\":\"1.2\",\"points\":25,\"evidenceLinks\":[\"https://stp.gov.vn/iso/so-tay.pdf\"]}]'"));
        assertEquals("object", TestDb.value(Fixtures.db(), "select jsonb_typeof(definition) from criteria_set where id = '" + set + "'"));
        assertEquals(1, TestDb.count(Fixtures.db(), "select count(*) from criteria_set where id = '" + set + "' and definition @> "
                + "'{\"groups\":[{\"criteria\":[{\"code\":\"2.1\",\"indicator\":\"PROCEDURE_REVIEWS_OVERDUE\"}]}]}'"));
        // what the entity wrote reads back whole through the API
        given().auth().oauth2(officer).get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .body("items.find { it.criterionCode == '1.2' }.points", equalTo(25.0f))
                .body("items.find { it.criterionCode == '1.2' }.evidenceLinks[0]", equalTo("https://stp.gov.vn/iso/so-tay.pdf"));
    }
}
