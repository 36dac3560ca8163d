package vn.govqms.notification;

import io.restassured.http.ContentType;
import vn.govqms.local.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** Contacts for the tests, made through the service's API (the rest of the world is the harness's Fixtures). */
public final class Contacts {

    private Contacts() {
    }

    /** A contact of an agency created by the province-admin; returns its id. */
    public static String contact(String admin, String agency, String subject, String name, String email, String language,
                                 boolean digest, String... roles) {
        String rolesJson = roles.length == 0 ? "[]" : "[\"" + String.join("\",\"", roles) + "\"]";
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"agencyId":%s,"provinceCode":%s,"subject":"%s","name":"%s","email":%s,"language":"%s","roles":%s,"digest":%s}"""
                .formatted(agency == null ? "null" : "\"" + agency + "\"", "null", subject, name,
                        email == null ? "null" : "\"" + email + "\"", language, rolesJson, digest))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** A member of a province's steering committee. */
    public static String committeeMember(String province, String subject, String name, String email) {
        return given().auth().oauth2(TestTokens.provinceAdmin(province)).contentType(ContentType.JSON).body("""
                {"provinceCode":"%s","subject":"%s","name":"%s","email":"%s"}""".formatted(province, subject, name, email))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }
}
