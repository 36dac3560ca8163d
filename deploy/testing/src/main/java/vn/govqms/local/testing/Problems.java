package vn.govqms.local.testing;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.ResponseSpecification;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one way a test says "this answer is a problem": the status, {@code application/problem+json}, and on the parsed
 * body the same status and, where given, the problem type (its last segment, e.g. {@code invalid-transition}).
 * In a REST Assured chain: {@code .then().spec(problem(409, "invalid-transition")).body("field", equalTo("status"))};
 * on a response kept for more: {@code JsonPath p = assertProblem(response, 409, "invalid-transition")}.
 */
public final class Problems {

    public static final String PROBLEM = "application/problem+json";
    /** The kit's problem type base (Problem.TYPE_BASE): a type is this plus its slug. */
    public static final String TYPE_BASE = "https://govqms.vn/problems/";

    private Problems() {
    }

    /** A problem of this status, whatever its type (the refusals: 401, 403, 404). */
    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder().expectStatusCode(status).expectContentType(PROBLEM)
                .expectBody("status", equalTo(status)).build();
    }

    /** A problem of this status and type ({@code type} is the slug: {@code "invalid-transition"}). */
    public static ResponseSpecification problem(int status, String type) {
        return new ResponseSpecBuilder().addResponseSpecification(problem(status)).expectBody("type", equalTo(TYPE_BASE + type))
                .build();
    }

    /** Asserts the response is the problem and returns its parsed body for the problem's own fields. */
    public static JsonPath assertProblem(Response response, int status, String type) {
        JsonPath body = assertProblem(response, status);
        assertEquals(TYPE_BASE + type, body.getString("type"), response.asString());
        return body;
    }

    public static JsonPath assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(String.valueOf(response.contentType()).startsWith(PROBLEM), response.contentType());
        JsonPath body = response.jsonPath();
        assertEquals(status, body.getInt("status"), response.asString());
        return body;
    }
}
