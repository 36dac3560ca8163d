package vn.govqms.document.qms;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * What announcing needs from audit-service: an internal audit completed ({@code audit.completed} of kind INTERNAL_AUDIT)
 * and a management review held ({@code management-review.held}), kept as steps of the agency. Applied in the kit
 * consumer's transaction; the audit or review id is unique, so an event delivered twice (or both ids) records one step.
 */
@ApplicationScoped
public class AuditFacts implements EventHandler {

    static final String AUDIT_COMPLETED = EventTypes.of("audit", "audit.completed");
    static final String REVIEW_HELD = EventTypes.of("audit", "management-review.held");

    private static final String INSERT = """
            insert into qms_step (id, agency_id, step, held_on, reference, source, source_id, created_at)
            select $1, $2, $3, $4, $5, 'EVENT', $6, $7 where exists (select 1 from agency where id = $2)
            on conflict (source_id) do nothing""";

    @Inject Clock clock;

    @Override
    public Set<String> eventTypes() {
        return Set.of(AUDIT_COMPLETED, REVIEW_HELD);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        JsonNode d = event.data();
        AnnouncementStep step;
        String sourceId;
        LocalDate held;
        String reference;
        if (event.type().equals(AUDIT_COMPLETED)) {
            if (!"INTERNAL_AUDIT".equals(d.path("kind").asText())) {
                return Uni.createFrom().voidItem();  // cross-checks and inspections are not the agency's own audit
            }
            sourceId = "audit:" + text(d, "auditId");
            held = date(d, "completedOn");
            reference = "Đánh giá nội bộ năm " + d.path("year").asText("") + (d.hasNonNull("conclusion") ? ": " + d.get("conclusion").asText() : "");
            step = AnnouncementStep.INTERNAL_AUDIT;
        } else {
            sourceId = "management-review:" + text(d, "reviewId");
            held = date(d, "heldOn");
            reference = "Xem xét của lãnh đạo năm " + d.path("year").asText("") + (d.hasNonNull("chair") ? ", chủ trì: " + d.get("chair").asText() : "");
            step = AnnouncementStep.MANAGEMENT_REVIEW;
        }
        UUID agency = uuid(d, "agencyId");
        return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {UUID.randomUUID(), agency, step.name(), held, reference, sourceId,
                OffsetDateTime.now(clock)})).replaceWithVoid();
    }

    private static String text(JsonNode d, String field) {
        JsonNode n = d.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw new PoisonEventException("the event has no " + field);
        }
        return n.asText();
    }

    private static UUID uuid(JsonNode d, String field) {
        try {
            return UUID.fromString(text(d, field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID");
        }
    }

    private static LocalDate date(JsonNode d, String field) {
        try {
            return LocalDate.parse(text(d, field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date");
        }
    }
}
