package vn.govqms.scoring.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.scoring.live.LiveScores;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code agency.merged}: what the predecessors still owe and have done moves to the successor (open
 * reviews, findings and corrective actions, activity plans, audits and reviews held, documents,
 * dossiers, quality objectives), their live scores end, and the successor's is recomputed. Their
 * finalised assessments stay under their own ids (history); the successor's QMS announcement is its own.
 */
@ApplicationScoped
public class AgencyMergers implements EventHandler {

    static final String MERGED = EventTypes.of("document", "agency.merged");
    static final List<String> TABLES = List.of("review_track", "finding_track", "action_track", "activity_item", "activity_plan", "audit_held",
            "management_review_held", "published_document", "dossier", "quality_objective");

    private final IndicatorLog log;
    private final LiveScores scores;

    public AgencyMergers(IndicatorLog log, LiveScores scores) {
        this.log = log;
        this.scores = scores;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(MERGED);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        EventData d = new EventData(event);
        UUID successor = d.uuid("successorId");
        JsonNode ids = d.node("predecessorIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new PoisonEventException("agency.merged without predecessorIds");
        }
        List<UUID> predecessors = new ArrayList<>();
        for (JsonNode id : ids) {
            try {
                predecessors.add(UUID.fromString(id.asText()));
            } catch (IllegalArgumentException e) {
                throw new PoisonEventException("agency.merged: predecessorIds holds a non-UUID");
            }
        }
        UUID[] from = predecessors.stream().filter(p -> !p.equals(successor)).toArray(UUID[]::new);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : TABLES) {
            chain = chain.chain(() -> tx.preparedQuery("update " + table + " set agency_id = $1 where agency_id = any($2)")
                    .execute(Tuple.of(successor, from)).replaceWithVoid());
        }
        return chain
                .chain(() -> tx.preparedQuery("delete from live_score where agency_id = any($1)").execute(Tuple.of((Object) from)))
                .chain(() -> log.add(tx, successor, event, "Tiếp nhận " + from.length + " cơ quan sáp nhập (hiệu lực " + d.text("effectiveDate") + ")"))
                .chain(() -> scores.recomputeAfterEvent(tx, successor, null, MERGED));
    }
}
