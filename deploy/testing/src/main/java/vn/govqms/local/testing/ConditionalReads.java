package vn.govqms.local.testing;

import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The conditional read every single resource answers (the kit's ConditionalGet), checked the same way in every service. */
public final class ConditionalReads {

    private ConditionalReads() {
    }

    /** Reads once, then again with the tag: 304, no body, the same tag; a stale tag reads in full. Returns the tag. */
    public static String assertConditional(String token, String path, Object... params) {
        Response full = given().auth().oauth2(token).get(path, params);
        assertEquals(200, full.statusCode(), full.asString());
        String tag = full.header("ETag");
        assertNotNull(tag, path + " has no ETag");
        assertFalse(tag.startsWith("W/"), "a strong tag: " + tag);
        Response again = given().auth().oauth2(token).header("If-None-Match", tag).get(path, params);
        assertEquals(304, again.statusCode(), path);
        assertEquals("", again.asString());
        assertEquals(tag, again.header("ETag"));
        given().auth().oauth2(token).header("If-None-Match", "\"stale\"").get(path, params).then().statusCode(200);
        return tag;
    }
}
