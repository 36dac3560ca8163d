package vn.govqms.scoring.ranking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.scoring.criteria.CriteriaSet;
import vn.govqms.scoring.criteria.CriteriaSetQueries;
import vn.govqms.scoring.ranking.RankingDtos.Change;
import vn.govqms.scoring.ranking.RankingDtos.Figure;
import vn.govqms.scoring.ranking.RankingDtos.SetOfYear;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Rankings and statistics of a province (or of a ministry's subtree among the central bodies) and year over the
 * finalised official assessments or the live scores; who reads which is {@link RankingReaders}'. The ranking, its
 * bottom and the band distribution come from the snapshot of {@link RankingSnapshots}; year-over-year and progress
 * are one SQL statement each. Ties share a rank (standard competition ranking: 1, 2, 2, 4).
 */
@ApplicationScoped
public class RankingService {

    /** The scores of a province and year: $1 province, $Y year, $S criteria set or null. */
    private static final String OFFICIAL = """
            select distinct on (a.agency_id) a.agency_id, a.total_points as score, a.band, a.band_label, a.criteria_set_id
            from assessment a where a.province_code = $1 and a.year = $Y and a.kind = 'OFFICIAL' and a.status = 'FINALISED'
                 and ($S::uuid is null or a.criteria_set_id = $S)
            order by a.agency_id, a.finalised_at desc""";
    private static final String LIVE = """
            select l.agency_id, l.score, l.band, l.band_label, l.criteria_set_id from live_score l
            where l.province_code = $1 and l.year = $Y and ($S::uuid is null or l.criteria_set_id = $S)""";

    /**
     * Each agency's score against the year before, with the set each is under; every row also carries the sets of the
     * whole answer and whether any agency's set changed. $1 province, $2 year, $3 set, $4 size, $5 offset, $6 the year
     * before, $7 a ministry's root.
     */
    private static final String YEAR_OVER_YEAR = """
            with cur as (%s), prev as (%s),
                 compared as (select c.agency_id, d.code, d.name, c.score, c.band, c.band_label, c.criteria_set_id,
                                     p.score as previous_score, p.band as previous_band, p.band_label as previous_band_label,
                                     p.criteria_set_id as previous_set_id
                              from cur c left join prev p on p.agency_id = c.agency_id left join agency_directory d on d.id = c.agency_id%s),
                 sets as (select array_agg(distinct criteria_set_id) as sets,
                                 array_agg(distinct previous_set_id) filter (where previous_set_id is not null) as previous_sets,
                                 coalesce(bool_or(previous_set_id <> criteria_set_id), false) as set_changed from compared)
            select r.*, s.sets, s.previous_sets, s.set_changed, count(*) over () as total
            from compared r cross join sets s
            order by r.name, r.agency_id limit $4 offset $5""";

    /**
     * $1 province, $2 year, $3 the day the QMS figures are as of, $4 a ministry's root. "Finished building" is a status of
     * APPLYING or ANNOUNCED on that day (or an announcement by then, for agencies announced before the history was kept).
     */
    private static final String PROGRESS = """
            with ag as (select d.id from agency_directory d where d.province_code = $1
                        and (d.valid_to is null or d.valid_to >= make_date($2::int, 1, 1))
                        and (d.valid_from is null or d.valid_from <= make_date($2::int, 12, 31))%s),
                 st as (select distinct on (h.agency_id) h.agency_id, h.status, h.standard_edition
                        from qms_status_history h join ag on ag.id = h.agency_id where h.effective_date <= $3::date
                        order by h.agency_id, h.effective_date desc, h.seq desc)
            select (select count(*) from ag) as agencies,
                   (select count(*) from ag join qms_state q on q.agency_id = ag.id
                     where q.announced_on is not null and q.announced_on <= $3::date) as announced,
                   (select count(*) from ag left join st on st.agency_id = ag.id left join qms_state q on q.agency_id = ag.id
                     where st.status in ('APPLYING', 'ANNOUNCED') or q.announced_on <= $3::date) as built,
                   (select count(*) from st where st.standard_edition = 'ISO_9001_2015') as converted,
                   (select count(*) from ag where exists (select 1 from activity_plan p where p.agency_id = ag.id and p.year = $2::int)) as plans,
                   (select count(*) from ag where exists (select 1 from audit_held h where h.agency_id = ag.id and h.year = $2::int
                                                          and h.kind = 'INTERNAL_AUDIT')) as audits,
                   (select count(*) from ag where exists (select 1 from management_review_held m where m.agency_id = ag.id
                                                          and m.year = $2::int)) as reviews,
                   (select count(*) from ag where exists (select 1 from assessment a where a.agency_id = ag.id and a.year = $2::int
                                                          and a.kind = 'SELF' and a.status = 'FINALISED')) as self_assessed,
                   (select count(*) from ag where exists (select 1 from assessment a where a.agency_id = ag.id and a.year = $2::int
                                                          and a.kind = 'OFFICIAL' and a.status = 'FINALISED')) as officially_assessed""";

    @Inject Pool pool;
    @Inject RankingSnapshots snapshots;
    @Inject CriteriaSetQueries sets;

    /** A ranking's tenant (a province, or a ministry's subtree of province 00 when {@code ministryId} is set), year and scores. */
    public record Query(String provinceCode, UUID ministryId, int year, Source source, UUID criteriaSetId) {

        /** " and " + the condition that keeps the ministry's subtree on {@code alias} ($index), or nothing for a province. */
        String subtree(String alias, int index) {
            return ministryId == null ? "" : " and " + AgencyFilter.subtree(ministryId).sql(alias, index);
        }
    }

    /** The scores of a source for the year and set given as parameters or literals ({@code null}: every set). */
    static String scores(Source source, String year, String set) {
        return (source == Source.OFFICIAL ? OFFICIAL : LIVE).replace("$Y", year).replace("$S", set);
    }

    /** The ranking as of now (see {@link RankingSnapshots}): pages, the bottom and the band distribution are read from it. */
    public Uni<RankingSnapshot> ranking(Query q) {
        return snapshots.current(q);
    }

    /**
     * Each agency's score against the year before: its latest finalised official assessment (under {@code criteriaSetId}
     * when given, for the year asked) or its live score of each year. Where an agency's criteria set changed between the
     * years, the whole answer compares bands and totals normalised to 100 ({@link YearOverYear}).
     */
    public Uni<RankingDtos.Changes> yearOverYear(Query q, PageRequest page) {
        String sql = YEAR_OVER_YEAR.formatted(scores(q.source(), "$2", "$3"), scores(q.source(), "$6", "null"),
                q.ministryId() == null ? "" : " where true" + q.subtree("d", 7));
        List<Object> args = AgencyFilter.arguments(q.provinceCode(), q.year(), q.criteriaSetId(), page.size(), page.offset(), q.year() - 1);
        if (q.ministryId() != null) {
            args.add(q.ministryId());
        }
        return pool.preparedQuery(sql).execute(Tuple.from(args)).chain(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            Row first = found.isEmpty() ? null : found.get(0);
            List<UUID> current = first == null ? List.of() : ids(first.getArrayOfUUIDs("sets"));
            List<UUID> previous = first == null ? List.of() : ids(first.getArrayOfUUIDs("previous_sets"));
            Set<UUID> all = new LinkedHashSet<>(current);
            all.addAll(previous);
            return sets.findAll(pool, all).map(byId -> {
                YearOverYear.Basis basis = first != null && first.getBoolean("set_changed")
                        ? YearOverYear.Basis.BAND_AND_NORMALISED_TOTAL : YearOverYear.Basis.TOTAL;
                List<Change> items = new ArrayList<>();
                for (Row r : found) {
                    CriteriaSet set = byId.get(r.getUUID("criteria_set_id"));
                    CriteriaSet previousSet = byId.get(r.getUUID("previous_set_id"));
                    BigDecimal score = r.getBigDecimal("score");
                    BigDecimal previousScore = r.getBigDecimal("previous_score");
                    BigDecimal normalised = YearOverYear.normalised(score, set);
                    BigDecimal previousNormalised = YearOverYear.normalised(previousScore, previousSet);
                    items.add(new Change(r.getUUID("agency_id"), r.getString("code"), r.getString("name"), score, previousScore,
                            YearOverYear.change(basis, score, previousScore, normalised, previousNormalised),
                            r.getString("band"), r.getString("previous_band"), r.getString("band_label"), r.getString("previous_band_label"),
                            YearOverYear.bandChange(r.getString("band"), set, r.getString("previous_band"), previousSet),
                            normalised, previousNormalised, r.getUUID("criteria_set_id"), r.getUUID("previous_set_id")));
                }
                return new RankingDtos.Changes(q.provinceCode(), q.year(), q.source(), basis == YearOverYear.Basis.BAND_AND_NORMALISED_TOTAL,
                        basis, ofYear(current, byId), ofYear(previous, byId), items, page.page(), page.size(),
                        first == null ? 0 : first.getLong("total"));
            });
        });
    }

    private static List<UUID> ids(UUID[] array) {
        return array == null ? List.of() : List.of(array);
    }

    private static List<SetOfYear> ofYear(List<UUID> ids, Map<UUID, CriteriaSet> byId) {
        return ids.stream().map(byId::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing((CriteriaSet s) -> s.appliesFromYear).thenComparing(s -> s.versionNo).thenComparing(s -> s.name))
                .map(s -> new SetOfYear(s.id, s.name, s.versionNo, s.appliesFromYear, s.definition.totalMaxPoints())).toList();
    }

    /**
     * How many agencies of the province (or ministry) have done what, out of all (e.g. announced 45 of 48 = 93.75 %); the
     * QMS figures (announced, finished building, converted to ISO 9001:2015) as of {@code asOf}, the others over the year.
     */
    public Uni<RankingDtos.Progress> progress(Query q, LocalDate asOf) {
        List<Object> args = AgencyFilter.arguments(q.provinceCode(), q.year(), asOf);
        if (q.ministryId() != null) {
            args.add(q.ministryId());
        }
        return pool.preparedQuery(PROGRESS.formatted(q.subtree("d", 4))).execute(Tuple.from(args))
                .map(rows -> progress(q.provinceCode(), q.year(), asOf, rows.iterator().next()));
    }

    /** The figures of a row with the columns agencies, announced, built, converted, plans, audits, reviews, self_assessed, officially_assessed. */
    static RankingDtos.Progress progress(String province, int year, LocalDate asOf, Row r) {
        long all = r.getLong("agencies");
        List<Figure> figures = List.of(
                figure("QMS_ANNOUNCED", "Đã công bố HTQLCL phù hợp TCVN ISO 9001", r.getLong("announced"), all),
                figure("QMS_BUILT", "Đã hoàn thành xây dựng HTQLCL", r.getLong("built"), all),
                figure("QMS_ISO_9001_2015", "Đã chuyển đổi sang TCVN ISO 9001:2015", r.getLong("converted"), all),
                figure("ACTIVITY_PLAN_APPROVED", "Có kế hoạch hoạt động ISO năm được phê duyệt", r.getLong("plans"), all),
                figure("INTERNAL_AUDIT_HELD", "Đã đánh giá nội bộ trong năm", r.getLong("audits"), all),
                figure("MANAGEMENT_REVIEW_HELD", "Đã xem xét của lãnh đạo trong năm", r.getLong("reviews"), all),
                figure("SELF_ASSESSED", "Đã công bố kết quả tự đánh giá", r.getLong("self_assessed"), all),
                figure("OFFICIALLY_ASSESSED", "Đã có kết quả đánh giá chính thức", r.getLong("officially_assessed"), all));
        return new RankingDtos.Progress(province, year, asOf, all, figures);
    }

    static Figure figure(String code, String label, long count, long of) {
        BigDecimal share = of == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
        return new Figure(code, label, count, of, share);
    }
}
