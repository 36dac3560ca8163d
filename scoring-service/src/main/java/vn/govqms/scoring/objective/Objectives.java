package vn.govqms.scoring.objective;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.scoring.criteria.Comparison;
import vn.govqms.scoring.indicator.IndicatorCode;
import vn.govqms.scoring.indicator.Indicators;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.scoring.support.Topics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Re-evaluates quality objectives when their KPIs move (called with the indicators just counted), set-based on the
 * caller's reactive connection; publishes {@code objective.at-risk} / {@code objective.missed} when an objective enters
 * that status. The objective's own commands go through the {@link QualityObjective} entity.
 */
@ApplicationScoped
public class Objectives {

    @Inject Outbox outbox;
    @Inject Clock clock;

    /** An agency and a year whose objectives are to be evaluated again. */
    public record AgencyYear(UUID agencyId, int year) {
    }

    /** The agencies and years, before {@code currentYear}, that still have an objective not missed. */
    public Uni<List<AgencyYear>> endedYearsNotMissed(SqlClient db, int currentYear) {
        return db.preparedQuery("select distinct agency_id, year from quality_objective where year < $1 and status <> 'MISSED'")
                .execute(Tuple.of(currentYear)).map(rows -> {
                    List<AgencyYear> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new AgencyYear(r.getUUID(0), r.getInteger(1))));
                    return out;
                });
    }

    public Uni<Void> recompute(SqlConnection tx, Map<UUID, Indicators> indicators, int year) {
        if (indicators.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("select id, agency_id, title, kpi, comparison, target, status, actual from quality_objective "
                        + "where agency_id = any($1) and year = $2")
                .execute(Tuple.of(indicators.keySet().toArray(new UUID[0]), year))
                .chain(rows -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    boolean yearOver = LocalDate.now(clock).getYear() > year;
                    List<UUID> ids = new ArrayList<>();
                    List<String> statuses = new ArrayList<>();
                    List<BigDecimal> actuals = new ArrayList<>();
                    List<OutgoingEvent> events = new ArrayList<>();
                    for (Row r : rows) {
                        UUID agency = r.getUUID("agency_id");
                        IndicatorCode kpi = IndicatorCode.valueOf(r.getString("kpi"));
                        Comparison comparison = Comparison.valueOf(r.getString("comparison"));
                        BigDecimal target = r.getBigDecimal("target");
                        BigDecimal actual = indicators.get(agency).get(kpi);
                        ObjectiveStatus old = ObjectiveStatus.valueOf(r.getString("status"));
                        ObjectiveStatus status = ObjectiveStatus.of(actual, comparison, target, yearOver);
                        BigDecimal oldActual = r.getBigDecimal("actual");
                        if (status == old && sameNumber(actual, oldActual)) {
                            continue;
                        }
                        ids.add(r.getUUID("id"));
                        statuses.add(status.name());
                        actuals.add(actual);
                        if (status != old && status != ObjectiveStatus.ON_TRACK) {
                            events.add(event(r.getUUID("id"), agency, year, r.getString("title"), kpi, comparison, target, actual, status, now));
                        }
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return tx.preparedQuery("""
                                    update quality_objective o set actual = x.a,
                                        status_changed_at = case when o.status <> x.s then $4 else o.status_changed_at end,
                                        status = x.s, updated_at = $4, lock_version = o.lock_version + 1
                                    from unnest($1::uuid[], $2::text[], $3::numeric[]) as x(i, s, a) where o.id = x.i""")
                            .execute(Tuple.of(ids.toArray(new UUID[0]), statuses.toArray(new String[0]), actuals.toArray(new BigDecimal[0]), now))
                            .chain(() -> outbox.publishAll(tx, events));
                });
    }

    static OutgoingEvent event(UUID id, UUID agency, int year, String title, IndicatorCode kpi, Comparison comparison, BigDecimal target,
                               BigDecimal actual, ObjectiveStatus status, OffsetDateTime now) {
        return OutgoingEvent.of(Topics.SCORING, agency.toString(), status == ObjectiveStatus.MISSED ? ObjectiveEvents.MISSED : ObjectiveEvents.AT_RISK,
                "quality-objectives/" + id, now,
                new ObjectiveEvents.ObjectiveData(id, agency, year, title, kpi.name(), comparison.name(), target, actual));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
