package vn.govqms.scoring;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestKafka;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A dossier the one-stop-shop sends without a due date gets the one its procedure's processing time gives on the
 * deployment's working-day calendar (Tết, make-up days), the time that applied on the day it was received.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class DossierDueDateTests {

    static final String PUBLISHED = "vn.govqms.document.administrative-procedure.published.v1";
    static final String CHANGED = "vn.govqms.document.administrative-procedure.changed.v1";

    static String dossier(String code, String agency, String tthc, String received, String due) {
        return """
                {"dossierCode":"%s","agencyId":"%s","tthcCode":"%s","channel":"DIRECT","status":"RECEIVED","occurredAt":"%s"%s}"""
                .formatted(code, agency, tthc, received, due == null ? "" : ",\"dueAt\":\"" + due + "\"");
    }

    static OffsetDateTime dueOf(String dossier) {
        String epoch = TestDb.value("scoring", "select extract(epoch from due_at)::bigint from dossier where code = '" + dossier + "'");
        return epoch == null ? null : OffsetDateTime.parse("1970-01-01T00:00:00Z").plusSeconds(Long.parseLong(epoch));
    }

    static void assertDue(String expected, String dossier) {
        assertEquals(OffsetDateTime.parse(expected).toInstant(), dueOf(dossier).toInstant(), dossier);
    }

    @Test
    void dossiersWithoutADueDateAreDueByTheProceduresTimeOnTheCalendar() {
        String p = Fixtures.province();
        String agency = Fixtures.agency(p, "Trung tâm Phục vụ hành chính công");
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String localised = "7." + n + ".000.00.00.H" + p;
        String national = "8." + n;
        String procedure = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", procedure, PUBLISHED, "administrative-procedures/" + procedure, """
                {"procedureId":"%s","code":"%s","nationalCode":"7.%d","provinceCode":"%s","processingDays":5,"processingUnit":"WORKING_DAYS",
                 "processingAmount":5}""".formatted(procedure, localised, n, p));
        // from 1/3/2026 the procedure takes 10 working days
        TestKafka.publishCloudEvent("document.events", procedure, CHANGED, "administrative-procedures/" + procedure, """
                {"procedureId":"%s","code":"%s","nationalCode":"7.%d","changeKind":"AMENDED","effectiveDate":"2026-03-01","processingDays":10,
                 "provinceCode":"%s","processingUnit":"WORKING_DAYS","processingAmount":10}""".formatted(procedure, localised, n, p));
        String nationalId = UUID.randomUUID().toString();
        TestKafka.publishCloudEvent("document.events", nationalId, PUBLISHED, "administrative-procedures/" + nationalId, """
                {"procedureId":"%s","code":"%s","nationalCode":"%s","provinceCode":null,"processingDays":1,"processingUnit":"WORKING_HOURS",
                 "processingAmount":4}""".formatted(nationalId, national, national));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count("scoring",
                "select count(*) from procedure_time where code in ('" + localised + "', '" + national + "')") == 3);

        String prefix = "000.00.77.H" + p + "-" + n + "-";
        String friday = "2026-02-13T15:00:00+07:00";
        List<String> items = List.of(
                dossier(prefix + "1", agency, localised, friday, null),
                dossier(prefix + "2", agency, localised, "2026-03-02T09:00:00+07:00", null),
                dossier(prefix + "3", agency, national + ".000.00.00.H" + p, friday, null),
                dossier(prefix + "4", agency, "9.999999.000.00.00.H" + p, friday, null),
                dossier(prefix + "5", agency, localised, friday, "2026-02-20T17:00:00+07:00"),
                dossier(prefix + "6", agency, localised, "2026-01-06T09:00:00+07:00", null));
        given().auth().oauth2(TestTokens.integration(p)).contentType(ContentType.JSON).body("{\"items\":[" + String.join(",", items) + "]}")
                .post("/api/v1/dossier-events").then().statusCode(200).body("accepted", equalTo(6));

        assertDue("2026-02-27T17:00:00+07:00", prefix + "1");   // 5 working days over Tết Bính Ngọ (14/2-22/2 off)
        assertDue("2026-03-16T17:00:00+07:00", prefix + "2");   // 10 working days after the amendment
        assertDue("2026-02-23T10:00:00+07:00", prefix + "3");   // the national code's 4 working hours: 2 before Tết, 2 after
        assertNull(dueOf(prefix + "4"), "a procedure scoring does not know leaves the due date unknown");
        assertDue("2026-02-20T17:00:00+07:00", prefix + "5");   // the one-stop-shop's own due date stays
        assertDue("2026-01-12T17:00:00+07:00", prefix + "6");   // Saturday 10/1/2026 is a make-up working day
    }
}
