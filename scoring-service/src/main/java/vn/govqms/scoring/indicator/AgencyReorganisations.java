package vn.govqms.scoring.indicator;

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
import vn.govqms.scoring.live.ScoreRecomputation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mergers and splits from document-service. What an ended agency still owes and has done (open reviews,
 * findings and corrective actions, activity plans, audits and reviews held, documents, dossiers, quality
 * objectives) moves to the agency that continues it: the successor of a merger, the primary successor of a
 * split (document-service gives it "the rest and the agency's own history"; the event names only how many
 * documents the other successors took, so their review tasks follow them when the next event of each task
 * names its new agency, see {@link DocumentIndicators}). The ended agency's live scores end and it gets no
 * new one ({@code agency_succession}); every successor's live score is recomputed, so all of them are in
 * the live ranking. Finalised assessments stay under the ended agency's id (history).
 */
@ApplicationScoped
public class AgencyReorganisations implements EventHandler {

    static final String MERGED = EventTypes.of("document", "agency.merged");
    static final String SPLIT = EventTypes.of("document", "agency.split");
    static final List<String> TABLES = List.of("review_track", "finding_track", "action_track", "activity_item", "activity_plan", "audit_held",
            "management_review_held", "published_document", "procedure_posting", "dossier", "quality_objective");

    @Inject IndicatorLog log;
    @Inject ScoreRecomputation scores;

    @Override
    public Set<String> eventTypes() {
        return Set.of(MERGED, SPLIT);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        return event.type().equals(MERGED) ? merged(event, tx) : split(event, tx);
    }

    private Uni<Void> merged(ReceivedEvent event, SqlConnection tx) {
        EventData d = new EventData(event);
        UUID successor = d.uuid("successorId");
        JsonNode ids = d.node("predecessorIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new PoisonEventException("agency.merged without predecessorIds");
        }
        List<UUID> predecessors = new ArrayList<>();
        for (JsonNode id : ids) {
            UUID p = uuid(id.asText(), "agency.merged: predecessorIds holds a non-UUID");
            if (!p.equals(successor)) {
                predecessors.add(p);
            }
        }
        UUID[] from = predecessors.toArray(UUID[]::new);
        return end(tx, from, successor, d.date("effectiveDate"), "MERGER")
                .chain(() -> log.add(tx, successor, event, "Tiếp nhận " + from.length + " cơ quan sáp nhập (hiệu lực " + d.text("effectiveDate") + ")"))
                .chain(() -> scores.recomputeAfterEvent(tx, successor, null, MERGED));
    }

    private Uni<Void> split(ReceivedEvent event, SqlConnection tx) {
        EventData d = new EventData(event);
        UUID source = d.uuid("predecessorId");
        JsonNode parts = d.node("successors");
        if (parts == null || !parts.isArray() || parts.isEmpty()) {
            throw new PoisonEventException("agency.split without successors");
        }
        List<UUID> successors = new ArrayList<>();
        List<Long> documents = new ArrayList<>();
        int primary = -1;
        for (JsonNode part : parts) {
            JsonNode id = part.get("successorId");
            UUID successor = uuid(id == null ? null : id.asText(), "agency.split: a successor without a successorId UUID");
            if (successor.equals(source) || successors.contains(successor)) {
                throw new PoisonEventException("agency.split: successor " + successor + " is the source or given twice");
            }
            if (part.path("primary").asBoolean(false) && primary < 0) {
                primary = successors.size();
            }
            successors.add(successor);
            documents.add(part.path("movedDocuments").asLong(0));
        }
        // as document-service decides: the successor marked primary, else the first
        UUID main = successors.get(Math.max(primary, 0));
        String effective = d.text("effectiveDate");
        Uni<Void> chain = end(tx, new UUID[] {source}, main, d.date("effectiveDate"), "SPLIT")
                .chain(() -> tx.preparedQuery("insert into agency_succession (predecessor_id, successor_id, effective_date, kind, primary_successor) "
                                + "select $1, s, $3, 'SPLIT', false from unnest($2::uuid[]) s on conflict do nothing")
                        .execute(Tuple.of(source, successors.toArray(UUID[]::new), d.date("effectiveDate"))).replaceWithVoid());
        for (int i = 0; i < successors.size(); i++) {
            UUID successor = successors.get(i);
            String summary = successor.equals(main) ? "Tiếp nhận phần còn lại và lịch sử của cơ quan chia tách (hiệu lực " + effective + ")"
                    : "Tiếp nhận " + documents.get(i) + " tài liệu của cơ quan chia tách (hiệu lực " + effective + ")";
            chain = chain.chain(() -> log.add(tx, successor, event, summary));
        }
        return chain.chain(() -> scores.recompute(tx, successors, scores.currentYear(), SPLIT));
    }

    /**
     * Moves what the ended agencies owe and have done to {@code successor}, ends their live scores and
     * records who continues them.
     */
    private Uni<Void> end(SqlConnection tx, UUID[] ended, UUID successor, LocalDate effective, String kind) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : TABLES) {
            chain = chain.chain(() -> tx.preparedQuery("update " + table + " set agency_id = $1 where agency_id = any($2)")
                    .execute(Tuple.of(successor, ended)).replaceWithVoid());
        }
        return chain
                .chain(() -> tx.preparedQuery("delete from live_score where agency_id = any($1)").execute(Tuple.of((Object) ended)))
                .chain(() -> tx.preparedQuery("delete from live_score_pending where agency_id = any($1)").execute(Tuple.of((Object) ended)))
                .chain(() -> tx.preparedQuery("insert into agency_succession (predecessor_id, successor_id, effective_date, kind, primary_successor) "
                                + "select p, $2, $3, $4, true from unnest($1::uuid[]) p "
                                + "on conflict (predecessor_id, successor_id) do update set primary_successor = true")
                        .execute(Tuple.of(ended, successor, effective, kind)))
                .replaceWithVoid();
    }

    private static UUID uuid(String text, String problem) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(problem);
        }
    }
}
