package vn.govqms.scoring;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static vn.govqms.local.testing.Fixtures.admin;

/** Criteria sets for the tests (the rest of the world is the harness's Fixtures). */
final class CriteriaSets {

    private CriteriaSets() {
    }

    /**
     * 1.1 QMS announced (20, all or nothing), 1.2 manual (30), 2.1 procedure reviews overdue (20, minus 5 each),
     * 2.2 corrective actions overdue (30, minus 10 each): 100 points.
     */
    static String standardSet(String province, int year) {
        return """
                {"provinceCode":"%s","name":"Bộ tiêu chí đánh giá HTQLCL tỉnh %s","appliesFromYear":%d,
                 "groups":[{"code":"1","name":"Xây dựng và công bố HTQLCL","criteria":[
                   {"code":"1.1","text":"Công bố HTQLCL phù hợp TCVN ISO 9001:2015","maxPoints":20,"method":"AUTOMATIC",
                    "indicator":"QMS_ANNOUNCED","rule":"ALL_OR_NOTHING"},
                   {"code":"1.2","text":"Sổ tay chất lượng, chính sách và mục tiêu chất lượng","maxPoints":30,"method":"MANUAL",
                    "guidance":"Đủ tài liệu theo mô hình khung"}]},
                  {"code":"2","name":"Duy trì, cải tiến HTQLCL","criteria":[
                   {"code":"2.1","text":"Rà soát quy trình ISO khi VBQPPL thay đổi","maxPoints":20,"method":"AUTOMATIC",
                    "indicator":"PROCEDURE_REVIEWS_OVERDUE","rule":"DEDUCTION_PER_ITEM","pointsPerItem":5},
                   {"code":"2.2","text":"Khắc phục điểm không phù hợp đúng hạn","maxPoints":30,"method":"AUTOMATIC",
                    "indicator":"CORRECTIVE_ACTIONS_OVERDUE","rule":"DEDUCTION_PER_ITEM","pointsPerItem":10}]}]}"""
                .formatted(province, province, year);
    }

    static String createSet(String province, String json) {
        return given().auth().oauth2(admin(province)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/criteria-sets").then().statusCode(201).extract().path("id");
    }

    static String activeSet(String province, int year) {
        String id = createSet(province, standardSet(province, year));
        given().auth().oauth2(admin(province)).post("/api/v1/criteria-sets/{id}/activation", id).then().statusCode(200);
        return id;
    }
}
