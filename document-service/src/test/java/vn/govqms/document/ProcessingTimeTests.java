package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Problems.problem;

/** Processing times that are not whole days ("trong ngày", hours), and due dates counted on the deployment's calendar. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ProcessingTimeTests {

    static final String ADMIN = TestTokens.provinceAdmin("24");

    /** A localised procedure of Bắc Ninh (24) with {@code time} (the JSON members for its processing time). */
    static Response publish(String time) {
        String code = String.format("6.%06d.000.00.00.H24", ThreadLocalRandom.current().nextInt(999_999));
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Chứng thực bản sao từ bản chính","field":"Chứng thực","level":"COMMUNE","provinceCode":"24"%s}"""
                .formatted(code, time.isEmpty() ? "" : "," + time)).post("/api/v1/administrative-procedures");
    }

    static OffsetDateTime dueAt(String id, String receivedAt) {
        return OffsetDateTime.parse(given().auth().oauth2(ADMIN).queryParam("receivedAt", receivedAt)
                .get("/api/v1/administrative-procedures/{id}/due-date", id).then().statusCode(200).extract().path("dueAt"));
    }

    @Test
    void hoursAndWithinTheDayAreRecordedBesideWholeDays() {
        JsonPath hours = publish("\"processingTime\":{\"unit\":\"WORKING_HOURS\",\"amount\":4}").then().statusCode(201).extract().jsonPath();
        assertEquals("WORKING_HOURS", hours.getString("processingTime.unit"));
        assertEquals(4, hours.getInt("processingTime.amount"));
        assertEquals("4 giờ làm việc", hours.getString("processingTime.label"));
        assertEquals(1, hours.getInt("processingDays"), "readers that know only days see the working day it spans");

        JsonPath sameDay = publish("\"processingTime\":{\"unit\":\"WITHIN_DAY\"}").then().statusCode(201).extract().jsonPath();
        assertEquals("Trong ngày", sameDay.getString("processingTime.label"));
        assertEquals(0, sameDay.getInt("processingTime.amount"));
        assertEquals(1, sameDay.getInt("processingDays"));

        JsonPath days = publish("\"processingDays\":15").then().statusCode(201).extract().jsonPath();
        assertEquals("WORKING_DAYS", days.getString("processingTime.unit"));
        assertEquals("15 ngày làm việc", days.getString("processingTime.label"));
        publish("\"processingDays\":3,\"processingTime\":{\"unit\":\"WORKING_DAYS\",\"amount\":3}").then().statusCode(201);

        // amended from days to hours
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"name":"Chứng thực bản sao từ bản chính","field":"Chứng thực","level":"COMMUNE","effectiveDate":"2026-07-01",
                 "processingTime":{"unit":"WORKING_HOURS","amount":12}}""")
                .put("/api/v1/administrative-procedures/{id}", days.getString("id")).then().statusCode(200)
                .body("processingDays", Matchers.equalTo(2)).body("processingTime.label", Matchers.equalTo("12 giờ làm việc"));
    }

    @Test
    void aProcessingTimeIsValidated() {
        assertEquals("processingDays", publish("").then().spec(problem(400)).extract().path("errors[0].field"));
        publish("\"processingTime\":{\"unit\":\"WORKING_HOURS\",\"amount\":0}").then().spec(problem(400));
        publish("\"processingTime\":{\"unit\":\"WORKING_HOURS\"}").then().spec(problem(400));
        publish("\"processingTime\":{\"unit\":\"WORKING_DAYS\",\"amount\":366}").then().spec(problem(400));
        publish("\"processingTime\":{\"unit\":\"WITHIN_DAY\",\"amount\":3}").then().spec(problem(400));
        publish("\"processingTime\":{\"unit\":\"MINUTES\",\"amount\":30}").then().spec(problem(400));
        publish("\"processingTime\":{\"amount\":30}").then().spec(problem(400));
        publish("\"processingTime\":{\"unit\":\"WORKING_HOURS\",\"amount\":99999999999}").then().spec(problem(400));
        String field = publish("\"processingDays\":5,\"processingTime\":{\"unit\":\"WORKING_HOURS\",\"amount\":4}").then().spec(problem(400)).extract().path("errors[0].field");
        assertEquals("processingDays", field);
    }

    @Test
    void dueDatesCountWorkingDaysOnTheCalendar() {
        String days = publish("\"processingDays\":5").then().statusCode(201).extract().path("id");
        String hours = publish("\"processingTime\":{\"unit\":\"WORKING_HOURS\",\"amount\":4}").then().statusCode(201).extract().path("id");
        String sameDay = publish("\"processingTime\":{\"unit\":\"WITHIN_DAY\"}").then().statusCode(201).extract().path("id");
        // received the Friday afternoon before Tết Bính Ngọ (14/2-22/2/2026 off)
        String friday = "2026-02-13T15:00:00+07:00";
        assertTrue(OffsetDateTime.parse("2026-02-27T17:00:00+07:00").isEqual(dueAt(days, friday)));
        assertTrue(OffsetDateTime.parse("2026-02-23T10:00:00+07:00").isEqual(dueAt(hours, friday)), "two hours before Tết, two after");
        assertTrue(OffsetDateTime.parse("2026-02-13T17:00:00+07:00").isEqual(dueAt(sameDay, friday)));
        // Saturday 10/1/2026 is a make-up working day
        assertTrue(OffsetDateTime.parse("2026-01-12T17:00:00+07:00").isEqual(dueAt(days, "2026-01-06T09:00:00+07:00")));

        given().auth().oauth2(ADMIN).get("/api/v1/administrative-procedures/{id}/due-date", days).then().spec(problem(400));
        given().auth().oauth2(ADMIN).queryParam("receivedAt", "13/02/2026").get("/api/v1/administrative-procedures/{id}/due-date", days)
                .then().spec(problem(400));
        given().auth().oauth2(ADMIN).queryParam("receivedAt", "2026-02-13T15:00:00+07:00")
                .get("/api/v1/administrative-procedures/{id}/due-date", UUID.randomUUID()).then().spec(problem(404));
        given().queryParam("receivedAt", "2026-02-13T15:00:00+07:00").get("/api/v1/administrative-procedures/{id}/due-date", days)
                .then().statusCode(401);
    }
}
