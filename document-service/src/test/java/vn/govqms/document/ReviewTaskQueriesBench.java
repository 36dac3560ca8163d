package vn.govqms.document;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestDb;
import vn.govqms.local.testing.TestTokens;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark (run with -Pbench, not part of the tests): one decree amendment touching 40,000 issued
 * procedures across 5,000 agencies. Measures the request that creates all review tasks and their
 * outbox rows (one statement), the relay draining them to Kafka, and as a baseline the same 40,000
 * rows inserted by one INSERT … SELECT (the database's floor).
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "document"))
class ReviewTaskQueriesBench {

    static final int AGENCIES = 5_000;
    static final int PROCEDURES_PER_AGENCY = 8;

    @Test
    void oneAmendmentReaches40000Procedures() {
        String national = TestTokens.nationalAdmin();
        String decree = given().auth().oauth2(national).contentType(ContentType.JSON).body("""
                {"number":"61/2018/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                 "issuedDate":"2018-04-23","effectiveDate":"2018-06-21"}""").post("/api/v1/legal-documents").then().statusCode(201)
                .extract().path("id");
        long t0 = System.nanoTime();
        TestDb.update("document", """
                insert into agency (id, root_id, code, name, name_folded, level, province_code, version, created_at, updated_at)
                select id, id, lpad((g / 100)::text, 3, '0') || '.' || lpad(mod(g, 100)::text, 2, '0') || '.77.H'
                       || lpad(mod(g, 34)::text, 2, '0'), 'UBND xã ' || g, 'ubnd xa ' || g, 'COMMUNE', lpad(mod(g, 34)::text, 2, '0'), 0, now(), now()
                from (select gen_random_uuid() as id, g from generate_series(1, %d) g) s""".formatted(AGENCIES));
        TestDb.update("document", """
                insert into controlled_document (id, agency_id, code, title, search_text, type, current_revision, version, created_at, updated_at)
                select gen_random_uuid(), a.id, 'QT-' || n, 'Quy trình ' || n, 'quy trinh ' || n, 'OPERATIONAL_PROCEDURE', 1, 0, now(), now()
                from agency a cross join generate_series(1, %d) n where a.code like '%%.77.H%%'""".formatted(PROCEDURES_PER_AGENCY));
        TestDb.update("document", """
                insert into document_version (id, document_id, revision, status, content, effective_date, version, created_at, updated_at)
                select gen_random_uuid(), d.id, 1, 'ISSUED', '{"legalBasisIds":["%s"]}', '2019-01-01', 0, now(), now()
                from controlled_document d join agency a on a.id = d.agency_id where a.code like '%%.77.H%%'""".formatted(decree));
        TestDb.update("document", """
                insert into document_version_legal_basis (version_id, legal_document_id)
                select v.id, '%s' from document_version v join controlled_document d on d.id = v.document_id
                join agency a on a.id = d.agency_id where a.code like '%%.77.H%%'""".formatted(decree));
        TestDb.update("document", "analyze");
        long procedures = TestDb.count("document", "select count(*) from document_version_legal_basis where legal_document_id = '" + decree + "'");
        System.out.printf("bench: loaded %d agencies and %d issued procedures citing the decree in %.1f s%n", AGENCIES, procedures,
                (System.nanoTime() - t0) / 1e9);

        // (the decree takes effect in the future: no overdue events mix into the measurement)
        // baseline: the database alone inserting the same 40,000 rows
        TestDb.update("document", "create table review_task_baseline (like review_task including defaults)");
        long b0 = System.nanoTime();
        TestDb.update("document", """
                insert into review_task_baseline (id, agency_id, document_id, version_id, cause_type, cause_id, cause_key, cause_kind,
                    cause_summary, effective_date, due_date, status, version, created_at, updated_at)
                select gen_random_uuid(), d.agency_id, d.id, v.id, 'LEGAL_DOCUMENT', b.legal_document_id, 'baseline', 'AMENDED', 'x',
                       date '2026-01-01', date '2026-04-01', 'OPEN', 0, now(), now()
                from document_version_legal_basis b join document_version v on v.id = b.version_id
                join controlled_document d on d.id = v.document_id where b.legal_document_id = '%s'""".formatted(decree));
        double baseline = (System.nanoTime() - b0) / 1e9;

        long lastIdBefore = TestDb.count("document", "select coalesce(max(id), 0) from outbox");
        long r0 = System.nanoTime();
        given().auth().oauth2(national).contentType(ContentType.JSON).body("""
                {"number":"118/2025/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
                 "issuedDate":"2025-06-07","effectiveDate":"2030-07-01","relations":[{"kind":"REPLACES","targetId":"%s"}]}""".formatted(decree))
                .post("/api/v1/legal-documents").then().statusCode(201);
        double request = (System.nanoTime() - r0) / 1e9;
        long tasks = TestDb.count("document", "select count(*) from review_task where cause_id = '" + decree + "'");
        assertEquals(procedures, tasks);
        long d0 = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestDb.count("document", "select count(*) from outbox where sent_at is null") == 0);
        double drain = (System.nanoTime() - d0) / 1e9;
        double sinceRequest = (System.nanoTime() - r0) / 1e9;
        long drained = TestDb.count("document", "select count(*) from outbox where id > " + lastIdBefore);
        System.out.printf("bench: fan-out of %d review tasks + outbox rows in the request: %.2f s (baseline INSERT … SELECT of the same rows: %.2f s, ratio %.1f)%n",
                tasks, request, baseline, request / baseline);
        System.out.printf("bench: relay drained %d events to Kafka %.2f s after the request returned (%.0f events/s; %.2f s from the request)%n",
                drained, drain, drained / drain, sinceRequest);
    }
}
