package vn.govqms.notification.email;

import jakarta.inject.Inject;
import vn.govqms.kit.schedule.Sweeps;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.notification.email.EmailRenderer.DigestItem;
import vn.govqms.notification.inbox.NotificationTexts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The daily digest: for each contact who chose it, the low-urgency e-mails waiting (DIGEST) go out as one e-mail. Every
 * instance runs it at the cron time, so a contact's digest is claimed whole, as the e-mail sender claims its batches
 * (its lease): one instance sends it, the others skip that contact. A digest that failed, or whose instance died mid-send,
 * keeps its e-mails waiting, and a later run sends them once the lease has passed; each attempt is recorded.
 */
@ApplicationScoped
public class DigestSender {

    static final String CLAIM = """
            with contacts as (
              -- the contact's row is the claim's lock: a contact another instance is sending to is skipped, not split in two
              select id from contact
              where id = any (array(select distinct contact_id from notification where delivery_status = 'DIGEST' and next_attempt_at <= $1))
              order by id limit $2 for no key update skip locked
            ), claimed as (
              -- rows another instance leased after this statement's snapshot are re-checked against the lease and left out
              update notification n set next_attempt_at = $1 + %s
              from contacts where n.contact_id = contacts.id and n.delivery_status = 'DIGEST' and n.next_attempt_at <= $1
              returning n.id, n.contact_id, n.event_id, n.agency_id, n.kind, n.reason, n.due_date)
            select claimed.id, claimed.contact_id, claimed.kind, claimed.reason, claimed.due_date, c.email, c.name,
                   c.language as contact_language, e.data::text as data, e.link, a.name as agency_name
            from claimed join contact c on c.id = claimed.contact_id join event_log e on e.event_id = claimed.event_id
            left join agency_directory a on a.id = claimed.agency_id
            order by claimed.contact_id, claimed.id""".formatted(EmailSender.LEASE);

    static final String SENT = """
            with n as (update notification set delivery_status = 'SENT', sent_at = $2, attempts = attempts + 1, last_error = null
                       where id = any ($1) returning id)
            insert into email_attempt (notification_id, digest_of, recipient, at, ok) select null, (select count(*) from n), $3, $2, true""";

    /** The lease stays: the e-mails wait for a later run, not for the next round of this one. */
    static final String FAILED = """
            with n as (update notification set attempts = attempts + 1, last_error = $3 where id = any ($1) returning id)
            insert into email_attempt (notification_id, digest_of, recipient, at, ok, error)
            select null, (select count(*) from n), $4, $2, false, $3""";

    @Inject Pool pool;
    @Inject SmtpRelay mailer;
    @Inject EmailRenderer renderer;
    @Inject EmailConfig config;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    @Scheduled(cron = "${govqms.email.digest-cron}", timeZone = "Asia/Ho_Chi_Minh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return Sweeps.logged(sendDigests().invoke(n -> Log.infof("daily digest: %d e-mails", n)), "daily digest");
    }

    /**
     * Sends one digest per contact with waiting notifications, {@code batch-size} contacts per claim, claiming again while
     * claims come back full and something went out; returns how many digests were sent.
     */
    public Uni<Integer> sendDigests() {
        return Multi.createBy().repeating().uni(this::round).whilst(r -> r.claimed() == config.batchSize() && r.sent() > 0)
                .collect().with(Collectors.summingInt(EmailSender.Round::sent));
    }

    private Uni<EmailSender.Round> round() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(OffsetDateTime.now(clock), config.batchSize())).chain(rows -> {
            Map<UUID, List<Row>> byContact = new LinkedHashMap<>();
            for (Row r : rows) {
                byContact.computeIfAbsent(r.getUUID("contact_id"), k -> new ArrayList<>()).add(r);
            }
            return Multi.createFrom().iterable(byContact.values()).onItem().transformToUniAndConcatenate(this::sendOne)
                    .collect().asList().map(sent -> new EmailSender.Round(byContact.size(),
                            (int) sent.stream().filter(Boolean::booleanValue).count()));
        });
    }

    private Uni<Boolean> sendOne(List<Row> rows) {
        Row first = rows.get(0);
        String to = first.getString("email");
        String language = first.getString("contact_language");
        List<DigestItem> items = new ArrayList<>();
        Long[] ids = new Long[rows.size()];
        Uni<Void> send;
        try {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                ids[i] = r.getLong("id");
                items.add(new DigestItem(NotificationTexts.render(r.getString("kind"), language, r.getString("reason"),
                        json.readTree(r.getString("data")), r.getString("agency_name"), r.getLocalDate("due_date")), r.getString("link")));
            }
            send = mailer.send(renderer.digest(to, first.getString("name"), language, items));
        } catch (Exception e) {
            send = Uni.createFrom().failure(e);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return send.onItem().transformToUni(x -> pool.preparedQuery(SENT).execute(Tuple.of(ids, now, to)).replaceWith(true))
                .onFailure().recoverWithUni(e -> {
                    Log.infof("digest to %s failed: %s", to, e.getMessage());
                    return pool.preparedQuery(FAILED).execute(Tuple.of(ids, now, String.valueOf(e.getMessage()), to)).replaceWith(false);
                });
    }
}
