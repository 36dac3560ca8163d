package vn.govqms.local.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A client of the sync feeds (the kit's SyncFeed), as an officer's app calls them: one page, or every page until none waits. */
public final class SyncFeeds {

    private SyncFeeds() {
    }

    /** One sync answer, parsed. */
    public record Answer(List<Map<String, Object>> changes, String next, boolean more) {

        public List<Object> ids() {
            return changes.stream().map(c -> c.get("id")).toList();
        }
    }

    /** One page after {@code since} (none: a first sync). */
    public static Answer sync(String token, String path, String since) {
        RequestSpecification request = given().auth().oauth2(token);
        if (since != null) {
            request = request.queryParam("since", since);
        }
        JsonPath body = request.get(path).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        return new Answer(body.getList("changes"), body.getString("next"), body.getBoolean("more"));
    }

    /** Syncs until nothing more waits: everything after {@code since} the caller may read now, and the token after it. */
    public static Answer drain(String token, String path, String since) {
        List<Map<String, Object>> all = new ArrayList<>();
        Answer a;
        do {
            a = sync(token, path, since);
            all.addAll(a.changes());
            since = a.next();
        } while (a.more());
        return new Answer(all, a.next(), false);
    }

    /** The item of a change (null on a tombstone). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> item(Map<String, Object> change) {
        return (Map<String, Object>) change.get("item");
    }
}
