package vn.govqms.scoring.dossier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.scoring.dossier.DossierDtos.Kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Dossier KPIs per agency (and TTHC) over a period, one aggregate statement: received in the period,
 * resolved in the period (early = on a day before the due day, on time = by the due time that day,
 * late = after it), on-time rate, average processing days, apology slips. Days are counted in
 * Vietnam's time zone.
 */
@ApplicationScoped
public class DossierKpis {

    private static final String KPIS = """
            with d as (
                select d.*, (d.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date as resolved_day,
                       (d.due_at at time zone 'Asia/Ho_Chi_Minh')::date as due_day,
                       d.received_at >= $3 and d.received_at < $4 as received_in,
                       d.resolved_at >= $3 and d.resolved_at < $4 as resolved_in
                from dossier d
                where (d.agency_id = any($1) or ($1 is null and d.agency_id in (select id from agency_directory where province_code = $2)))
                  and ((d.received_at >= $3 and d.received_at < $4) or (d.resolved_at >= $3 and d.resolved_at < $4))
                  and ($5::text is null or d.tthc_code = $5)
            ), k as (
                select d.agency_id, %s as tthc_code,
                       count(*) filter (where received_in) as received,
                       count(*) filter (where resolved_in) as resolved,
                       count(*) filter (where resolved_in and resolved_day < due_day) as early,
                       count(*) filter (where resolved_in and resolved_at <= due_at and resolved_day >= due_day) as on_time,
                       count(*) filter (where resolved_in and resolved_at > due_at) as late,
                       round(100.0 * count(*) filter (where resolved_in and resolved_at <= due_at)
                             / nullif(count(*) filter (where resolved_in), 0), 2) as rate,
                       round((avg(extract(epoch from resolved_at - received_at)) filter (where resolved_in) / 86400)::numeric, 2) as days,
                       coalesce(sum(apology_count) filter (where received_in or resolved_in), 0) as apologies
                from d group by d.agency_id%s
            )
            select k.*, a.code, a.name, count(*) over () as total from k left join agency_directory a on a.id = k.agency_id
            order by a.name, k.agency_id, k.tthc_code limit $6 offset $7""";

    private final Pool pool;

    public DossierKpis(Pool pool) {
        this.pool = pool;
    }

    /** {@code agencies} null: every agency of {@code province}. */
    public Uni<DossierDtos.KpiPage> kpis(UUID[] agencies, String province, LocalDate from, LocalDate to, String tthc, boolean byTthc,
                                        PageRequest page) {
        String sql = KPIS.formatted(byTthc ? "d.tthc_code" : "null::text", byTthc ? ", d.tthc_code" : "");
        var start = from.atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime();
        return pool.preparedQuery(sql).execute(Tuple.from(new Object[] {agencies, province, start, end, tthc, page.size(), page.offset()}))
                .map(rows -> {
                    List<Kpi> items = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        items.add(new Kpi(r.getUUID("agency_id"), r.getString("code"), r.getString("name"), r.getString("tthc_code"),
                                r.getLong("received"), r.getLong("resolved"), r.getLong("early"), r.getLong("on_time"), r.getLong("late"),
                                r.getBigDecimal("rate"), r.getBigDecimal("days"), r.getLong("apologies")));
                    }
                    return new DossierDtos.KpiPage(from.toString(), to.toString(), items, page.page(), page.size(), total);
                });
    }
}
