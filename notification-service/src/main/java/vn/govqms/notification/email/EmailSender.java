package vn.govqms.notification.email;

import jakarta.inject.Inject;
import vn.govqms.kit.schedule.Sweeps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.notification.inbox.NotificationText;
import vn.govqms.notification.inbox.NotificationTexts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

/**
 * Sends the pending e-mails (EMAIL notifications) over SMTP: claims a batch (a lease, so several instances never send one
 * twice at once), sends each, records every attempt; a failure is retried with a doubling back-off until the last
 * attempt, after which the e-mail is FAILED.
 */
@ApplicationScoped
public class EmailSender {

    /**
     * How long a claim holds its e-mails (and a digest its contact's): another instance skips them meanwhile, and once it
     * has passed, the e-mails of an instance that died mid-send are taken by the next round.
     */
    static final String LEASE = "interval '5 minutes'";

    static final String CLAIM = """
            with claimed as (
              update notification set next_attempt_at = $1 + %s
              -- = any (array(...)): the claim runs once; an IN subquery may be planned as a semi join that re-runs it per row
              -- urgent first (HIGH, NORMAL, LOW), then the longest waiting: the order of the notification_email_due index
              where id = any (array(select id from notification where delivery_status = 'PENDING' and next_attempt_at <= $1
                                    order by (case urgency when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end), next_attempt_at, id
                                    limit $2 for update skip locked))
              returning id, event_id, contact_id, kind, reason, language, due_date, agency_id, attempts)
            select claimed.*, c.email, c.name, e.type, e.data::text as data, e.link, a.name as agency_name
            from claimed join contact c on c.id = claimed.contact_id join event_log e on e.event_id = claimed.event_id
            left join agency_directory a on a.id = claimed.agency_id""".formatted(LEASE);

    static final String SENT = """
            with n as (update notification set delivery_status = 'SENT', sent_at = $2, attempts = attempts + 1, last_error = null
                       where id = $1 returning id)
            insert into email_attempt (notification_id, recipient, at, ok) select id, $3, $2, true from n""";

    static final String FAILED = """
            with n as (update notification set attempts = attempts + 1, last_error = $3,
                              delivery_status = case when attempts + 1 >= $5 then 'FAILED' else 'PENDING' end,
                              next_attempt_at = $2 + $6 * power(2, attempts) * interval '1 millisecond'
                       where id = $1 returning id)
            insert into email_attempt (notification_id, recipient, at, ok, error) select id, $4, $2, false, $3 from n""";

    @Inject Pool pool;
    @Inject SmtpRelay mailer;
    @Inject EmailRenderer renderer;
    @Inject EmailConfig config;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    /** The schedule's identity (tests pause it to drive the sender themselves). */
    public static final String SCHEDULE = "email-sender";

    @Scheduled(identity = SCHEDULE, every = "${govqms.email.send-every}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Sweeps.logged(sendPending(), "e-mail round");
    }

    /**
     * Sends what is due, batch after batch while batches come back full: a legal change across the country queues tens
     * of thousands of e-mails at once, and one batch per tick would take an hour to send them. A batch of which nothing
     * went out (the SMTP server is down) ends the round: the rest waits for the next tick. Returns how many were sent.
     */
    public Uni<Integer> sendPending() {
        return Multi.createBy().repeating().uni(this::round).whilst(r -> r.claimed() == config.batchSize() && r.sent() > 0)
                .collect().with(Collectors.summingInt(Round::sent));
    }

    /** What one batch claimed and how many of those went out. */
    record Round(int claimed, int sent) {
    }

    private Uni<Round> round() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.preparedQuery(CLAIM).execute(Tuple.of(now, config.batchSize())).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(new Round(0, 0));
            }
            return Multi.createFrom().iterable(claimed).onItem().transformToUni(this::sendOne).merge(4)
                    .collect().asList().map(results -> new Round(claimed.size(), (int) results.stream().filter(Boolean::booleanValue).count()));
        });
    }

    private Uni<Boolean> sendOne(Row r) {
        long id = r.getLong("id");
        String to = r.getString("email");
        Uni<Void> send;
        try {
            JsonNode data = json.readTree(r.getString("data"));
            NotificationText text = NotificationTexts.render(r.getString("kind"), r.getString("language"), r.getString("reason"), data,
                    r.getString("agency_name"), r.getLocalDate("due_date"));
            String service = r.getString("type").startsWith("vn.govqms.notification.") ? null
                    : r.getString("type").split("\\.")[2] + "-service";
            send = mailer.send(renderer.notification(to, r.getString("name"), r.getString("language"), id, text, r.getString("link"), service));
        } catch (Exception e) {
            send = Uni.createFrom().failure(e);
        }
        return send.onItem().transformToUni(x -> pool.preparedQuery(SENT).execute(Tuple.of(id, OffsetDateTime.now(clock), to)).replaceWith(true))
                .onFailure().recoverWithUni(e -> {
                    Log.infof("e-mail %d to %s failed (attempt %d): %s", id, to, r.getInteger("attempts") + 1, e.getMessage());
                    return pool.preparedQuery(FAILED).execute(Tuple.from(new Object[] {id, OffsetDateTime.now(clock),
                            String.valueOf(e.getMessage()), to, config.maxAttempts(), config.initialBackoff().toMillis()})).replaceWith(false);
                });
    }
}
