package vn.govqms.e2e;

import org.junit.jupiter.api.Test;
import vn.govqms.local.MailCatcher;
import vn.govqms.local.VietnamTime;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Scenario 1: a decree amendment → review tasks in every agency whose issued procedures rely on it → notifications in
 * their inboxes and e-mail → the reviews are overdue at once (the amendment took effect long ago), the live scores of
 * those agencies drop and the province's live ranking changes; the agency that completes its review recovers.
 */
class DecreeAmendmentScenarioIT {

    @Test
    void aDecreeAmendmentReachesEveryAgencyThatReliesOnItAndTheRanking() {
        Api api = Api.get();
        String p = "52";
        String admin = api.token("province-admin", null, p);
        String justice = api.agency(p, "Sở Tư pháp tỉnh Bình Định", "DEPARTMENT");
        String city = api.agency(p, "UBND phường Quy Nhơn", "WARD");
        String commune = api.agency(p, "UBND xã Phước Lộc", "COMMUNE");
        api.activeCriteriaSet(p, "Bình Định");
        api.contact(justice, p, "ISO_OFFICER", "iso-officer", "Nguyễn Thị Mai", "iso@sotuphap.binhdinh.gov.vn");
        api.contact(city, p, "ISO_OFFICER", "iso-officer", "Lê Văn Hùng", "iso@quynhon.binhdinh.gov.vn");
        for (String a : List.of(justice, city, commune)) {
            api.scoring(admin).get("/api/v1/agencies/{id}/score", a).then().statusCode(200).body("score", equalTo(50.0f));
        }

        String decree = api.legalDocument(p, """
                {"number":"61/2018/NĐ-CP","type":"DECREE","issuer":"Chính phủ",
                 "title":"Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                 "issuedDate":"2018-04-23","effectiveDate":"2018-06-21"}""");
        api.issuedProcedure(justice, p, "QT-TP-05", "Quy trình tiếp nhận và trả kết quả tại Bộ phận Một cửa", decree);
        api.issuedProcedure(city, p, "QT-TP-02", "Quy trình giải quyết thủ tục hành chính liên thông", decree);
        // the amendment took effect on 22 February 2022: the reviews were due three months later
        api.legalDocument(p, """
                {"number":"107/2021/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi, bổ sung một số điều của Nghị định 61/2018/NĐ-CP",
                 "issuedDate":"2021-12-06","effectiveDate":"2022-02-22",
                 "relations":[{"kind":"AMENDS","targetNumber":"61/2018/NĐ-CP","articles":"Điều 1, Điều 2, Điều 3"}]}""");
        long t0 = System.nanoTime();

        // document-service: one review task in each agency that relies on the decree, none elsewhere
        for (String a : List.of(justice, city)) {
            api.document(api.token("iso-officer", a, p)).queryParam("causeId", decree).get("/api/v1/review-tasks").then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].dueDate", equalTo("2022-05-22"));
        }
        api.document(api.token("iso-officer", commune, p)).queryParam("causeId", decree).get("/api/v1/review-tasks").then()
                .statusCode(200).body("total", equalTo(0));

        // notification-service: the ISO officers' inboxes, and their mailboxes
        for (String a : List.of(justice, city)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.notification(api.token("iso-officer", a, p))
                    .queryParam("kind", "procedure-review.required").get("/api/v1/notifications").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].agencyId", equalTo(a)));
        }
        for (String address : List.of("iso@sotuphap.binhdinh.gov.vn", "iso@quynhon.binhdinh.gov.vn")) {
            // the review is asked for, and (being overdue at once) announced overdue too
            await().atMost(Duration.ofSeconds(60)).until(() -> api.stack().mail().messagesTo(address).stream()
                    .map(MailCatcher.Mail::subject).anyMatch(s -> s.startsWith("[GovQMS] Cần rà soát quy trình QT-TP-0")));
        }
        System.out.printf("e2e scenario 1: tasks, inboxes and mail %.1f s after the amendment%n", (System.nanoTime() - t0) / 1e9);

        // scoring-service: document-service's overdue check announces both reviews overdue; 5 points off each, ranking changes
        for (String a : List.of(justice, city)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    api.scoring(admin).get("/api/v1/agencies/{id}/score", a).then().statusCode(200).body("score", equalTo(45.0f)));
        }
        System.out.printf("e2e scenario 1: live scores lowered %.1f s after the amendment%n", (System.nanoTime() - t0) / 1e9);
        api.scoring(admin).queryParam("year", VietnamTime.today().getYear()).queryParam("source", "LIVE").get("/api/v1/rankings")
                .then().statusCode(200)
                .body("items[0].agencyId", equalTo(commune)).body("items[0].rank", equalTo(1))
                .body("items.find { it.agencyId == '%s' }.rank".formatted(justice), equalTo(2))
                .body("items.find { it.agencyId == '%s' }.rank".formatted(city), equalTo(2));

        // the Sở Tư pháp completes its review (late): its score recovers, the city stays behind
        String task = api.document(api.token("iso-officer", justice, p)).queryParam("causeId", decree).get("/api/v1/review-tasks")
                .then().extract().path("items[0].id");
        api.document(api.token("iso-officer", justice, p))
                .body("{\"outcome\":\"NO_CHANGE\",\"note\":\"Nội dung sửa đổi không ảnh hưởng đến trình tự, thời hạn giải quyết\"}")
                .post("/api/v1/review-tasks/{id}/resolution", task).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api.scoring(admin).get("/api/v1/agencies/{id}/score", justice).then().statusCode(200).body("score", equalTo(50.0f)));
        api.scoring(admin).queryParam("year", VietnamTime.today().getYear()).queryParam("source", "LIVE").get("/api/v1/rankings")
                .then().statusCode(200)
                .body("items.find { it.agencyId == '%s' }.rank".formatted(justice), equalTo(1))
                .body("items.find { it.agencyId == '%s' }.rank".formatted(commune), equalTo(1))
                .body("items.find { it.agencyId == '%s' }.rank".formatted(city), equalTo(3))
                .body("items[2].agencyId", equalTo(city));
    }
}
