package vn.govqms.scoring.ranking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.province.ProvinceSuccessions;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;
import vn.govqms.scoring.criteria.Definition;
import vn.govqms.scoring.ranking.RankingDtos.BandCount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every province at once, for the national level: a row per province that exists at the end
 * of the year, with what the province's own progress and band distribution give. A province ended by a merger
 * effective on or before the year's end is no row of its own: its agencies and scores count in the province
 * that continues it ({@link ProvinceSuccessions#current}), so a merged province is counted once; before the
 * merger's year the old provinces are rows as they were. The central bodies (province {@code 00}, the
 * ministries) are no province. One statement per view.
 */
@ApplicationScoped
public class NationalFigures {

    /**
     * The agencies in force on the year's last day, under the province that holds them that day.
     * $1 year, $2 the ended provinces' codes, $3 the province continuing each, $4 the central bodies' code.
     */
    private static final String AGENCIES = """
            moved (code, successor) as (select * from unnest($2::text[], $3::text[])),
            ag as (
                select d.id, coalesce(m.successor, d.province_code) as province_code
                from agency_directory d left join moved m on m.code = d.province_code
                where d.province_code <> $4
                  and (d.valid_from is null or d.valid_from <= make_date($1::int, 12, 31))
                  and (d.valid_to is null or d.valid_to >= make_date($1::int, 12, 31)))""";

    /** The province progress figures of {@link RankingService}, for every province; $5 size, $6 offset, $7 the day the QMS figures are as of. */
    private static final String PROGRESS = """
            with %s,
            announced as (select agency_id from qms_state where announced_on is not null and announced_on <= $7::date),
            st as (select distinct on (h.agency_id) h.agency_id, h.status, h.standard_edition from qms_status_history h
                   where h.effective_date <= $7::date order by h.agency_id, h.effective_date desc, h.seq desc),
            built as (select agency_id from st where status in ('APPLYING', 'ANNOUNCED') union select agency_id from announced),
            converted as (select agency_id from st where standard_edition = 'ISO_9001_2015'),
            planned as (select distinct agency_id from activity_plan where year = $1::int),
            audited as (select distinct agency_id from audit_held where year = $1::int and kind = 'INTERNAL_AUDIT'),
            reviewed as (select distinct agency_id from management_review_held where year = $1::int),
            self_assessed as (select distinct agency_id from assessment where year = $1::int and kind = 'SELF' and status = 'FINALISED'),
            officially_assessed as (select distinct agency_id from assessment where year = $1::int and kind = 'OFFICIAL' and status = 'FINALISED')
            select ag.province_code, count(*) as agencies, count(n.agency_id) as announced, count(b.agency_id) as built,
                   count(c.agency_id) as converted, count(p.agency_id) as plans,
                   count(a.agency_id) as audits, count(r.agency_id) as reviews, count(s.agency_id) as self_assessed,
                   count(o.agency_id) as officially_assessed, count(*) over () as total
            from ag
            left join announced n on n.agency_id = ag.id
            left join built b on b.agency_id = ag.id
            left join converted c on c.agency_id = ag.id
            left join planned p on p.agency_id = ag.id
            left join audited a on a.agency_id = ag.id
            left join reviewed r on r.agency_id = ag.id
            left join self_assessed s on s.agency_id = ag.id
            left join officially_assessed o on o.agency_id = ag.id
            group by ag.province_code
            order by ag.province_code limit $5 offset $6""".formatted(AGENCIES);

    /** The year's finalised official scores, under the province continuing theirs at the year's end. */
    private static final String OFFICIAL_SCORES = """
            select a.agency_id, coalesce(m.successor, a.province_code) as province_code, a.criteria_set_id, a.total_points as score,
                   a.band, a.band_label, a.finalised_at
            from assessment a left join moved m on m.code = a.province_code
            where a.year = $1 and a.kind = 'OFFICIAL' and a.status = 'FINALISED' and a.province_code <> $4""";
    /** The year's live scores, likewise. */
    private static final String LIVE_SCORES = """
            select l.agency_id, coalesce(m.successor, l.province_code) as province_code, l.criteria_set_id, l.score,
                   l.band, l.band_label, null::timestamptz as finalised_at
            from live_score l left join moved m on m.code = l.province_code
            where l.year = $1 and l.province_code <> $4""";

    /**
     * The band distribution of {@link RankingSnapshot#distribution()}, for every province: the scores of the set
     * ranked (official: the set in force, else that of the latest finalised official assessment; live: all), counted
     * per band in the order of the band table in force (else the default table, $7 codes and $8 labels), bands
     * nobody is in counting 0 and bands outside the table following. $5 size, $6 offset.
     */
    private static final String DISTRIBUTION = """
            with %s,
            scored as (%s),
            provinces as (select province_code from ag union select province_code from scored),
            in_force as (
                select distinct on (p.province_code) p.province_code, c.id, c.definition
                from provinces p join criteria_set c on c.status = 'ACTIVE' and c.applies_from_year <= $1
                     and (c.province_code = p.province_code or c.province_code is null)
                order by p.province_code, c.province_code nulls last, c.applies_from_year desc, c.version_no desc),
            latest as (
                select distinct on (province_code) province_code, criteria_set_id from scored
                order by province_code, finalised_at desc nulls last),
            ranked_set as (
                select p.province_code, f.definition, coalesce(f.id, l.criteria_set_id) as set_id
                from provinces p left join in_force f on f.province_code = p.province_code
                     left join latest l on l.province_code = p.province_code),
            counted as (
                select s.province_code, s.band, min(s.band_label) as label, count(*) as n, max(s.score) as top
                from scored s join ranked_set r on r.province_code = s.province_code%s
                group by s.province_code, s.band),
            band_table as (
                select r.province_code, b.code, b.label, b.ord
                from ranked_set r cross join lateral (
                    select e ->> 'code' as code, e ->> 'label' as label, t.ord
                    from jsonb_array_elements(r.definition -> 'bands') with ordinality as t(e, ord) where r.definition is not null
                    union all
                    select t.code, t.label, t.ord from unnest($7::text[], $8::text[]) with ordinality as t(code, label, ord)
                    where r.definition is null) b),
            bands as (
                select coalesce(t.province_code, c.province_code) as province_code, coalesce(t.code, c.band) as band,
                       coalesce(c.label, t.label) as label, coalesce(c.n, 0) as n, t.ord, c.top
                from band_table t full join counted c on c.province_code = t.province_code and c.band = t.code)
            select b.province_code, sum(b.n)::bigint as scored,
                   array_agg(b.band order by b.ord nulls last, b.top desc) as bands,
                   array_agg(b.label order by b.ord nulls last, b.top desc) as labels,
                   array_agg(b.n order by b.ord nulls last, b.top desc) as counts,
                   count(*) over () as total
            from bands b group by b.province_code
            order by b.province_code limit $5 offset $6""";

    @Inject Pool pool;
    @Inject ProvinceRegister provinces;
    @Inject Scope scope;

    /** Progress per province (agencies, and how many announced, planned, audited, reviewed, assessed, with shares). */
    public Uni<RankingDtos.NationalProgress> progress(int year, LocalDate asOf, PageRequest page) {
        requireNational();
        return pool.preparedQuery(PROGRESS).execute(arguments(year, page).addValue(asOf)).map(rows -> {
            List<RankingDtos.Progress> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                items.add(RankingService.progress(r.getString("province_code"), year, asOf, r));
            }
            return new RankingDtos.NationalProgress(year, items, page.page(), page.size(), total);
        });
    }

    /** Band counts per province, shares computed from the counts as a province's own distribution does. */
    public Uni<RankingDtos.NationalDistribution> distribution(int year, Source source, PageRequest page) {
        requireNational();
        String sql = DISTRIBUTION.formatted(AGENCIES, source == Source.OFFICIAL ? OFFICIAL_SCORES : LIVE_SCORES,
                source == Source.OFFICIAL ? " and s.criteria_set_id = r.set_id" : "");
        Tuple args = arguments(year, page)
                .addValue(Definition.DEFAULT_BANDS.stream().map(Definition.Band::code).toArray(String[]::new))
                .addValue(Definition.DEFAULT_BANDS.stream().map(Definition.Band::label).toArray(String[]::new));
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<RankingDtos.Distribution> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                long scored = r.getLong("scored");
                String[] bands = r.getArrayOfStrings("bands");
                String[] labels = r.getArrayOfStrings("labels");
                Long[] counts = r.getArrayOfLongs("counts");
                List<BandCount> out = new ArrayList<>(bands.length);
                for (int i = 0; i < bands.length; i++) {
                    out.add(new BandCount(bands[i], labels[i], counts[i], share(counts[i], scored)));
                }
                items.add(new RankingDtos.Distribution(r.getString("province_code"), year, source, scored, out));
            }
            return new RankingDtos.NationalDistribution(year, source, items, page.page(), page.size(), total);
        });
    }

    private void requireNational() {
        scope.requireNational("The provinces' figures side by side are the national level's (role " + Roles.NATIONAL_ADMIN + ").");
    }

    /** $1 year, $2/$3 each province ended by the year's end and the one continuing it, $4 the central bodies' code, $5/$6 the page. */
    private Tuple arguments(int year, PageRequest page) {
        LocalDate end = LocalDate.of(year, 12, 31);
        ProvinceSuccessions successions = provinces.successions();
        List<String> ended = new ArrayList<>();
        List<String> continuing = new ArrayList<>();
        for (ProvinceSuccessions.Succession s : successions.all()) {
            if (!s.effectiveDate().isAfter(end)) {
                ended.add(s.code());
                continuing.add(successions.current(s.code(), end));
            }
        }
        return Tuple.of(year, ended.toArray(new String[0]), continuing.toArray(new String[0]), AgencyRef.CENTRAL, page.size(), page.offset());
    }

    static BigDecimal share(long count, long total) {
        return total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }
}
