package vn.govqms.audit.report;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.audit.AuditConfig;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.schedule.Sweeps;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.province.ProvinceSuccessions;
import vn.govqms.kit.security.AgencyRef;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The yearly reports' deadlines (the November summary, 30 November; the December report, 15 December; configurable):
 * a province expected to report (agencies in the directory on the deadline, not merged into another by then) that has
 * not submitted is reminded {@code report-reminder-days} before (7 and 1 by default; the nearest day reached only:
 * {@code report-deadline.approaching}) and told once after the deadline that it missed it ({@code report-deadline.missed}).
 * Province-wide events, keyed by the province code and naming no agency: notification-service tells the province's
 * steering committee. One statement per report records the steps (its primary key makes a step happen once, with
 * several instances too); their events go to the kit's outbox in the same transaction.
 */
@ApplicationScoped
public class ReportDeadlines {

    public static final String APPROACHING = EventTypes.of("audit", "report-deadline.approaching");
    public static final String MISSED = EventTypes.of("audit", "report-deadline.missed");

    public record ApproachingData(String provinceCode, String report, String reportLabel, int year, LocalDate deadline, int daysLeft) {
    }

    public record MissedData(String provinceCode, String report, String reportLabel, int year, LocalDate deadline, int daysOverdue) {
    }

    /**
     * Provinces expected to report {@code $1} of {@code $2} (deadline {@code $3}) and whether they have submitted it (a
     * province that submitted late is not told afterwards that it missed the deadline: the national level's list of
     * missing reports shows it).
     */
    private static final String EXPECTED = """
            select e.province_code,
                   exists (select 1 from report_submission s where s.province_code = e.province_code and s.year = $2
                           and s.report_kind = $1) as submitted
            from (select distinct a.province_code from agency_directory a
                  where a.province_code <> $4 and (a.valid_from is null or a.valid_from <= $3)
                    and (a.valid_to is null or a.valid_to >= $3)) e""";

    private static final String RECORD = """
            insert into report_reminder (report_kind, province_code, year, step, announced_at)
            select $1, p, $2, $3, $4 from unnest($5::text[]) p
            where not exists (select 1 from report_reminder r where r.report_kind = $1 and r.province_code = p and r.year = $2
                              and (r.step = 'MISSED' or nullif(substring(r.step from 8), '')::int <= $6::int))
            on conflict do nothing
            returning province_code""";

    @Inject Pool pool;
    @Inject Outbox outbox;
    @Inject Clock clock;
    @Inject AuditConfig config;
    @Inject ProvinceRegister provinces;

    @Scheduled(every = "${govqms.audit.overdue-check-every}", delay = 6, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return Sweeps.logged(run(OffsetDateTime.now(clock)), "report deadline check");
    }

    /** Both reports of {@code now}'s year as of {@code now}: the events published. */
    public Uni<Integer> run(OffsetDateTime now) {
        Uni<Integer> all = Uni.createFrom().item(0);
        for (ReportKind kind : ReportKind.values()) {
            all = all.chain(n -> run(kind, now).map(m -> n + m));
        }
        return all;
    }

    /**
     * The step a province that has not submitted has reached on {@code today}: {@code BEFORE_<d>} for the smallest reminder
     * day {@code d} whose day has come, {@code MISSED} after the deadline, none before the first reminder.
     */
    public static Optional<String> step(LocalDate today, LocalDate deadline, List<Integer> reminderDays) {
        if (today.isAfter(deadline)) {
            return Optional.of("MISSED");
        }
        long left = ChronoUnit.DAYS.between(today, deadline);
        return reminderDays.stream().filter(d -> d >= 0 && d >= left).min(Integer::compare).map(d -> "BEFORE_" + d);
    }

    private Uni<Integer> run(ReportKind kind, OffsetDateTime now) {
        LocalDate today = now.toLocalDate();
        int year = today.getYear();
        LocalDate deadline = kind.deadline(config, year);
        Optional<String> reached = step(today, deadline, config.reportReminderDays());
        if (reached.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String step = reached.get();
        ProvinceSuccessions successions = provinces.successions();
        return pool.withTransaction(tx -> tx.preparedQuery(EXPECTED)
                .execute(Tuple.from(new Object[] {kind.name(), year, deadline, AgencyRef.CENTRAL}))
                .chain(rows -> {
                    List<String> owing = new ArrayList<>();
                    for (Row r : rows) {
                        String code = r.getString("province_code");
                        if (!r.getBoolean("submitted") && !successions.hasEnded(code, deadline)) {
                            owing.add(code);
                        }
                    }
                    if (owing.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Integer daysBefore = step.equals("MISSED") ? null : Integer.valueOf(step.substring("BEFORE_".length()));
                    return tx.preparedQuery(RECORD).execute(Tuple.from(new Object[] {kind.name(), year, step, now,
                            owing.toArray(new String[0]), daysBefore})).chain(recorded -> {
                        List<OutgoingEvent> events = new ArrayList<>();
                        int days = (int) Math.abs(ChronoUnit.DAYS.between(today, deadline));
                        for (Row r : recorded) {
                            String code = r.getString("province_code");
                            Object data = step.equals("MISSED")
                                    ? new MissedData(code, kind.name(), kind.label(), year, deadline, days)
                                    : new ApproachingData(code, kind.name(), kind.label(), year, deadline, days);
                            events.add(OutgoingEvent.of("audit.events", code, step.equals("MISSED") ? MISSED : APPROACHING,
                                    "reports/" + kind.path() + "/" + code + "/" + year, now, data));
                        }
                        return outbox.publishAll(tx, events).replaceWith(events.size());
                    });
                }))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d provinces told of the %s deadline of %d (%s)", n, kind.path(), year, step);
                    }
                });
    }
}
