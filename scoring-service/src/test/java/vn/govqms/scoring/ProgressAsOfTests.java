package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Problems.problem;

/**
 * Building progress and the 2008 → 2015 conversion as of a date, from document-service's qms.status-changed history:
 * Bắc Giang's 40 of 48 agencies had finished building by the end of April 2015, 45 announced by the end of May.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ProgressAsOfTests {

    static final String STATUS_CHANGED = "vn.govqms.document.qms.status-changed.v1";
    static final String ANNOUNCED = "vn.govqms.document.qms.announced.v1";

    static Map.Entry<String, String> change(String agency, String status, String previous, String edition, String on) {
        return Map.entry(agency, """
                {"agencyId":"%s","status":"%s","previousStatus":%s,"standardEdition":"%s","previousStandardEdition":null,"effectiveDate":"%s"}"""
                .formatted(agency, status, previous == null ? "null" : "\"" + previous + "\"", edition, on));
    }

    static int figure(String token, String province, String asOf, String code) {
        return given().auth().oauth2(token).queryParam("provinceCode", province).queryParam("asOf", asOf).get("/api/v1/rankings/progress")
                .then().statusCode(200).extract().path("figures.find { it.code == '" + code + "' }.count");
    }

    /**
     * A province of 48 agencies, made once for this class: all began building on 1 July 2014, 40 finished in the first four
     * months of 2015 and 5 more on 10 May, 45 announced on 20 May 2015, ten converted to the 2015 edition on 28 December 2018;
     * one change delivered twice. The figures below only read it.
     */
    private static String province;
    private static String lastAgency;

    static synchronized String province() {
        if (province != null) {
            return province;
        }
        String p = Fixtures.province();
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            agencies.add(Fixtures.agency(p, String.format("Cơ quan %02d tỉnh Bắc Giang", i)));
        }
        List<Map.Entry<String, String>> changes = new ArrayList<>();
        List<Map.Entry<String, String>> announcements = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            String a = agencies.get(i);
            changes.add(change(a, "BUILDING", "NOT_STARTED", "ISO_9001_2008", "2014-07-01"));
            if (i < 40) {
                // 40 finished building during the plan's first ten months
                changes.add(change(a, "APPLYING", "BUILDING", "ISO_9001_2008", String.format("2015-%02d-%02d", 1 + i % 4, 1 + i % 28)));
            } else if (i < 45) {
                changes.add(change(a, "APPLYING", "BUILDING", "ISO_9001_2008", "2015-05-10"));
            }
            if (i < 45) {
                changes.add(change(a, "ANNOUNCED", "APPLYING", "ISO_9001_2008", "2015-05-20"));
                announcements.add(Map.entry(a, """
                        {"agencyId":"%s","announcementId":"%s","decisionNumber":"%d/QĐ-SKHCN","decisionDate":"2015-05-20",
                         "standardEdition":"ISO_9001_2008","scope":"Toàn bộ hoạt động của cơ quan","reannouncement":false}"""
                        .formatted(a, UUID.randomUUID(), 10 + i)));
            }
            if (i < 10) {
                // ten converted to the 2015 edition at the end of 2018
                changes.add(change(a, "ANNOUNCED", "ANNOUNCED", "ISO_9001_2015", "2018-12-28"));
            }
        }
        TestKafka.publishCloudEvents("document.events", STATUS_CHANGED, changes);
        TestKafka.publishCloudEvents("document.events", ANNOUNCED, announcements);
        // one change delivered twice: recorded once
        String id = UUID.randomUUID().toString();
        Map.Entry<String, String> again = change(agencies.get(47), "BUILDING", "BUILDING", "ISO_9001_2008", "2014-08-01");
        TestKafka.publishCloudEvent("document.events", again.getKey(), id, STATUS_CHANGED, "agencies/" + again.getKey(), again.getValue());
        TestKafka.publishCloudEvent("document.events", again.getKey(), id, STATUS_CHANGED, "agencies/" + again.getKey(), again.getValue());

        String admin = admin(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> figure(admin, p, "2018-12-31", "QMS_ISO_9001_2015") == 10
                && figure(admin, p, "2015-12-31", "QMS_ANNOUNCED") == 45
                && TestDb.count(Fixtures.db(), "select count(*) from qms_status_history where agency_id = '" + agencies.get(47) + "'") == 2);
        lastAgency = agencies.get(47);
        province = p;
        return province;
    }

    @Test
    void fortyOf48HadFinishedBuildingByTheEndOfApril2015() {
        given().auth().oauth2(admin(province())).queryParam("asOf", "2015-04-30").get("/api/v1/rankings/progress").then().statusCode(200)
                .body("year", equalTo(2015)).body("asOf", equalTo("2015-04-30")).body("agencies", equalTo(48))
                .body("figures.find { it.code == 'QMS_BUILT' }.count", equalTo(40))
                .body("figures.find { it.code == 'QMS_BUILT' }.share", equalTo(83.33f))
                .body("figures.find { it.code == 'QMS_BUILT' }.label", equalTo("Đã hoàn thành xây dựng HTQLCL"))
                .body("figures.find { it.code == 'QMS_ANNOUNCED' }.count", equalTo(0))
                .body("figures.find { it.code == 'QMS_ISO_9001_2015' }.count", equalTo(0));
    }

    @Test
    void fortyFiveOf48WereBuiltAndAnnouncedByTheEndOfMay() {
        given().auth().oauth2(admin(province())).queryParam("asOf", "2015-05-31").get("/api/v1/rankings/progress").then().statusCode(200)
                .body("figures.find { it.code == 'QMS_BUILT' }.count", equalTo(45))
                .body("figures.find { it.code == 'QMS_ANNOUNCED' }.count", equalTo(45))
                .body("figures.find { it.code == 'QMS_ANNOUNCED' }.share", equalTo(93.75f));
    }

    @Test
    void aConversionCountsFromItsDayAndAChangeDeliveredTwiceOnce() {
        String p = province();
        assertEquals(0, figure(admin(p), p, "2018-12-27", "QMS_ISO_9001_2015"));
        assertEquals(10, figure(admin(p), p, "2018-12-28", "QMS_ISO_9001_2015"));
        assertEquals(2, TestDb.count(Fixtures.db(), "select count(*) from qms_status_history where agency_id = '" + lastAgency + "'"));
    }

    @Test
    void aYearAloneIsAsOfItsLastDay() {
        given().auth().oauth2(admin(province())).queryParam("year", 2015).get("/api/v1/rankings/progress").then().statusCode(200)
                .body("asOf", equalTo("2015-12-31")).body("figures.find { it.code == 'QMS_BUILT' }.count", equalTo(45));
    }

    @Test
    void theNationalViewHasTheProvincesRowAsOfTheSameDay() {
        String p = province();
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("asOf", "2015-04-30").get("/api/v1/rankings/national/progress")
                .then().statusCode(200).body("year", equalTo(2015))
                .body("items.find { it.provinceCode == '" + p + "' }.figures.find { it.code == 'QMS_BUILT' }.count", equalTo(40));
    }

    @Test
    void aDayOutsideTheYearAMalformedDayAndAnotherProvincesFiguresAreRefused() {
        String admin = admin(province());
        given().auth().oauth2(admin).queryParam("year", 2015).queryParam("asOf", "2016-01-01").get("/api/v1/rankings/progress")
                .then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("asOf", "30/04/2015").get("/api/v1/rankings/progress").then().spec(problem(400));
        given().auth().oauth2(admin).queryParam("asOf", "2015-04-30").queryParam("provinceCode", Fixtures.province())
                .get("/api/v1/rankings/progress").then().spec(problem(403));
        given().auth().oauth2(admin).queryParam("asOf", "2015-04-30").get("/api/v1/rankings/national/progress").then().statusCode(403);
    }
}
