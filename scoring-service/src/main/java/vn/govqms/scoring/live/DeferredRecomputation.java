package vn.govqms.scoring.live;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Live scores moved by high-volume inputs (dossier batches) are recomputed shortly after, not in the
 * batch's transaction: the batch records the agencies and years ({@link #mark}), and this drains them
 * in chunks of {@value #CHUNK} agencies, each chunk in one transaction with its recomputation, so a
 * crash loses nothing and thousands of batches touching one agency cost one recomputation.
 */
@ApplicationScoped
public class DeferredRecomputation {

    static final int CHUNK = 1_000;

    private static final String TAKE = """
            delete from live_score_pending p using (
                select agency_id, year from live_score_pending order by year, agency_id limit %d for update skip locked
            ) t where p.agency_id = t.agency_id and p.year = t.year
            returning p.agency_id, p.year, p.cause""".formatted(CHUNK);

    @Inject Pool pool;
    @Inject ScoreRecomputation scores;

    /** Records, in the caller's transaction, that these agencies' scores for these years must be recomputed. */
    public Uni<Void> mark(SqlConnection tx, List<UUID> agencies, List<Integer> years, String cause) {
        return tx.preparedQuery("insert into live_score_pending (agency_id, year, cause) select a, y, $3 from unnest($1::uuid[]) a "
                        + "cross join unnest($2::int[]) y on conflict do nothing")
                .execute(Tuple.of(agencies.toArray(new UUID[0]), years.toArray(new Integer[0]), cause)).replaceWithVoid();
    }

    /**
     * The same in a command's Hibernate session: every agency of a province (null: of every province) for a year, e.g.
     * when a criteria set is activated, or one agency ({@code agency} not null) for each of {@code years}.
     */
    public Uni<Void> mark(Mutiny.Session session, String provinceCode, UUID agency, List<Integer> years, String cause) {
        return session.createNativeQuery("""
                        insert into live_score_pending (agency_id, year, cause)
                        select d.id, y, ?4 from agency_directory d cross join unnest(cast(?3 as int[])) y
                        where (cast(?2 as uuid) is null or d.id = ?2) and (cast(?1 as text) is null or d.province_code = ?1)
                        on conflict do nothing""")
                .setParameter(1, provinceCode).setParameter(2, agency).setParameter(3, years.toArray(new Integer[0])).setParameter(4, cause)
                .executeUpdate().replaceWithVoid();
    }

    @Scheduled(every = "${govqms.live-score.pending-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drain() {
        return pool.withTransaction(tx -> tx.query(TAKE).execute().chain(rows -> {
                    Map<Integer, List<UUID>> byYear = new HashMap<>();
                    Map<Integer, String> causes = new HashMap<>();
                    for (Row r : rows) {
                        byYear.computeIfAbsent(r.getInteger("year"), y -> new ArrayList<>()).add(r.getUUID("agency_id"));
                        causes.put(r.getInteger("year"), r.getString("cause"));
                    }
                    Uni<Void> chain = scores.lock(tx, byYear.values());
                    for (var e : byYear.entrySet()) {
                        chain = chain.chain(() -> scores.recompute(tx, e.getValue(), e.getKey(), causes.get(e.getKey())));
                    }
                    return chain.replaceWith(rows.rowCount());
                }))
                .chain(n -> n == CHUNK ? drain() : Uni.createFrom().voidItem())
                .onFailure().invoke(f -> Log.warnf("pending live scores not recomputed yet (%s); retrying at the next round", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
