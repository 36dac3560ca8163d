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
import java.util.Set;
import java.util.UUID;

/**
 * Keeps what the December report to the Ministry needs from document-service: each agency's latest
 * announcement of conformity and its procedure reviews after legal changes (the 3-month rule).
 */
@ApplicationScoped
public class DocumentFacts implements EventHandler {

    static final String ANNOUNCED = EventTypes.of("document", "qms.announced");
    static final String REVIEW_REQUIRED = EventTypes.of("document", "procedure-review.required");
    static final String REVIEW_OVERDUE = EventTypes.of("document", "procedure-review.overdue");
    static final String REVIEW_COMPLETED = EventTypes.of("document", "procedure-review.completed");

    @Override
    public Set<String> eventTypes() {
        return Set.of(ANNOUNCED, REVIEW_REQUIRED, REVIEW_OVERDUE, REVIEW_COMPLETED);
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
        UUID task = uuid(d, "taskId");
        if (REVIEW_REQUIRED.equals(event.type())) {
            return tx.preparedQuery("insert into procedure_review (task_id, agency_id, due_date, status) values ($1, $2, $3, 'OPEN') "
                            + "on conflict (task_id) do nothing")
                    .execute(Tuple.of(task, uuid(d, "agencyId"), date(d, "dueDate"))).replaceWithVoid();
        }
        if (REVIEW_OVERDUE.equals(event.type())) {
            return tx.preparedQuery("insert into procedure_review (task_id, agency_id, due_date, status) values ($1, $2, $3, 'OVERDUE') "
                            + "on conflict (task_id) do update set status = 'OVERDUE' where procedure_review.status = 'OPEN'")
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
                        on conflict (task_id) do update set status = 'COMPLETED', on_time = excluded.on_time, resolved_at = excluded.resolved_at""")
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
