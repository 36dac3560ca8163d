package vn.govqms.scoring;

import io.restassured.http.ContentType;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Test data: agencies in the directory, provinces of their own per test, criteria sets. */
final class Fixtures {

    static final String DB = "scoring";
    static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger PROVINCE = new AtomicInteger(30);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** A province code no other test uses in this run (so active criteria sets do not interfere). */
    static String province() {
        return String.format("%02d", PROVINCE.getAndIncrement());
    }

    /** An agency as document-service's agency.registered would have put it in the directory. */
    static String agency(String province, String name) {
        UUID id = UUID.randomUUID();
        int n = SEQ.incrementAndGet();
        String code = String.format("%03d.%02d.%02d.H%s", n % 1000, n / 1000 % 100, 53, province);
        TestDb.update(DB, "insert into agency_directory (id, code, name, level, province_code, revision, updated_at) values ('"
                + id + "', '" + code + "', '" + name + "', 'DEPARTMENT', '" + province + "', 0, now())");
        return id.toString();
    }

    static String code(String agency) {
        return TestDb.value(DB, "select code from agency_directory where id = '" + agency + "'");
    }

    static String admin(String province) {
        return TestTokens.provinceAdmin(province);
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
