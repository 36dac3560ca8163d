package vn.govqms.audit;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.Fixtures.admin;
import static vn.govqms.local.testing.Fixtures.head;
import static vn.govqms.local.testing.Fixtures.officer;
import static vn.govqms.kit.time.ClockProducer.VIETNAM;
import static vn.govqms.local.testing.Problems.problem;

/** Management reviews with the 9.3.2 inputs and 9.3.3 outputs; agencies without one in a year show. */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class ManagementReviewTests {

    static String review(String agency, String heldOn) {
        return """
                {"agencyId":"%s","heldOn":"%s","chair":"Nguyễn Văn Hùng - Giám đốc Sở",
                 "attendees":["Trần Thị Mai - Phó Giám đốc","Lê Văn Nam - Chánh Văn phòng"],
                 "inputs":[{"topic":"AUDIT_RESULTS","summary":"Đánh giá nội bộ tháng 9: 01 điểm không phù hợp nhẹ, đã khắc phục"},
                           {"topic":"OBJECTIVES_ACHIEVEMENT","summary":"98,5%% hồ sơ giải quyết đúng hạn (mục tiêu 98%%)"}],
                 "outputs":[{"kind":"RESOURCE_NEEDS","decision":"Bố trí thêm 01 công chức tại Bộ phận Một cửa",
                             "owner":"chanh.van.phong","dueDate":"2027-03-31"},
                            {"kind":"IMPROVEMENT","decision":"Số hóa hồ sơ lưu trữ"}]}""".formatted(agency, heldOn);
    }

    @Test
    void aReviewIsRecordedAndAgenciesWithoutOneShow() {
        String held = Fixtures.agency("38", "Sở Xây dựng tỉnh Thanh Hóa");
        String notHeld = Fixtures.agency("38", "Sở Giao thông vận tải tỉnh Thanh Hóa");
        String year = String.valueOf(LocalDate.now(VIETNAM).getYear());
        String id = given().auth().oauth2(head(held, "38")).contentType(ContentType.JSON).body(review(held, LocalDate.now(VIETNAM).toString()))
                .post("/api/v1/management-reviews").then().statusCode(201)
                .body("inputs[0].label", equalTo("Kết quả đánh giá")).body("missingInputs", hasSize(10))
                .body("outputs[0].label", equalTo("Nhu cầu về nguồn lực")).extract().path("id");
        assertTrue(Fixtures.published("audit", held, "management-review.held", id));
        given().auth().oauth2(officer(held, "38")).get("/api/v1/management-reviews/{id}", id).then().statusCode(200)
                .body("chair", equalTo("Nguyễn Văn Hùng - Giám đốc Sở"));
        given().auth().oauth2(admin("38")).queryParam("year", year).get("/api/v1/management-reviews/missing").then().statusCode(200)
                .body("items.agencyId", hasItem(notHeld)).body("items.agencyId", not(hasItem(held)));
        given().auth().oauth2(officer(notHeld, "38")).queryParam("year", year).get("/api/v1/management-reviews/missing").then()
                .statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(admin("38")).queryParam("agencyId", held).get("/api/v1/management-reviews").then().statusCode(200)
                .body("total", equalTo(1));
        // the national level reads them; another province's committee does not
        given().auth().oauth2(TestTokens.nationalAdmin()).get("/api/v1/management-reviews/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.nationalAdmin()).queryParam("year", year).get("/api/v1/management-reviews/missing").then()
                .statusCode(200).body("total", greaterThanOrEqualTo(1));
        given().auth().oauth2(admin("37")).get("/api/v1/management-reviews/{id}", id).then().statusCode(403);
    }

    @Test
    void aReviewWhoseOutputsNameNoOwnerOpensNoActions() {
        String agency = Fixtures.agency("38", "Sở Văn hóa tỉnh Thanh Hóa");
        String body = review(agency, LocalDate.now(VIETNAM).toString())
                .replaceAll(",\\s*\"owner\":\"chanh.van.phong\",\"dueDate\":\"2027-03-31\"", "");
        given().auth().oauth2(head(agency, "38")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/management-reviews").then().statusCode(201).body("outputs", hasSize(2)).body("actions", hasSize(0));
    }

    @Test
    void badReviewsAreRefused() {
        String agency = Fixtures.agency("38", "Sở Nông nghiệp tỉnh Thanh Hóa");
        String other = Fixtures.agency("38", "Sở Tư pháp tỉnh Thanh Hóa");
        given().auth().oauth2(head(agency, "38")).contentType(ContentType.JSON).body(review(agency, LocalDate.now(VIETNAM).plusDays(5).toString()))
                .post("/api/v1/management-reviews").then().spec(problem(400));
        given().auth().oauth2(head(other, "38")).contentType(ContentType.JSON).body(review(agency, "2026-01-10"))
                .post("/api/v1/management-reviews").then().spec(problem(403));
        given().auth().oauth2(admin("38")).contentType(ContentType.JSON).body(review(agency, "2026-01-10"))
                .post("/api/v1/management-reviews").then().statusCode(403);
        given().auth().oauth2(head(agency, "38")).contentType(ContentType.JSON)
                .body(review(agency, "2026-01-10").replace("OBJECTIVES_ACHIEVEMENT", "AUDIT_RESULTS"))
                .post("/api/v1/management-reviews").then().statusCode(400);
        given().auth().oauth2(head(agency, "38")).contentType(ContentType.JSON)
                .body(review(agency, "2026-01-10").replace("AUDIT_RESULTS", "GOSSIP"))
                .post("/api/v1/management-reviews").then().spec(problem(400));
        given().auth().oauth2(admin("38")).get("/api/v1/management-reviews/missing").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/management-reviews").then().statusCode(401);
    }

    @Test
    void outputsNamingAnOwnerOpenActionsDoneLater() {
        String agency = Fixtures.agency("38", "Sở Y tế tỉnh Thanh Hóa");
        var created = given().auth().oauth2(officer(agency, "38")).contentType(ContentType.JSON).body(review(agency, "2026-02-10"))
                .post("/api/v1/management-reviews").then().statusCode(201)
                .body("actions", hasSize(1)).body("actions[0].status", equalTo("OPEN"))
                .body("actions[0].decision", equalTo("Bố trí thêm 01 công chức tại Bộ phận Một cửa")).extract();
        String id = created.path("id");
        String action = created.path("actions[0].id");
        String other = Fixtures.agency("38", "Sở Công Thương tỉnh Thanh Hóa");
        given().auth().oauth2(officer(other, "38")).contentType(ContentType.JSON).body("{\"doneOn\":\"2026-03-01\",\"note\":\"x\"}")
                .post("/api/v1/management-reviews/{id}/actions/{a}/completion", id, action).then().statusCode(403);
        given().auth().oauth2(officer(agency, "38")).contentType(ContentType.JSON)
                .body("{\"doneOn\":\"" + LocalDate.now(VIETNAM).plusDays(1) + "\",\"note\":\"x\"}")
                .post("/api/v1/management-reviews/{id}/actions/{a}/completion", id, action).then().statusCode(400);
        given().auth().oauth2(officer(agency, "38")).contentType(ContentType.JSON)
                .body("{\"doneOn\":\"2026-03-01\",\"note\":\"Quyết định điều động công chức số 12/QĐ-SYT\"}")
                .post("/api/v1/management-reviews/{id}/actions/{a}/completion", id, action).then().statusCode(200)
                .body("status", equalTo("DONE")).body("overdue", equalTo(false));
        given().auth().oauth2(officer(agency, "38")).contentType(ContentType.JSON).body("{\"doneOn\":\"2026-03-01\",\"note\":\"lại\"}")
                .post("/api/v1/management-reviews/{id}/actions/{a}/completion", id, action).then().statusCode(409);
        given().auth().oauth2(admin("38")).get("/api/v1/management-reviews/{id}", id).then().statusCode(200)
                .body("actions[0].doneOn", equalTo("2026-03-01"));
        given().auth().oauth2(officer(agency, "38")).contentType(ContentType.JSON).body("{\"doneOn\":\"2026-03-01\",\"note\":\"x\"}")
                .post("/api/v1/management-reviews/{id}/actions/{a}/completion", id, UUID.randomUUID()).then().statusCode(404);
    }
}
