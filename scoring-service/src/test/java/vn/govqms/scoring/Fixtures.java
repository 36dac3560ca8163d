package vn.govqms.scoring;

import io.restassured.http.ContentType;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.time.LocalDate;
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

    /** An agency as document-service's agency.registered would have put it in the directory (the root of its own tree). */
    static String agency(String province, String name) {
        return insert(UUID.randomUUID(), province, name, "DEPARTMENT", null, null, null);
    }

    /** An agency that ended on {@code validTo} (merged, split or dissolved). */
    static String ended(String province, String name, LocalDate validTo) {
        return insert(UUID.randomUUID(), province, name, "DEPARTMENT", null, null, validTo);
    }

    /** A ministry: a central body (province 00), the root of its own subtree. */
    static String ministry(String name) {
        return insert(UUID.randomUUID(), "00", name, "MINISTRY", null, null, null);
    }

    /** A unit under a ministry. */
    static String unit(String ministry, String name) {
        return insert(UUID.randomUUID(), "00", name, "MINISTRY_UNIT", ministry, ministry, null);
    }

    private static String insert(UUID id, String province, String name, String level, String parent, String root, LocalDate validTo) {
        int n = SEQ.incrementAndGet();
        String code = String.format("%03d.%02d.%02d.H%s", n % 1000, n / 1000 % 100, 53, province);
        TestDb.update(DB, "insert into agency_directory (id, code, name, level, parent_id, province_code, root_id, valid_to, revision, updated_at) "
                + "values ('" + id + "', '" + code + "', '" + name + "', '" + level + "', " + quoted(parent) + ", '" + province + "', '"
                + (root == null ? id : root) + "', " + quoted(validTo) + ", 0, now())");
        return id.toString();
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "'" + value + "'";
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
