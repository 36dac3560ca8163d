package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.audit.report.ReportDeadlines;
import vn.govqms.local.testing.RealPartsTestResource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.TestTokens.nationalAdmin;

/**
 * The November summary and the December report have deadlines (30 November and 15 December by default; 31 December for
 * the December report in tests): reminders to a province that has not submitted, once per step, and a notice once it
 * missed the deadline; the November summary is submitted as the December report is.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ReportDeadlineTests {

    @Inject
    ReportDeadlines deadlines;

    private void runOn(int month, int day) {
        deadlines.run(OffsetDateTime.of(2019, month, day, 8, 0, 0, 0, ZoneOffset.ofHours(7))).await().indefinitely();
    }

    private static long reminders(String province, String kind) {
        return Fixtures.count("select count(*) from report_reminder where province_code = '" + province + "' and year = 2019 "
                + "and report_kind = '" + kind + "'");
    }

    @Test
    void aProvinceThatHasNotSubmittedIsRemindedBeforeTheDeadlineAndToldOnceItMissedIt() {
        String late = "59";
        String done = "60";
        Fixtures.agency(late, "Sở Tư pháp tỉnh Khánh Hòa");
        Fixtures.agency(done, "Sở Tư pháp tỉnh Lâm Đồng");
        String submission = given().auth().oauth2(admin(done)).contentType(ContentType.JSON)
                .body("{\"year\":2019,\"note\":\"Báo cáo tổng hợp kết quả kiểm tra năm 2019\"}")
                .post("/api/v1/reports/province-summary/submissions").then().statusCode(201)
                .body("number", equalTo(1)).body("report.provinceCode", equalTo(done)).body("report.agencies", greaterThanOrEqualTo(1))
                .extract().path("id");
        assertTrue(Fixtures.published("audit", done, "province-summary.submitted", submission));

        runOn(11, 20);
        assertEquals(0, reminders(late, "PROVINCE_SUMMARY"));
        runOn(11, 23);
        assertTrue(Fixtures.published("audit", late, "report-deadline.approaching", "\"daysLeft\":7"));
        runOn(11, 23);
        runOn(11, 25);
        assertEquals(1, reminders(late, "PROVINCE_SUMMARY"));
        runOn(11, 29);
        assertTrue(Fixtures.published("audit", late, "report-deadline.approaching", "\"daysLeft\":1"));
        runOn(12, 1);
        assertTrue(Fixtures.published("audit", late, "report-deadline.missed", "\"report\":\"PROVINCE_SUMMARY\""));
        runOn(12, 3);
        assertEquals(3, reminders(late, "PROVINCE_SUMMARY"));
        // the province that submitted is told nothing of the summary; of the December report (31 December here) it is
        assertEquals(0, reminders(done, "PROVINCE_SUMMARY"));
        runOn(12, 30);
        assertEquals(1, reminders(done, "MINISTRY_REPORT"));
        assertTrue(Fixtures.published("audit", done, "report-deadline.approaching", "\"report\":\"MINISTRY_REPORT\""));

        given().auth().oauth2(nationalAdmin()).queryParam("year", 2019).get("/api/v1/reports/province-summary/missing").then()
                .statusCode(200).body("deadline", equalTo("2019-11-30")).body("missing.provinceCode", hasItem(late))
                .body("missing.find { it.provinceCode == '" + late + "' }.submittedLateAt", nullValue())
                // submitted today for 2019: late, listed with when it came
                .body("missing.find { it.provinceCode == '" + done + "' }.submittedLateAt", notNullValue());
        given().auth().oauth2(admin(done)).queryParam("year", 2019).get("/api/v1/reports/province-summary/submissions").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(submission));
        given().auth().oauth2(nationalAdmin()).get("/api/v1/reports/province-summary/submissions/{id}", submission).then()
                .statusCode(200).body("report.year", equalTo(2019));
        given().auth().oauth2(admin(late)).get("/api/v1/reports/province-summary/submissions/{id}", submission).then().statusCode(403);
        given().auth().oauth2(nationalAdmin()).get("/api/v1/reports/ministry-report/submissions/{id}", submission).then().statusCode(404);
        given().auth().oauth2(admin(late)).queryParam("year", 2019).get("/api/v1/reports/province-summary/missing").then().statusCode(403);
    }
}
