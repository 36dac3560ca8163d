package vn.govqms.scoring.dossier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.time.ClockProducer;
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
                       d.received_at >= $1 and d.received_at < $2 as received_in,
                       d.resolved_at >= $1 and d.resolved_at < $2 as resolved_in
                from dossier d
                where %s
                  and ((d.received_at >= $1 and d.received_at < $2) or (d.resolved_at >= $1 and d.resolved_at < $2))
                  and ($3::text is null or d.tthc_code = $3)
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
            order by a.name, k.agency_id, k.tthc_code limit $4 offset $5""";

    @Inject Pool pool;

    /** The KPIs of {@code agency}, or (null) of every agency {@code listed} admits (the caller's {@code Scope.rows()}). */
    public Uni<DossierDtos.KpiPage> kpis(UUID agency, AgencyFilter listed, LocalDate from, LocalDate to, String tthc, boolean byTthc,
                                        PageRequest page) {
        var start = from.atStartOfDay(ClockProducer.VIETNAM).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(ClockProducer.VIETNAM).toOffsetDateTime();
        List<Object> args = AgencyFilter.arguments(start, end, tthc, page.size(), page.offset());
        String which;
        if (agency != null) {
            args.add(agency);
            which = "d.agency_id = $" + args.size();
        } else {
            which = listed.all() ? "true" : "d.agency_id in (select a.id from agency_directory a where " + listed.sqlAppending("a", args) + ")";
        }
        String sql = KPIS.formatted(which, byTthc ? "d.tthc_code" : "null::text", byTthc ? ", d.tthc_code" : "");
        return pool.preparedQuery(sql).execute(Tuple.from(args))
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
