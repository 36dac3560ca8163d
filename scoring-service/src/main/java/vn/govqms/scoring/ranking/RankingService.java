package vn.govqms.scoring.ranking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.scoring.criteria.CriteriaSetRepository;
import vn.govqms.scoring.criteria.Definition;
import vn.govqms.scoring.ranking.RankingDtos.BandCount;
import vn.govqms.scoring.ranking.RankingDtos.Change;
import vn.govqms.scoring.ranking.RankingDtos.Figure;
import vn.govqms.scoring.ranking.RankingDtos.Ranked;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rankings and statistics of a province and year, each one SQL statement over the finalised official
 * assessments ({@code assessment_ranking} index) or the live scores ({@code live_score_ranking}).
 * Ties share a rank (standard competition ranking, SQL {@code rank()}: 1, 2, 2, 4).
 */
@ApplicationScoped
public class RankingService {

    /** The scores of a province and year: $1 province, $Y year, $3 criteria set or null. */
    private static final String OFFICIAL = """
            select distinct on (a.agency_id) a.agency_id, a.total_points as score, a.band, a.band_label
            from assessment a where a.province_code = $1 and a.year = $Y and a.kind = 'OFFICIAL' and a.status = 'FINALISED'
                 and ($3::uuid is null or a.criteria_set_id = $3)
            order by a.agency_id, a.finalised_at desc""";
    private static final String LIVE = """
            select l.agency_id, l.score, l.band, l.band_label from live_score l
            where l.province_code = $1 and l.year = $Y and ($3::uuid is null or l.criteria_set_id = $3)""";

    /**
     * A page of the ranking, best first, read in index order: the rank of a row is its position when
     * its score differs from the row before, that row's rank otherwise; the first score of the page
     * counts the rows above it. $1 province, $2 year, $3 set, $4 size, $5 offset. Ties by agency id.
     */
    private static final String TOP = """
            with page as (
                select a.agency_id, a.%2$s as score, a.band, a.band_label from %1$s a where %3$s
                order by a.%2$s desc, a.agency_id limit $4 offset $5
            ), numbered as (
                select p.*, $5 + row_number() over (order by p.score desc, p.agency_id) as pos from page p
            ), first as (
                select m.s, 1 + (select count(*) from %1$s a where %3$s and a.%2$s > m.s) as r from (select max(score) as s from page) m
            )
            select n.agency_id, n.score, n.band, n.band_label, d.code, d.name,
                   case when n.score = f.s then f.r else min(n.pos) over (partition by n.score) end as rank,
                   (select count(*) from %1$s a where %3$s) as total
            from numbered n cross join first f left join agency_directory d on d.id = n.agency_id
            order by n.score desc, n.agency_id""";

    /** The bottom of the ranking, lowest first: rank = all − (rows at or below the score) + 1. */
    private static final String BOTTOM = """
            with total as (select count(*) as n from %1$s a where %3$s),
            page as (
                select a.agency_id, a.%2$s as score, a.band, a.band_label from %1$s a where %3$s
                order by a.%2$s, a.agency_id desc limit $4 offset $5
            )
            select p.agency_id, p.score, p.band, p.band_label, d.code, d.name, t.n as total,
                   t.n + 1 - (select count(*) from %1$s a where %3$s and a.%2$s <= p.score) as rank
            from page p cross join total t left join agency_directory d on d.id = p.agency_id
            order by p.score, p.agency_id desc""";

    private static final String OFFICIAL_FILTER = "a.province_code = $1 and a.year = $2 and a.criteria_set_id = $3 and a.kind = 'OFFICIAL' "
            + "and a.status = 'FINALISED'";
    private static final String LIVE_FILTER = "a.province_code = $1 and a.year = $2 and ($3::uuid is null or a.criteria_set_id = $3)";

    private static final String DISTRIBUTION = """
            with s as (%s), t as (select count(*) as total from s)
            select s.band, min(s.band_label) as label, count(*) as n, t.total,
                   round(100.0 * count(*) / t.total, 2) as share
            from s cross join t group by s.band, t.total""";

    private static final String YEAR_OVER_YEAR = """
            with cur as (%s), prev as (%s)
            select c.agency_id, d.code, d.name, c.score, p.score as previous_score, c.score - p.score as change, c.band,
                   p.band as previous_band, count(*) over () as total
            from cur c left join prev p on p.agency_id = c.agency_id left join agency_directory d on d.id = c.agency_id
            order by d.name, c.agency_id limit $4 offset $5""";

    private static final String PROGRESS = """
            with ag as (select id from agency_directory where province_code = $1
                        and (valid_to is null or valid_to >= make_date($2::int, 1, 1))
                        and (valid_from is null or valid_from <= make_date($2::int, 12, 31)))
            select (select count(*) from ag) as agencies,
                   (select count(*) from ag join qms_state q on q.agency_id = ag.id
                     where q.announced_on is not null and extract(year from q.announced_on) <= $2::int) as announced,
                   (select count(*) from ag where exists (select 1 from activity_plan p where p.agency_id = ag.id and p.year = $2::int)) as plans,
                   (select count(*) from ag where exists (select 1 from audit_held h where h.agency_id = ag.id and h.year = $2::int
                                                          and h.kind = 'INTERNAL_AUDIT')) as audits,
                   (select count(*) from ag where exists (select 1 from management_review_held m where m.agency_id = ag.id
                                                          and m.year = $2::int)) as reviews,
                   (select count(*) from ag where exists (select 1 from assessment a where a.agency_id = ag.id and a.year = $2::int
                                                          and a.kind = 'SELF' and a.status = 'FINALISED')) as self_assessed,
                   (select count(*) from ag where exists (select 1 from assessment a where a.agency_id = ag.id and a.year = $2::int
                                                          and a.kind = 'OFFICIAL' and a.status = 'FINALISED')) as officially_assessed""";

    private final Pool pool;
    private final CriteriaSetRepository sets;

    public RankingService(Pool pool, CriteriaSetRepository sets) {
        this.pool = pool;
        this.sets = sets;
    }

    public record Query(String provinceCode, int year, Source source, UUID criteriaSetId) {
    }

    /** The province a caller reads: its own (default) and no other. */
    public static String province(String requested, Caller caller) {
        String own = caller.provinceCode().orElseThrow(() -> ProblemException.forbidden("Your token names no province."));
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("Your token does not give access to province " + requested + ".");
        }
        return own;
    }

    static String scores(Source source, String yearParam) {
        return (source == Source.OFFICIAL ? OFFICIAL : LIVE).replace("$Y", yearParam);
    }

    public Uni<RankingDtos.Ranking> ranking(Query q, PageRequest page, boolean bottom) {
        return setOf(q).chain(set -> {
            if (q.source() == Source.OFFICIAL && set == null) {
                return Uni.createFrom().item(new RankingDtos.Ranking(q.provinceCode(), q.year(), q.source(), List.of(), page.page(), page.size(), 0));
            }
            String sql = q.source() == Source.OFFICIAL ? (bottom ? BOTTOM : TOP).formatted("assessment", "total_points", OFFICIAL_FILTER)
                    : (bottom ? BOTTOM : TOP).formatted("live_score", "score", LIVE_FILTER);
            return pool.preparedQuery(sql).execute(Tuple.of(q.provinceCode(), q.year(), set, (long) page.size(), (long) page.offset()))
                    .chain(rows -> {
                        List<Ranked> items = new ArrayList<>();
                        long total = 0;
                        for (Row r : rows) {
                            total = r.getLong("total");
                            items.add(new Ranked(r.getLong("rank"), r.getUUID("agency_id"), r.getString("code"), r.getString("name"),
                                    r.getBigDecimal("score"), r.getString("band"), r.getString("band_label")));
                        }
                        if (items.isEmpty()) {
                            String filter = q.source() == Source.OFFICIAL ? "assessment a where " + OFFICIAL_FILTER : "live_score a where " + LIVE_FILTER;
                            return pool.preparedQuery("select count(*) from " + filter).execute(Tuple.of(q.provinceCode(), q.year(), set))
                                    .map(c -> new RankingDtos.Ranking(q.provinceCode(), q.year(), q.source(), items, page.page(), page.size(),
                                            c.iterator().next().getLong(0)));
                        }
                        return Uni.createFrom().item(new RankingDtos.Ranking(q.provinceCode(), q.year(), q.source(), items, page.page(),
                                page.size(), total));
                    });
        });
    }

    /**
     * The criteria set whose scores are ranked: the one asked for; for official scores by default the
     * set in force for the province and year, else the set of the latest finalised official assessment
     * there (one assessment per agency, year, kind and set: one score per agency).
     */
    private Uni<UUID> setOf(Query q) {
        if (q.criteriaSetId() != null || q.source() == Source.LIVE) {
            return Uni.createFrom().item(q.criteriaSetId());
        }
        return sets.activeIdFor(pool, q.provinceCode(), q.year()).chain(active -> active != null ? Uni.createFrom().item(active)
                : pool.preparedQuery("select criteria_set_id from assessment where province_code = $1 and year = $2 and kind = 'OFFICIAL' "
                        + "and status = 'FINALISED' order by finalised_at desc limit 1").execute(Tuple.of(q.provinceCode(), q.year()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0)));
    }

    /** Counts per band, with shares computed from the counts (2 decimals), in the order of the band table in force. */
    public Uni<RankingDtos.Distribution> distribution(Query q) {
        String scored = q.source() == Source.OFFICIAL
                ? "select a.agency_id, a.total_points as score, a.band, a.band_label from assessment a where " + OFFICIAL_FILTER
                : "select a.agency_id, a.score, a.band, a.band_label from live_score a where " + LIVE_FILTER;
        return sets.activeFor(pool, q.provinceCode(), q.year()).chain(set -> setOf(q).chain(ranked -> pool.preparedQuery(DISTRIBUTION.formatted(scored))
                .execute(Tuple.of(q.provinceCode(), q.year(), ranked)).map(rows -> {
                    Map<String, BandCount> counted = new LinkedHashMap<>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        counted.put(r.getString("band"), new BandCount(r.getString("band"), r.getString("label"), r.getLong("n"),
                                r.getBigDecimal("share").setScale(2, RoundingMode.HALF_UP)));
                    }
                    List<BandCount> bands = new ArrayList<>();
                    List<Definition.Band> table = set == null ? Definition.DEFAULT_BANDS : set.definition.bands();
                    for (Definition.Band b : table) {
                        BandCount c = counted.remove(b.code());
                        bands.add(c != null ? c : new BandCount(b.code(), b.label(), 0, BigDecimal.ZERO.setScale(2)));
                    }
                    bands.addAll(counted.values());
                    return new RankingDtos.Distribution(q.provinceCode(), q.year(), q.source(), total, bands);
                })));
    }

    public Uni<RankingDtos.Changes> yearOverYear(Query q, PageRequest page) {
        String sql = YEAR_OVER_YEAR.formatted(scores(q.source(), "$2"), scores(q.source(), "$6"));
        return pool.preparedQuery(sql).execute(Tuple.from(new Object[] {q.provinceCode(), q.year(), q.criteriaSetId(), page.size(),
                page.offset(), q.year() - 1})).map(rows -> {
                    List<Change> items = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        items.add(new Change(r.getUUID("agency_id"), r.getString("code"), r.getString("name"), r.getBigDecimal("score"),
                                r.getBigDecimal("previous_score"), r.getBigDecimal("change"), r.getString("band"), r.getString("previous_band")));
                    }
                    return new RankingDtos.Changes(q.provinceCode(), q.year(), q.source(), items, page.page(), page.size(), total);
                });
    }

    /** How many agencies of the province have done what, out of all (e.g. announced 45 of 48 = 93.75 %). */
    public Uni<RankingDtos.Progress> progress(String province, int year) {
        return pool.preparedQuery(PROGRESS).execute(Tuple.of(province, year)).map(rows -> {
            Row r = rows.iterator().next();
            long all = r.getLong("agencies");
            List<Figure> figures = List.of(
                    figure("QMS_ANNOUNCED", "Đã công bố HTQLCL phù hợp TCVN ISO 9001", r.getLong("announced"), all),
                    figure("ACTIVITY_PLAN_APPROVED", "Có kế hoạch hoạt động ISO năm được phê duyệt", r.getLong("plans"), all),
                    figure("INTERNAL_AUDIT_HELD", "Đã đánh giá nội bộ trong năm", r.getLong("audits"), all),
                    figure("MANAGEMENT_REVIEW_HELD", "Đã xem xét của lãnh đạo trong năm", r.getLong("reviews"), all),
                    figure("SELF_ASSESSED", "Đã công bố kết quả tự đánh giá", r.getLong("self_assessed"), all),
                    figure("OFFICIALLY_ASSESSED", "Đã có kết quả đánh giá chính thức", r.getLong("officially_assessed"), all));
            return new RankingDtos.Progress(province, year, all, figures);
        });
    }

    static Figure figure(String code, String label, long count, long of) {
        BigDecimal share = of == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
        return new Figure(code, label, count, of, share);
    }
}
