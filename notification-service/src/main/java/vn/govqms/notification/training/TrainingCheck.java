package vn.govqms.notification.training;

import jakarta.inject.Inject;
import vn.govqms.kit.schedule.Sweeps;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.notification.event.EventKind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The seeds' main weakness, untrained and often rotated ISO officers, told to those who can act: an agency's ISO officer
 * with no training recorded once {@code govqms.training.iso-officer-period} has passed since the day the role started is
 * flagged to the agency's head and the province's steering committee (of the province that continues it, once merged).
 * Set-based and idempotent: one flag, one event and one notification per recipient and channel per case (the officer and
 * the day the role started: {@code iso-officer-training:<contact>:<since>}), however often it runs; a flag is cleared when
 * a training is recorded (at once, see {@link TrainingService}) or when the case ends (the role taken away or its start
 * re-dated, which is a case of its own).
 */
@ApplicationScoped
public class TrainingCheck {

    /** $1 now: flags whose case ended, or whose officer was trained meanwhile, are cleared. */
    static final String CLEAR_ENDED = """
            update iso_officer_training_flag f
            set cleared_at = $1,
                cleared_reason = case when exists (select 1 from contact_training t where t.contact_id = f.contact_id) then 'TRAINING' else 'ROLE_ENDED' end
            where f.cleared_at is null
              and (exists (select 1 from contact_training t where t.contact_id = f.contact_id)
                   or not exists (select 1 from contact c where c.id = f.contact_id and c.iso_officer_since = f.officer_since))""";

    /**
     * $1 today, $2 now, $3/$4/$5 the period's years, months and days, $6 the event type, $7/$8 the period in Vietnamese and
     * English. Agencies that ended are left alone; mutes apply (this is not an escalation).
     */
    static final String FLAGS = """
            with cases as (
              select c.id as contact_id, c.agency_id, c.name, c.iso_officer_since as since,
                     (c.iso_officer_since + make_interval($3, $4, 0, $5))::date as due,
                     coalesce(p.successor_code, a.province_code) as province_code
              from contact c join agency_directory a on a.id = c.agency_id
              -- a province merged into another: the steering committee of the province that continues it
              left join province_succession p on p.code = a.province_code and p.effective_date <= $1::date
              where c.iso_officer_since is not null
                and (c.iso_officer_since + make_interval($3, $4, 0, $5))::date < $1::date
                and (a.valid_to is null or a.valid_to >= $1::date)
                and not exists (select 1 from contact_training t where t.contact_id = c.id)
            ), flagged as (
              insert into iso_officer_training_flag (contact_id, officer_since, event_id, due_date, flagged_at)
              select contact_id, since, 'iso-officer-training:' || contact_id || ':' || since, due, $2 from cases
              on conflict do nothing
              returning contact_id, event_id
            ), ev as (
              insert into event_log (event_id, type, kind, agency_id, province_code, received_at, data, due_date, link)
              select f.event_id, $6, 'iso-officer.training-required', cs.agency_id, cs.province_code, $2,
                     jsonb_build_object('contactId', cs.contact_id, 'agencyId', cs.agency_id, 'officerName', cs.name,
                                        'officerSince', cs.since, 'trainingDueDate', cs.due, 'periodText', $7::text, 'periodTextEn', $8::text,
                                        'link', '/api/v1/contacts/' || cs.contact_id || '/trainings'),
                     null, '/api/v1/contacts/' || cs.contact_id || '/trainings'
              from flagged f join cases cs on cs.contact_id = f.contact_id
              on conflict (event_id) do nothing
              returning event_id, agency_id, province_code
            ), targets as (
              select distinct on (ev.event_id, c.id, ch.channel) ev.event_id, ev.agency_id, ev.province_code, c.id as contact_id,
                     c.subject, c.language, ch.channel, case when c.agency_id is null then 'STEERING_COMMITTEE' else 'ROLE:HEAD' end as reason
              from ev join contact c on c.agency_id = ev.agency_id and 'HEAD' = any (c.roles)
                                     or c.agency_id is null and c.province_code = ev.province_code
              cross join unnest(array['INBOX', 'EMAIL']) as ch(channel)
              where (ch.channel <> 'EMAIL' or c.email is not null)
                and not exists (select 1 from channel_mute m where m.subject = c.subject and m.channel = ch.channel)
              order by ev.event_id, c.id, ch.channel
            )
            insert into notification (event_id, contact_id, subject, agency_id, province_code, channel, kind, reason, urgency, language,
                                      due_date, created_at, delivery_status, next_attempt_at)
            select event_id, contact_id, subject, agency_id, province_code, channel, 'iso-officer.training-required', reason, 'NORMAL',
                   language, null, $2, case when channel = 'EMAIL' then 'PENDING' end, case when channel = 'EMAIL' then $2 end
            from targets
            on conflict do nothing""";

    @Inject Pool pool;
    @Inject TrainingConfig config;
    @Inject Clock clock;

    @Scheduled(every = "${govqms.training.check-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Sweeps.logged(run(), "ISO officer training check");
    }

    /** One check: clears the flags whose case ended, then flags the new cases; returns the notifications made. */
    public Uni<Integer> run() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Period p = config.isoOfficerPeriod();
        return pool.withTransaction(tx -> tx.preparedQuery(CLEAR_ENDED).execute(Tuple.of(now))
                        .chain(() -> tx.preparedQuery(FLAGS).execute(Tuple.from(new Object[] {today, now, p.getYears(), p.getMonths(), p.getDays(),
                                EventKind.TRAINING_REQUIRED.type(), text(p, false), text(p, true)}))))
                .map(rows -> rows.rowCount())
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("ISO officer training: %d notifications of untrained officers", n);
                    }
                });
    }

    /** The period as people say it: "3 tháng", "1 năm 6 tháng"; "3 months". */
    static String text(Period p, boolean en) {
        List<String> parts = new ArrayList<>();
        add(parts, p.getYears(), en ? " year(s)" : " năm");
        add(parts, p.getMonths(), en ? " month(s)" : " tháng");
        add(parts, p.getDays(), en ? " day(s)" : " ngày");
        return parts.isEmpty() ? (en ? "0 days" : "0 ngày") : String.join(" ", parts);
    }

    private static void add(List<String> parts, int n, String unit) {
        if (n != 0) {
            parts.add(n + unit);
        }
    }
}
