package vn.govqms.scoring.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts the indicators of agencies for a year from what the events recorded, in one statement for
 * any number of agencies. Open items (overdue reviews, open nonconformities, overdue corrective
 * actions, procedures in force not posted) count in every year from the one they belong to until they are resolved.
 */
@ApplicationScoped
public class IndicatorRepository {

    static final String COUNTS = """
            select a.id as agency_id,
                   (q.announced_on is not null and extract(year from q.announced_on) <= $2::int) as qms_announced,
                   coalesce(q.reannouncement_pending, false) as reannouncement_pending,
                   exists (select 1 from activity_plan p where p.agency_id = a.id and p.year = $2::int) as plan_approved,
                   (select count(*) from activity_item i where i.agency_id = a.id and i.year = $2::int) as items,
                   (select count(*) from activity_item i where i.agency_id = a.id and i.year = $2::int and i.done_on is not null) as items_done,
                   (select count(*) from activity_item i where i.agency_id = a.id and i.year = $2::int and i.overdue and i.done_on is null) as items_overdue,
                   (select count(*) from audit_held h where h.agency_id = a.id and h.year = $2::int and h.kind = 'INTERNAL_AUDIT') as internal_audits,
                   (select count(*) from management_review_held m where m.agency_id = a.id and m.year = $2::int) as management_reviews,
                   (select count(*) from review_track r where r.agency_id = a.id and r.status = 'COMPLETED' and r.on_time
                        and extract(year from r.due_date) = $2::int) as reviews_on_time,
                   (select count(*) from review_track r where r.agency_id = a.id and r.status = 'COMPLETED' and not r.on_time
                        and extract(year from r.due_date) = $2::int) as reviews_late,
                   (select count(*) from review_track r where r.agency_id = a.id and r.status = 'OVERDUE'
                        and extract(year from r.due_date) <= $2::int) as reviews_overdue,
                   (select count(*) from finding_track f where f.agency_id = a.id and f.closed_on is null
                        and f.kind = 'MAJOR_NONCONFORMITY' and f.raised_year <= $2::int) as open_major,
                   (select count(*) from finding_track f where f.agency_id = a.id and f.closed_on is null
                        and f.kind = 'MINOR_NONCONFORMITY' and f.raised_year <= $2::int) as open_minor,
                   (select count(*) from action_track c where c.agency_id = a.id and c.closed_on is null and c.overdue
                        and (c.due_date is null or extract(year from c.due_date) <= $2::int)) as actions_overdue,
                   (select count(*) from published_document d where d.agency_id = a.id and d.year = $2::int) as documents,
                   (select count(*) from procedure_posting pp where pp.agency_id = a.id and pp.in_force
                        and not (pp.on_notice_board and pp.on_portal) and extract(year from pp.issued_on) <= $2::int) as not_posted,
                   %s
            from unnest($1::uuid[]) a(id)
            left join qms_state q on q.agency_id = a.id""";

    /** The on-time dossier rate of the year (resolved by the due date over resolved), from the dossier KPIs. */
    static final String DOSSIER_RATE = """
            (select case when count(*) = 0 then null
                         else round(100.0 * count(*) filter (where d.resolved_at <= d.due_at) / count(*), 2) end
             from dossier d where d.agency_id = a.id and d.resolved_at >= make_date($2::int, 1, 1)
                  and d.resolved_at < make_date($2::int + 1, 1, 1)) as dossier_rate""";

    public Uni<Map<UUID, Indicators>> forAgencies(SqlClient db, List<UUID> agencies, int year) {
        return db.preparedQuery(COUNTS.formatted(DOSSIER_RATE)).execute(Tuple.of(agencies.toArray(new UUID[0]), year)).map(rows -> {
            Map<UUID, Indicators> out = new HashMap<>();
            for (Row r : rows) {
                out.put(r.getUUID("agency_id"), toIndicators(r, year));
            }
            return out;
        });
    }

    public Uni<Indicators> forAgency(SqlClient db, UUID agency, int year) {
        return forAgencies(db, List.of(agency), year).map(m -> m.get(agency));
    }

    static Indicators toIndicators(Row r, int year) {
        Map<IndicatorCode, BigDecimal> v = new EnumMap<>(IndicatorCode.class);
        v.put(IndicatorCode.QMS_ANNOUNCED, flag(r.getBoolean("qms_announced")));
        v.put(IndicatorCode.REANNOUNCEMENT_PENDING, flag(r.getBoolean("reannouncement_pending")));
        v.put(IndicatorCode.ACTIVITY_PLAN_APPROVED, flag(r.getBoolean("plan_approved")));
        long items = r.getLong("items");
        v.put(IndicatorCode.ACTIVITY_COMPLETION_RATE, rate(r.getLong("items_done"), items));
        v.put(IndicatorCode.ACTIVITIES_OVERDUE, BigDecimal.valueOf(r.getLong("items_overdue")));
        v.put(IndicatorCode.INTERNAL_AUDITS_HELD, BigDecimal.valueOf(r.getLong("internal_audits")));
        v.put(IndicatorCode.MANAGEMENT_REVIEWS_HELD, BigDecimal.valueOf(r.getLong("management_reviews")));
        long onTime = r.getLong("reviews_on_time");
        long late = r.getLong("reviews_late");
        long overdue = r.getLong("reviews_overdue");
        v.put(IndicatorCode.PROCEDURE_REVIEWS_ON_TIME, BigDecimal.valueOf(onTime));
        v.put(IndicatorCode.PROCEDURE_REVIEWS_LATE, BigDecimal.valueOf(late));
        v.put(IndicatorCode.PROCEDURE_REVIEWS_OVERDUE, BigDecimal.valueOf(overdue));
        v.put(IndicatorCode.PROCEDURE_REVIEW_ON_TIME_RATE, rate(onTime, onTime + late + overdue));
        v.put(IndicatorCode.OPEN_MAJOR_NONCONFORMITIES, BigDecimal.valueOf(r.getLong("open_major")));
        v.put(IndicatorCode.OPEN_MINOR_NONCONFORMITIES, BigDecimal.valueOf(r.getLong("open_minor")));
        v.put(IndicatorCode.CORRECTIVE_ACTIONS_OVERDUE, BigDecimal.valueOf(r.getLong("actions_overdue")));
        v.put(IndicatorCode.DOSSIER_ON_TIME_RATE, r.getBigDecimal("dossier_rate"));
        v.put(IndicatorCode.DOCUMENTS_PUBLISHED, BigDecimal.valueOf(r.getLong("documents")));
        v.put(IndicatorCode.PROCEDURES_NOT_POSTED, BigDecimal.valueOf(r.getLong("not_posted")));
        return new Indicators(r.getUUID("agency_id"), year, v);
    }

    private static BigDecimal flag(Boolean b) {
        return Boolean.TRUE.equals(b) ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
