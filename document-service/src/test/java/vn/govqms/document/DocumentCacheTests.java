package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A document's strong ETag and Cache-Control, and its answer (304 or the bytes) from memory when its newest version is issued. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class DocumentCacheTests {

    /** Every table a document's answer is read from. */
    static final String TABLES = "controlled_document, document_version, agency";

    @Test
    void anIssuedDocumentUnchangedIsAnsweredFromMemoryToThoseWhoMayReadIt() {
        ControlledDocumentTests.World w = ControlledDocumentTests.world();
        String id = w.officer().body(ControlledDocumentTests.document(w, "QT-KHCN-31", 2)).post("/api/v1/documents").then().statusCode(201)
                .extract().path("id");
        // a draft: to be asked for again before each use
        String draft = w.officer().get("/api/v1/documents/{id}", id).then().statusCode(200).header("Cache-Control", containsString("no-cache"))
                .header("Cache-Control", containsString("private")).extract().header("ETag");
        assertFalse(draft.startsWith("W/"), draft);
        w.officer().post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
        w.head().post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200);
        w.head().body("{\"effectiveDate\":\"2026-01-01\"}").post("/api/v1/documents/{id}/versions/1/issue", id).then().statusCode(200);

        Response issued = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> w.officer()
                .get("/api/v1/documents/{id}", id).then().extract().response(), r -> "ISSUED".equals(r.path("latest.status")));
        String tag = issued.header("ETag");
        assertNotEquals(draft, tag);
        issued.then().header("Cache-Control", containsString("max-age=60")).header("Cache-Control", not(containsString("no-cache")));

        // with the tables locked, a request that read them would wait past the client's timeout
        RestAssuredConfig quick = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 3_000));
        String otherProvince = TestTokens.provinceAdmin("37");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> TestDb.whileLocked("document", TABLES, () -> {
            w.officer().config(quick).header("If-None-Match", tag).get("/api/v1/documents/{id}", id).then().statusCode(304)
                    .header("ETag", equalTo(tag)).header("Cache-Control", containsString("max-age=60"));
            given().config(quick).auth().oauth2(TestTokens.provinceAdmin("24")).header("If-None-Match", tag).get("/api/v1/documents/{id}", id)
                    .then().statusCode(304);
            // another province's steering committee holding the ETag is refused, not told it is current
            given().config(quick).auth().oauth2(otherProvince).header("If-None-Match", tag).get("/api/v1/documents/{id}", id)
                    .then().statusCode(403);
            // a reader without the ETag gets the same bytes, from memory too; the other province is refused them
            given().config(quick).auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/documents/{id}", id).then().statusCode(200)
                    .header("ETag", equalTo(tag)).body("latest.status", equalTo("ISSUED")).body("code", equalTo("QT-KHCN-31"));
            given().config(quick).auth().oauth2(otherProvince).get("/api/v1/documents/{id}", id).then().statusCode(403);
        }));
        // an ETag that is not the current one: the document
        w.officer().header("If-None-Match", draft).get("/api/v1/documents/{id}", id).then().statusCode(200).header("ETag", equalTo(tag));

        // a new draft revision changes the answer on every instance once its notice arrives
        w.officer().post("/api/v1/documents/{id}/versions", id).then().statusCode(201);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> w.officer().header("If-None-Match", tag)
                .get("/api/v1/documents/{id}", id).then().statusCode(200).body("latest.revision", equalTo(2))
                .header("ETag", not(equalTo(tag))).header("Cache-Control", containsString("no-cache")));
    }

    @Test
    void aChangeMadeInTheDatabaseIsNoticed() {
        ControlledDocumentTests.World w = ControlledDocumentTests.world();
        String id = w.officer().body(ControlledDocumentTests.document(w, "QT-KHCN-32", 2)).post("/api/v1/documents").then().statusCode(201)
                .extract().path("id");
        w.officer().post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
        w.head().post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200);
        w.head().body("{}").post("/api/v1/documents/{id}/versions/1/issue", id).then().statusCode(200);
        String tag = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> w.officer()
                .get("/api/v1/documents/{id}", id).then().extract().response(), r -> "ISSUED".equals(r.path("latest.status"))).header("ETag");
        w.officer().header("If-None-Match", tag).get("/api/v1/documents/{id}", id).then().statusCode(304);
        // as another instance or a script would: every instance hears of it at the commit
        TestDb.update("document", "update controlled_document set title = 'Quy trình cấp phép (sửa đổi)' where id = '" + id + "'");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> w.officer().header("If-None-Match", tag)
                .get("/api/v1/documents/{id}", id).then().statusCode(200).body("title", equalTo("Quy trình cấp phép (sửa đổi)")));
    }
}
