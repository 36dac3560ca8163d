package vn.govqms.scoring.ranking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.db.ChangeNotices;
import vn.govqms.kit.db.NoticedCache;
import vn.govqms.scoring.criteria.CriteriaSetQueries;
import vn.govqms.scoring.criteria.Definition;
import vn.govqms.scoring.ranking.RankingDtos.Ranked;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rankings are read far more often than they change: each (province, year, source, criteria set) is read
 * once into a {@link RankingSnapshot} and served from memory while the province's version in
 * {@code ranking_version} stays the same. Database triggers move that version in the transaction of any
 * change a ranking reads and notify every replica at its commit; a replica reads a province's version again (one
 * primary-key lookup) only after such a notice, so an unchanged ranking is answered from memory, and a changed one
 * is seen by every replica as soon as the notice arrives (milliseconds after the commit).
 * The least recently read snapshots are dropped beyond {@value #MAX_ROWS} ranked rows in all.
 */
@Startup // listens for change notices from the start
@ApplicationScoped
public class RankingSnapshots {

    static final int MAX_ROWS = 100_000;

    private static final String VERSION = """
            select coalesce(sum(version), 0)::bigint from ranking_version where province_code = $1 or province_code = ''""";

    /**
     * Every score of the ranking best first; ties by agency id, like the pages always were. $1 province, $2 year, $3 set,
     * $4 a ministry's root (a ministry's ranking only).
     */
    private static final String ROWS = """
            select a.agency_id, a.%2$s as score, a.band, a.band_label, d.code, d.name
            from %1$s a left join agency_directory d on d.id = a.agency_id
            where %3$s%4$s
            order by a.%2$s desc, a.agency_id""";

    static final String OFFICIAL_FILTER = "a.province_code = $1 and a.year = $2 and a.criteria_set_id = $3 and a.kind = 'OFFICIAL' "
            + "and a.status = 'FINALISED'";
    static final String LIVE_FILTER = "a.province_code = $1 and a.year = $2 and ($3::uuid is null or a.criteria_set_id = $3)";

    private record Entry(long version, Uni<RankingSnapshot> snapshot) {
    }

    private final Pool pool;
    private final CriteriaSetQueries sets;
    private final ObjectMapper json;
    /** Least recently read first. */
    private final LinkedHashMap<RankingService.Query, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<RankingService.Query, Integer> sizes = new LinkedHashMap<>();
    private long cachedRows;
    /** Each province's version (with the national one) as last read, while no change was noticed there since. */
    private final NoticedCache<String, Long> versions;

    public RankingSnapshots(Pool pool, CriteriaSetQueries sets, ObjectMapper json, ChangeNotices notices) {
        this.pool = pool;
        // a national change ('': a national criteria set) moves every province's version
        this.versions = new NoticedCache<>(notices, "govqms_ranking", province -> province.isEmpty() ? null : province, 1_000);
        this.sets = sets;
        this.json = json;
    }

    /**
     * The ranking as of now: the snapshot in memory when the province has not changed since it was read. The
     * province's version is read from the database only when this instance has not heard of it since the last
     * notice of a change there ({@code NOTIFY govqms_ranking}, sent at the commit of whatever moved it): an
     * unchanged ranking costs no round trip.
     */
    public Uni<RankingSnapshot> current(RankingService.Query q) {
        Long known = versions.get(q.provinceCode());
        if (known != null) {
            return at(q, known);
        }
        long epoch = versions.epoch();
        return pool.preparedQuery(VERSION).execute(Tuple.of(q.provinceCode())).chain(rows -> {
            long version = rows.iterator().next().getLong(0);
            versions.put(q.provinceCode(), version, epoch);
            return at(q, version);
        });
    }

    private Uni<RankingSnapshot> at(RankingService.Query q, long version) {
        Entry entry;
        synchronized (cache) {
            entry = cache.get(q);
            // read at an older version: read again (a newer one, read by a later request, is as good)
            if (entry == null || entry.version() < version) {
                entry = new Entry(version, read(q, version).invoke(s -> sized(q, s)).memoize().indefinitely());
                cache.put(q, entry);
            }
        }
        Entry used = entry;
        return used.snapshot().onFailure().invoke(() -> {
            synchronized (cache) {
                cache.remove(q, used);
            }
        });
    }

    private Uni<RankingSnapshot> read(RankingService.Query q, long version) {
        return setOf(q).chain(set -> sets.activeFor(pool, q.provinceCode(), q.year()).chain(active -> {
            List<Definition.Band> bands = active == null ? Definition.DEFAULT_BANDS : active.definition.bands();
            if (q.source() == Source.OFFICIAL && set == null) {
                return Uni.createFrom().item(new RankingSnapshot(q, version, List.of(), bands, json));
            }
            String sql = q.source() == Source.OFFICIAL ? ROWS.formatted("assessment", "total_points", OFFICIAL_FILTER, q.subtree("d", 4))
                    : ROWS.formatted("live_score", "score", LIVE_FILTER, q.subtree("d", 4));
            Tuple args = q.ministryId() == null ? Tuple.of(q.provinceCode(), q.year(), set) : Tuple.of(q.provinceCode(), q.year(), set, q.ministryId());
            long start = System.nanoTime();
            return pool.preparedQuery(sql).execute(args).map(rows -> {
                List<Ranked> ranked = new ArrayList<>(rows.size());
                long position = 0;
                long rank = 0;
                BigDecimal previous = null;
                for (Row r : rows) {
                    position++;
                    BigDecimal score = r.getBigDecimal("score");
                    // standard competition ranking: a tie shares the rank of the first of its score
                    if (previous == null || score.compareTo(previous) != 0) {
                        rank = position;
                        previous = score;
                    }
                    ranked.add(new Ranked(rank, r.getUUID("agency_id"), r.getString("code"), r.getString("name"), score,
                            r.getString("band"), r.getString("band_label")));
                }
                RankingSnapshot snapshot = new RankingSnapshot(q, version, ranked, bands, json);
                Log.debugf("ranking %s read at version %d: %d agencies in %d ms", q, version, ranked.size(),
                        (System.nanoTime() - start) / 1_000_000);
                return snapshot;
            });
        }));
    }

    /**
     * The criteria set whose scores are ranked: the one asked for; for official scores by default the
     * set in force for the province and year, else the set of the latest finalised official assessment
     * there (one assessment per agency, year, kind and set: one score per agency).
     */
    private Uni<UUID> setOf(RankingService.Query q) {
        if (q.criteriaSetId() != null || q.source() == Source.LIVE) {
            return Uni.createFrom().item(q.criteriaSetId());
        }
        return sets.activeIdFor(pool, q.provinceCode(), q.year()).chain(active -> active != null ? Uni.createFrom().item(active)
                : pool.preparedQuery("select criteria_set_id from assessment where province_code = $1 and year = $2 and kind = 'OFFICIAL' "
                        + "and status = 'FINALISED' order by finalised_at desc limit 1").execute(Tuple.of(q.provinceCode(), q.year()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0)));
    }

    /** Counts a new snapshot's rows and drops the least recently read ones beyond the limit. */
    private void sized(RankingService.Query q, RankingSnapshot s) {
        synchronized (cache) {
            if (!cache.containsKey(q)) {
                return;
            }
            Integer before = sizes.put(q, s.size());
            cachedRows += s.size() - (before == null ? 0 : before);
            Iterator<Map.Entry<RankingService.Query, Entry>> oldest = cache.entrySet().iterator();
            while (cachedRows > MAX_ROWS && oldest.hasNext()) {
                RankingService.Query k = oldest.next().getKey();
                if (k.equals(q)) {
                    continue;
                }
                oldest.remove();
                Integer dropped = sizes.remove(k);
                cachedRows -= dropped == null ? 0 : dropped;
            }
        }
    }
}
