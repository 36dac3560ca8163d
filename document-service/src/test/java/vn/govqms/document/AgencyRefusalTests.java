package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.govqms.local.testing.Problems.problem;

/** Who may not do what, and what bad input gets: always a 4xx problem+json, never a 500. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class AgencyRefusalTests {


    static String valid(String code) {
        return """
                {"code":"%s","name":"UBND xã Mường Phăng","level":"COMMUNE","provinceCode":"11"}""".formatted(code);
    }

    @Test
    void withoutAValidTokenNothingButHealthAndOpenApiAnswers() {
        given().get("/api/v1/agencies").then().spec(problem(401))
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().contentType(ContentType.JSON).body(valid("001.01.01.H11")).post("/api/v1/agencies")
                .then().spec(problem(401));
        given().auth().oauth2(TestTokens.expired("province-admin", "11")).get("/api/v1/agencies")
                .then().spec(problem(401));
        given().auth().oauth2(TestTokens.signedByStranger("province-admin", "11")).get("/api/v1/agencies")
                .then().spec(problem(401));
        given().auth().oauth2("not.a.jwt").get("/api/v1/agencies").then().spec(problem(401));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("registerAgency"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("govqms_outbox"));
    }

    @Test
    void onlyAProvinceAdminRegistersAndOnlyInItsProvince() {
        String agency = UUID.randomUUID().toString();
        for (String role : new String[] {"agency-head", "iso-officer", "auditor", "viewer"}) {
            given().auth().oauth2(TestTokens.agencyRole(role, agency, "11")).contentType(ContentType.JSON)
                    .body(valid("002.01.01.H11")).post("/api/v1/agencies").then().spec(problem(403));
        }
        given().auth().oauth2(TestTokens.integration("11")).contentType(ContentType.JSON)
                .body(valid("002.01.01.H11")).post("/api/v1/agencies").then().statusCode(403);
        given().auth().oauth2(TestTokens.provinceAdmin("24")).contentType(ContentType.JSON)
                .body(valid("002.01.01.H11")).post("/api/v1/agencies").then().spec(problem(403))
                .body("detail", containsString("province 11"));
    }

    @Test
    void agencyRolesActOnTheirOwnAgencyOnly() {
        String admin = TestTokens.provinceAdmin("11");
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(valid("003.01.01.H11"))
                .post("/api/v1/agencies").then().statusCode(201).extract().path("id");
        String other = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.agencyRole("agency-head", other, "11")).get("/api/v1/agencies/{id}", id)
                .then().spec(problem(403));
        given().auth().oauth2(TestTokens.agencyRole("agency-head", id, "11")).get("/api/v1/agencies/{id}", id)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.agencyRole("agency-head", other, "11")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body("{\"name\":\"x\"}").put("/api/v1/agencies/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.agencyRole("iso-officer", id, "11")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body("{\"name\":\"x\"}").put("/api/v1/agencies/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.provinceAdmin("24")).get("/api/v1/agencies/{id}", id)
                .then().statusCode(403);
    }

    /** Declares a 50 MB body and sends none: the answer must come before the body is read. */
    static void assertTooLargeIsRefused(String token) {
        int port = RestAssured.port;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/v1/agencies HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            InputStream in = socket.getInputStream();
            int b;
            while (answer.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
                answer.append((char) b);
            }
            Assertions.assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer.toString());
            Assertions.assertTrue(answer.toString().contains("application/problem+json"), answer.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        String admin = TestTokens.provinceAdmin("11");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\": ").post("/api/v1/agencies")
                .then().spec(problem(400, "malformed-json"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post("/api/v1/agencies")
                .then().spec(problem(400))
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("level")).body("errors.field", hasItem("provinceCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("").post("/api/v1/agencies")
                .then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("004.01.01.H11").replace("\"COMMUNE\"", "\"VILLAGE\"")).post("/api/v1/agencies")
                .then().spec(problem(400)).body("errors[0].field", equalTo("level"))
                .body("detail", containsString("COMMUNE"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("004.01.01.H11").replace("\"provinceCode\":\"11\"", "\"provinceCode\":11")).post("/api/v1/agencies")
                .then().spec(problem(400)).body("errors[0].field", equalTo("provinceCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("004.01.01.H11").replace("}", ",\"validFrom\":\"01/04/2015\"}")).post("/api/v1/agencies")
                .then().spec(problem(400)).body("errors[0].field", equalTo("validFrom"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("004.01.01.H11").replace("}", ",\"color\":\"blue\"}")).post("/api/v1/agencies")
                .then().spec(problem(400)).body("errors[0].field", equalTo("color"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("004.01.01.H11").replace("UBND xã Mường Phăng", "x".repeat(100_000))).post("/api/v1/agencies")
                .then().spec(problem(400)).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("4.1.1.H11")).post("/api/v1/agencies")
                .then().spec(problem(400)).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[1,2]").post("/api/v1/agencies")
                .then().spec(problem(400));
        assertTooLargeIsRefused(admin);
        given().auth().oauth2(admin).contentType(ContentType.TEXT).body("code=1").post("/api/v1/agencies")
                .then().spec(problem(415));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("004.01.01.H11").replace("}", ",\"parentId\":\"" + UUID.randomUUID() + "\"}"))
                .post("/api/v1/agencies").then().spec(problem(422));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(valid("004.01.01.H11").replace("}", ",\"validFrom\":\"2020-01-01\",\"validTo\":\"2019-01-01\"}"))
                .post("/api/v1/agencies").then().spec(problem(400));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(valid("005.01.01.H11")).post("/api/v1/agencies")
                .then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(valid("005.01.01.H11")).post("/api/v1/agencies")
                .then().spec(problem(409));
        given().auth().oauth2(admin).get("/api/v1/agencies/{id}", UUID.randomUUID()).then().spec(problem(404));
        given().auth().oauth2(admin).get("/api/v1/agencies/12345").then().spec(problem(404));
        given().auth().oauth2(admin).queryParam("size", 100000).get("/api/v1/agencies").then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("page", "abc").get("/api/v1/agencies").then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("level", "DISTRICT'; drop table agency;--").get("/api/v1/agencies")
                .then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("q", "'; drop table agency;--").get("/api/v1/agencies").then().statusCode(200);
        given().auth().oauth2(admin).delete("/api/v1/agencies/{id}", UUID.randomUUID()).then().spec(problem(405));
    }
}
