package vn.govqms.notification.email;

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

/**
 * The daily digest: for each contact who chose it, the low-urgency e-mails waiting (DIGEST) go out as one e-mail. A
 * failed digest stays waiting for the next run; the attempt is recorded.
 */
@ApplicationScoped
public class DigestSender {

    static final String WAITING = """
            select n.id, n.contact_id, n.kind, n.reason, n.language, n.due_date, c.email, c.name, c.language as contact_language,
                   e.data::text as data, e.link, a.name as agency_name
            from notification n join contact c on c.id = n.contact_id join event_log e on e.event_id = n.event_id
            left join agency_directory a on a.id = n.agency_id
            where n.delivery_status = 'DIGEST' order by n.contact_id, n.id limit 5000""";

    private final Pool pool;
    private final SmtpRelay mailer;
    private final EmailRenderer renderer;
    private final ObjectMapper json;
    private final Clock clock;

    public DigestSender(Pool pool, SmtpRelay mailer, EmailRenderer renderer, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.mailer = mailer;
        this.renderer = renderer;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(cron = "${govqms.email.digest-cron}", timeZone = "Asia/Ho_Chi_Minh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return Sweeps.logged(sendDigests().invoke(n -> Log.infof("daily digest: %d e-mails", n)), "daily digest");
    }

    /** Sends one digest per contact with waiting notifications; returns how many digests were sent. */
    public Uni<Integer> sendDigests() {
        return pool.preparedQuery(WAITING).execute().chain(rows -> {
            Map<UUID, List<Row>> byContact = new LinkedHashMap<>();
            for (Row r : rows) {
                byContact.computeIfAbsent(r.getUUID("contact_id"), k -> new ArrayList<>()).add(r);
            }
            return Multi.createFrom().iterable(byContact.values()).onItem().transformToUniAndConcatenate(this::sendOne)
                    .collect().asList().map(l -> (int) l.stream().filter(Boolean::booleanValue).count());
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
        return send.onItem().transformToUni(x -> pool.preparedQuery("""
                        with n as (update notification set delivery_status = 'SENT', sent_at = $2, attempts = attempts + 1
                                   where id = any ($1) returning id)
                        insert into email_attempt (notification_id, digest_of, recipient, at, ok) select null, (select count(*) from n), $3, $2, true""")
                        .execute(Tuple.of(ids, now, to)).replaceWith(true))
                .onFailure().recoverWithUni(e -> {
                    Log.infof("digest to %s failed: %s", to, e.getMessage());
                    return pool.preparedQuery("""
                            with n as (update notification set attempts = attempts + 1, last_error = $3 where id = any ($1) returning id)
                            insert into email_attempt (notification_id, digest_of, recipient, at, ok, error)
                            select null, (select count(*) from n), $4, $2, false, $3""")
                            .execute(Tuple.of(ids, now, String.valueOf(e.getMessage()), to)).replaceWith(false);
                });
    }
}
