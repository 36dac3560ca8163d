package vn.govqms.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemMapper;
import vn.govqms.local.testing.RealPartsTestResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A write PostgreSQL refuses for a constraint is the caller's 4xx, never a 500: each kind of constraint is broken for real,
 * through the reactive pool (the PgException) and through Hibernate Reactive (which hands on only the SQLSTATE and message),
 * and the kit's problem mapper answers for it.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "audit"))
class DatabaseRefusalTests {

    @Inject
    Pool pool;

    final ProblemMapper mapper = new ProblemMapper();

    @BeforeEach
    void probeTables() {
        pool.query("""
                create table if not exists refusal_parent (id int primary key);
                create table if not exists refusal_probe (
                  id int primary key,
                  code text unique,
                  parent_id int references refusal_parent (id),
                  score int constraint refusal_score_range check (score between 0 and 100),
                  name text not null);
                truncate refusal_probe, refusal_parent;
                insert into refusal_parent values (1);
                insert into refusal_probe values (1, 'QT-01', 1, 50, 'Quy trình tiếp nhận hồ sơ')""")
                .execute().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aDuplicateIsConflict() {
        assertRefusedAs("insert into refusal_probe values (2, 'QT-01', null, null, 'Bản trùng mã')",
                409, "conflict", "This would duplicate an existing record (refusal_probe_code_key).");
    }

    @Test
    void aReferenceToAMissingRecordIsUnprocessable() {
        assertRefusedAs("insert into refusal_probe values (2, 'QT-02', 99, null, 'Quy trình mồ côi')",
                422, "unknown-reference", "The record refers to one that does not exist (refusal_probe_parent_id_fkey).");
    }

    @Test
    void deletingARecordStillReferredToIsConflict() {
        assertRefusedAs("delete from refusal_parent where id = 1",
                409, "conflict", "Other records still refer to this one (refusal_probe_parent_id_fkey).");
    }

    @Test
    void aValueACheckRefusesIsUnprocessable() {
        assertRefusedAs("insert into refusal_probe values (2, 'QT-02', null, 101, 'Điểm quá 100')",
                422, "constraint-violation", "The value breaks the rule (refusal_score_range).");
    }

    @Test
    void aMissingRequiredValueIsUnprocessable() {
        assertRefusedAs("insert into refusal_probe values (2, 'QT-02', null, null, null)", 422, "constraint-violation", "name is required.");
    }

    /** The statement fails through the pool and through a Hibernate Reactive session, and both failures map to this problem. */
    private void assertRefusedAs(String sql, int status, String type, String detail) {
        for (Throwable refused : refusals(sql)) {
            assertProblem(refused, status, type, detail);
        }
    }

    /** The failure of the statement through the pool, then through a Hibernate Reactive session. */
    private Iterable<Throwable> refusals(String sql) {
        Throwable viaPool = failure(() -> pool.query(sql).execute().replaceWithVoid());
        Throwable viaHibernate = failure(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).executeUpdate())).replaceWithVoid());
        return List.of(viaPool, viaHibernate);
    }

    private static Throwable failure(Supplier<Uni<Void>> statement) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> statement.get().onItem().failWith(() -> new AssertionError("the database took it")));
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("unreachable");
    }

    @SuppressWarnings("unchecked")
    private void assertProblem(Throwable refused, int status, String type, String detail) {
        Response response = mapper.any(refused, null);
        assertEquals(status, response.getStatus(), () -> "for " + refused);
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertNotNull(body);
        assertEquals(Problem.TYPE_BASE + type, body.get("type"));
        assertEquals(detail, body.get("detail"));
    }
}
