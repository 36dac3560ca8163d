package vn.govqms.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.local.testing.Fixtures;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.scoring.indicator.AuditIndicators;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.govqms.local.testing.Fixtures.admin;

/**
 * Two transactions moving one agency's score at once recompute one after the other: an event applied while the score is
 * read for the first time (the read computes it) must not be overwritten by the read's older view of the indicators.
 * On the code before the lock, the read computed 50 from the indicators without the event, waited on the consumer's
 * uncommitted row and then wrote 50 over the consumer's 40, and the score stayed wrong until the agency's next event.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "scoring"))
class ConcurrentRecomputationTests {

    @Inject
    Pool pool;

    @Inject
    AuditIndicators auditIndicators;

    @Inject
    ObjectMapper json;

    @Test
    void aFirstReadOfTheScoreWhileAnEventIsAppliedKeepsTheEvent() throws Exception {
        // a province with an active set whose activation was recomputed before the agency existed: the agency has no live
        // score until it is read
        String p = LiveScoreTests.moves().province();
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.query("select count(*) from live_score_pending").execute()
                .await().indefinitely().iterator().next().getLong(0) == 0);
        String agency = Fixtures.agency(p, "Sở Y tế tỉnh " + p);
        int year = LiveScoreTests.YEAR;
        String action = UUID.randomUUID().toString();
        ReceivedEvent overdue = new ReceivedEvent(UUID.randomUUID().toString(), "vn.govqms.audit.corrective-action.overdue.v1",
                "/audit-service", "corrective-actions/" + action, OffsetDateTime.now(), agency, "audit.events", 0, 0, json.readTree("""
                {"actionId":"%s","findingId":"%s","agencyId":"%s","owner":"iso-officer-1","title":"Cập nhật quy trình cấp phép hành nghề",
                 "dueDate":"%d-02-01","daysOverdue":15,"escalationStep":15}""".formatted(action, UUID.randomUUID(), agency, year)), json);

        // the consumer's transaction: the event applied and the score recomputed, not yet committed
        SqlConnection consumer = pool.getConnection().await().indefinitely();
        Transaction tx = consumer.begin().await().indefinitely();
        CompletableFuture<Response> read;
        try {
            auditIndicators.apply(overdue, consumer).await().indefinitely();
            read = CompletableFuture.supplyAsync(() -> given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/score", agency));
            // the read has reached the consumer's rows and waits on them (the old code waited at its upsert, the new at its lock)
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.query("select count(*) from pg_stat_activity "
                    + "where wait_event_type = 'Lock' and datname = current_database()").execute()
                    .await().indefinitely().iterator().next().getLong(0) > 0);
            tx.commit().await().indefinitely();
        } finally {
            consumer.close().await().indefinitely();
        }

        // the read waited for the event and answers with it (50 without it, 10 points off for the overdue action)
        read.get().then().statusCode(200).body("score", equalTo(40.0f));
        given().auth().oauth2(admin(p)).get("/api/v1/agencies/{id}/score", agency).then().statusCode(200)
                .body("score", equalTo(40.0f)).body("cause", equalTo("vn.govqms.audit.corrective-action.overdue.v1"));
    }
}
