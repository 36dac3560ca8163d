package vn.govqms.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps what the December report to the Ministry needs from document-service: each agency's latest
 * announcement of conformity and its procedure reviews after legal changes (the 3-month rule). A review's
 * later event names the agency that holds it now (after a merger or split, the successor).
 */
@ApplicationScoped
public class DocumentFacts implements EventHandler {

    static final String ANNOUNCED = EventTypes.of("document", "qms.announced");
    static final String REVIEW_REQUIRED = EventTypes.of("document", "procedure-review.required");
    static final String REVIEW_OVERDUE = EventTypes.of("document", "procedure-review.overdue");
    static final String REVIEW_COMPLETED = EventTypes.of("document", "procedure-review.completed");

    private static final String REVIEWS_REQUIRED = """
            insert into procedure_review (task_id, agency_id, due_date, status)
            select t, a, d, 'OPEN' from unnest($1::uuid[], $2::uuid[], $3::date[]) as r(t, a, d)
            on conflict (task_id) do nothing""";

    @Override
    public Set<String> eventTypes() {
        return Set.of(ANNOUNCED, REVIEW_REQUIRED, REVIEW_OVERDUE, REVIEW_COMPLETED);
    }

    /**
     * A legal change brings tens of thousands of {@code procedure-review.required} events at once: each run of them is one
     * statement (one per event took most of this service's share of the cores during a national change); the other
     * types, rare, one by one, in order.
     */
    @Override
    public Uni<Void> applyAll(List<ReceivedEvent> events, SqlConnection tx) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<ReceivedEvent> run : EventHandler.runsOfOneType(events)) {
            chain = REVIEW_REQUIRED.equals(run.get(0).type()) ? chain.chain(() -> reviewsRequired(run, tx))
                    : chain.chain(() -> EventHandler.super.applyAll(run, tx));
        }
        return chain;
    }

    private static Uni<Void> reviewsRequired(List<ReceivedEvent> run, SqlConnection tx) {
        UUID[] tasks = new UUID[run.size()];
        UUID[] agencies = new UUID[run.size()];
        LocalDate[] dues = new LocalDate[run.size()];
        for (int i = 0; i < run.size(); i++) {
            JsonNode d = run.get(i).data();
            tasks[i] = uuid(d, "taskId");
            agencies[i] = uuid(d, "agencyId");
            dues[i] = date(d, "dueDate");
        }
        return tx.preparedQuery(REVIEWS_REQUIRED).execute(Tuple.of(tasks, agencies, dues)).replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        JsonNode d = event.data();
        if (ANNOUNCED.equals(event.type())) {
            return tx.preparedQuery("""
                            insert into agency_announcement (agency_id, announcement_id, decision_number, decision_date, standard_edition,
                                                             reannouncement, updated_at)
                            values ($1, $2, $3, $4, $5, $6, now())
                            on conflict (agency_id) do update set announcement_id = excluded.announcement_id,
                                decision_number = excluded.decision_number, decision_date = excluded.decision_date,
                                standard_edition = excluded.standard_edition, reannouncement = excluded.reannouncement, updated_at = now()
                            where agency_announcement.decision_date <= excluded.decision_date""")
                    .execute(Tuple.from(new Object[] {uuid(d, "agencyId"), uuid(d, "announcementId"), text(d, "decisionNumber"),
                            date(d, "decisionDate"), d.path("standardEdition").asText(null), d.path("reannouncement").asBoolean(false)}))
                    .replaceWithVoid();
        }
        if (REVIEW_REQUIRED.equals(event.type())) {
            return reviewsRequired(List.of(event), tx);
        }
        UUID task = uuid(d, "taskId");
        if (REVIEW_OVERDUE.equals(event.type())) {
            return tx.preparedQuery("insert into procedure_review (task_id, agency_id, due_date, status) values ($1, $2, $3, 'OVERDUE') "
                            + "on conflict (task_id) do update set status = 'OVERDUE', agency_id = excluded.agency_id where procedure_review.status = 'OPEN'")
                    .execute(Tuple.of(task, uuid(d, "agencyId"), date(d, "dueDate"))).replaceWithVoid();
        }
        OffsetDateTime resolved;
        try {
            resolved = OffsetDateTime.parse(text(d, "resolvedAt"));
        } catch (RuntimeException e) {
            throw new PoisonEventException("resolvedAt is not a timestamp", e);
        }
        return tx.preparedQuery("""
                        insert into procedure_review (task_id, agency_id, due_date, status, on_time, resolved_at)
                        values ($1, $2, $3, 'COMPLETED', $4, $5)
                        on conflict (task_id) do update set status = 'COMPLETED', on_time = excluded.on_time, resolved_at = excluded.resolved_at,
                            agency_id = excluded.agency_id""")
                .execute(Tuple.from(new Object[] {task, uuid(d, "agencyId"), date(d, "dueDate"), d.path("onTime").asBoolean(false), resolved}))
                .replaceWithVoid();
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull() || !v.isTextual()) {
            throw new PoisonEventException("event data without " + field);
        }
        return v.asText();
    }

    private static UUID uuid(JsonNode d, String field) {
        try {
            return UUID.fromString(text(d, field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID", e);
        }
    }

    private static LocalDate date(JsonNode d, String field) {
        try {
            return LocalDate.parse(text(d, field));
        } catch (RuntimeException e) {
            throw new PoisonEventException(field + " is not a date", e);
        }
    }
}
