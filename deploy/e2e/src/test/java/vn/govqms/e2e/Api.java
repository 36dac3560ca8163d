package vn.govqms.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The four services of the e2e stack as the scenarios call them: a role, an agency or a province, a service. */
final class Api {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final FaultyStack stack;

    Api(FaultyStack stack) {
        this.stack = stack;
    }

    static Api get() {
        return new Api(E2eStack.get());
    }

    FaultyStack stack() {
        return stack;
    }

    /** A token for {@code role} at {@code agency} (null: the whole province); the subject is {@code role-agency}. */
    String token(String role, String agency, String province) {
        return stack.keys().token(subject(role, agency, province), role, agency, province, Duration.ofHours(1));
    }

    static String subject(String role, String agency, String province) {
        return role + "-" + (agency != null ? agency : province != null ? province : "national");
    }

    RequestSpecification document(String token) {
        return on("document-service", token);
    }

    RequestSpecification audit(String token) {
        return on("audit-service", token);
    }

    RequestSpecification scoring(String token) {
        return on("scoring-service", token);
    }

    RequestSpecification notification(String token) {
        return on("notification-service", token);
    }

    private RequestSpecification on(String service, String token) {
        return given().baseUri(stack.service(service).baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Registers an agency in document-service and waits until the three other services know it. */
    String agency(String province, String name, String level) {
        String admin = token("province-admin", null, province);
        int n = SEQ.incrementAndGet();
        String code = String.format("%03d.%02d.%02d.H%s", 500 + n, n % 100, 31, province);
        String id = document(admin).body("""
                        {"code":"%s","name":"%s","level":"%s","provinceCode":"%s","validFrom":"2018-10-01"}"""
                        .formatted(code, name, level, province))
                .post("/api/v1/agencies").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            audit(admin).get("/api/v1/agencies/{id}", id).then().statusCode(200);
            scoring(admin).get("/api/v1/agencies/{id}", id).then().statusCode(200);
            notification(admin).get("/api/v1/agencies/{id}", id).then().statusCode(200);
        });
        return id;
    }

    /** A ministry (a central body without a parent, registered by national-admin) known to every service; returns its id. */
    String ministry(String nationalToken, String name, String code) {
        String id = document(nationalToken).body("""
                        {"code":"%s","name":"%s","level":"MINISTRY","provinceCode":"00"}""".formatted(code, name))
                .post("/api/v1/agencies").then().statusCode(201).extract().path("id");
        awaitEverywhere(nationalToken, id);
        return id;
    }

    /** A unit of a ministry, registered by the ministry's own ministry-admin; returns its id. */
    String ministryUnit(String ministry, String name) {
        String admin = token("ministry-admin", ministry, null);
        int n = SEQ.incrementAndGet();
        String id = document(admin).body("""
                        {"code":"%03d.%02d.%02d.G%02d","name":"%s","level":"MINISTRY_UNIT","provinceCode":"00","parentId":"%s"}"""
                        .formatted(100 + n, n % 100, 10 + n % 80, n % 90, name, ministry))
                .post("/api/v1/agencies").then().statusCode(201).extract().path("id");
        awaitEverywhere(admin, id);
        return id;
    }

    private void awaitEverywhere(String token, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            audit(token).get("/api/v1/agencies/{id}", id).then().statusCode(200);
            scoring(token).get("/api/v1/agencies/{id}", id).then().statusCode(200);
            notification(token).get("/api/v1/agencies/{id}", id).then().statusCode(200);
        });
    }

    /** A contact of an agency with one role (HEAD, ISO_OFFICER, ...) whose subject is the one {@link #token} gives that role. */
    void contact(String agency, String province, String role, String tokenRole, String name, String email) {
        notification(token("province-admin", null, province)).body("""
                {"agencyId":"%s","subject":"%s","name":"%s","email":"%s","roles":["%s"]}"""
                .formatted(agency, subject(tokenRole, agency, province), name, email, role))
                .post("/api/v1/contacts").then().statusCode(201);
    }

    /** A member of the province's steering committee. */
    void steeringCommitteeMember(String province, String subject, String name, String email) {
        notification(token("province-admin", null, province)).body("""
                {"provinceCode":"%s","subject":"%s","name":"%s","email":"%s"}""".formatted(province, subject, name, email))
                .post("/api/v1/contacts").then().statusCode(201);
    }

    /** Creates and activates a province's criteria set (LiveScoreIT's: 50 points for an agency that has done nothing wrong yet). */
    String activeCriteriaSet(String province, String provinceName) {
        String admin = token("province-admin", null, province);
        String set = scoring(admin).body(LiveScoreIT.SET.formatted(province, provinceName))
                .post("/api/v1/criteria-sets").then().statusCode(201).extract().path("id");
        scoring(admin).post("/api/v1/criteria-sets/{id}/activation", set).then().statusCode(200);
        return set;
    }

    /** A national legal document (registered by national-admin) or, with a provinceCode in it, that province's own; returns its id. */
    String legalDocument(String province, String json) {
        String owner = json.contains("\"provinceCode\"") ? token("province-admin", null, province) : token("national-admin", null, null);
        return document(owner).body(json)
                .post("/api/v1/legal-documents").then().statusCode(201).extract().path("id");
    }

    /** An operational procedure drafted, approved and issued in the agency, citing {@code legalBasis}. */
    String issuedProcedure(String agency, String province, String code, String title, String legalBasis) {
        String officer = token("iso-officer", agency, province);
        String head = token("agency-head", agency, province);
        String id = document(officer).body("""
                {"agencyId":"%s","code":"%s","title":"%s","type":"OPERATIONAL_PROCEDURE",
                 "content":{"legalBasisIds":["%s"],"steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}}"""
                .formatted(agency, code, title, legalBasis)).post("/api/v1/documents").then().statusCode(201).extract().path("id");
        document(officer).post("/api/v1/documents/{id}/versions/1/submit", id).then().statusCode(200);
        document(head).post("/api/v1/documents/{id}/versions/1/approve", id).then().statusCode(200);
        document(head).body("{}").post("/api/v1/documents/{id}/versions/1/issue", id).then().statusCode(200);
        return id;
    }
}
