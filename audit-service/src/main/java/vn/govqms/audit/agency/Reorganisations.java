package vn.govqms.audit.agency;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Mergers and splits of agencies (document-service's {@code agency.merged} / {@code agency.split}): what the ended
 * agencies still owe moves to the agency that continues them (the successor of a merger, the primary successor of a
 * split), so that its people list and work it while the ended agency's people, read-only from the day it ended, no
 * longer do: open findings, corrective actions not yet verified effective or closed, audits not yet reported (planned or
 * in progress), activity plans of the effective year and later with their items (into the successor's own plan of that
 * year where it has one: then only the activities not done yet), open procedure reviews, and, for a merger, the
 * controlled documents audits may cite. What is finished (closed findings and actions, reported and closed audits,
 * earlier plans, management reviews) stays the ended agency's history, readable as before.
 * <p>
 * One statement per table. Each moved resource takes its audit trail along and gains one entry {@code moved-to-successor}
 * (for an activity moved into the successor's plan, {@code item-moved-in:<itemId>} on that plan) naming the predecessor,
 * the kind of reorganisation and its date. Applying an event again moves nothing more: what moved no longer belongs to
 * a predecessor, and the consumer skips an event it has applied.
 */
@ApplicationScoped
public class Reorganisations implements EventHandler {

    public static final String MERGED = EventTypes.of("document", "agency.merged");
    public static final String SPLIT = EventTypes.of("document", "agency.split");

    static final String ACTOR = "document-service";
    static final String MOVED = "moved-to-successor";

    record MergedData(UUID successorId, List<UUID> predecessorIds, LocalDate effectiveDate) {
    }

    record SplitSuccessor(UUID successorId, Boolean primary) {
    }

    record SplitData(UUID predecessorId, LocalDate effectiveDate, List<SplitSuccessor> successors) {
    }

    /**
     * Parameters of every move: $1 successor, $2 predecessors, $3 and $4 the successor's province and root (for the
     * audit trail and the audits' province), $5 the moment, $6 the reorganisation (MERGER or SPLIT), $7 its date.
     */
    private static final String TRAIL_CHANGES = """
            json_build_object('agencyId', json_build_object('from', m.predecessor, 'to', $1::uuid),
                              'reorganisation', $6::text, 'effectiveDate', $7::date)""";

    /** A resource of {@code table} still owed ({@code owed}, on alias {@code old}) moves with its audit trail. */
    private static String move(String table, String resourceType, String owed, String alsoSet) {
        return """
                with moved as (
                    update %1$s r set agency_id = $1, version = r.version + 1%4$s
                    from %1$s old
                    where old.id = r.id and old.agency_id = any($2) and %3$s
                    returning r.id, old.agency_id as predecessor
                ), history as (
                    update audit_trail t set agency_id = $1, province_code = $3, root_id = $4
                    from moved m where t.resource_type = '%2$s' and t.resource_id = m.id::text
                )
                insert into audit_trail (resource_type, resource_id, agency_id, province_code, root_id, action, actor, at, changes)
                select '%2$s', m.id::text, $1, $3, $4, '%5$s', '%6$s', $5, %7$s::text
                from moved m""".formatted(table, resourceType, owed, alsoSet, MOVED, ACTOR, TRAIL_CHANGES);
    }

    /** What moves, by what it is called in the log. */
    private static final Map<String, String> MOVES = Map.of(
            "audits", move("audit", "audit", "old.status in ('PLANNED', 'IN_PROGRESS')",
                    ", province_code = coalesce($3, old.province_code), updated_at = $5"),
            "findings", move("finding", "finding", "old.status = 'OPEN'", ""),
            "corrective actions", move("corrective_action", "corrective-action", "old.status in ('OPEN', 'IN_PROGRESS', 'IMPLEMENTED')",
                    ", updated_at = $5"));

    /**
     * Plans of the effective year and later move whole where the successor has none that year (of several predecessors'
     * plans of one year, the approved one first, then the oldest); $8 is the effective year.
     */
    private static final String MOVE_PLANS = """
            with chosen as (
                select distinct on (p.year) p.id, p.agency_id from activity_plan p
                where p.agency_id = any($2) and p.year >= $8
                  and not exists (select 1 from activity_plan s where s.agency_id = $1 and s.year = p.year)
                order by p.year, (p.status = 'APPROVED') desc, p.created_at, p.id
            ), moved as (
                update activity_plan r set agency_id = $1, version = r.version + 1, updated_at = $5
                from chosen c where c.id = r.id
                returning r.id, c.agency_id as predecessor
            ), history as (
                update audit_trail t set agency_id = $1, province_code = $3, root_id = $4
                from moved m where t.resource_type = 'activity-plan' and t.resource_id = m.id::text
            )
            insert into audit_trail (resource_type, resource_id, agency_id, province_code, root_id, action, actor, at, changes)
            select 'activity-plan', m.id::text, $1, $3, $4, '%s', '%s', $5, %s::text
            from moved m""".formatted(MOVED, ACTOR, TRAIL_CHANGES);

    /**
     * The activities of the predecessors' plans of the effective year and later: those of a plan that moved go with it;
     * of a plan that stayed (the successor had its own), the activities not done yet move into the successor's plan of
     * that year, each recorded on that plan.
     */
    private static final String MOVE_ITEMS = """
            with moved as (
                update activity_item i set agency_id = $1, plan_id = s.id, version = i.version + 1
                from activity_item old, activity_plan p, activity_plan s
                where old.id = i.id and p.id = old.plan_id and s.agency_id = $1 and s.year = p.year
                  and old.agency_id = any($2) and p.year >= $8 and (p.agency_id = $1 or old.done_date is null)
                returning i.id, i.plan_id, old.plan_id as from_plan, old.agency_id as predecessor
            )
            insert into audit_trail (resource_type, resource_id, agency_id, province_code, root_id, action, actor, at, changes)
            select 'activity-plan', m.plan_id::text, $1, $3, $4, 'item-moved-in:' || m.id, '%s', $5,
                   (%s::jsonb || jsonb_build_object('planId', jsonb_build_object('from', m.from_plan, 'to', m.plan_id)))::text
            from moved m where m.from_plan <> m.plan_id""".formatted(ACTOR, TRAIL_CHANGES);

    private static final String MOVE_REVIEWS = """
            update procedure_review set agency_id = $1 where agency_id = any($2) and status <> 'COMPLETED'""";

    private static final String MOVE_DOCUMENTS = "update known_document set agency_id = $1 where agency_id = any($2)";

    @Inject Clock clock;

    @Override
    public Set<String> eventTypes() {
        return Set.of(MERGED, SPLIT);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        if (MERGED.equals(event.type())) {
            MergedData d = event.dataAs(MergedData.class);
            if (d.successorId() == null || d.predecessorIds() == null || d.predecessorIds().isEmpty() || d.effectiveDate() == null) {
                throw new PoisonEventException("agency.merged without successorId, predecessorIds or effectiveDate");
            }
            List<UUID> predecessors = d.predecessorIds().stream().filter(p -> p != null && !p.equals(d.successorId())).distinct().toList();
            return moveTo(tx, d.successorId(), predecessors, "MERGER", d.effectiveDate(), true);
        }
        SplitData d = event.dataAs(SplitData.class);
        if (d.predecessorId() == null || d.effectiveDate() == null || d.successors() == null || d.successors().isEmpty()
                || d.successors().stream().anyMatch(s -> s == null || s.successorId() == null)) {
            throw new PoisonEventException("agency.split without predecessorId, effectiveDate or successors");
        }
        // as document-service decides: the successor marked primary, else the first
        UUID primary = d.successors().stream().filter(s -> Boolean.TRUE.equals(s.primary())).findFirst().orElse(d.successors().get(0))
                .successorId();
        if (primary.equals(d.predecessorId())) {
            throw new PoisonEventException("agency.split: the predecessor is its own successor");
        }
        return moveTo(tx, primary, List.of(d.predecessorId()), "SPLIT", d.effectiveDate(), false);
    }

    /**
     * Moves what {@code predecessors} owe to {@code successor}; the controlled documents too when all of them went to it
     * (a merger: after a split document-service names only how many each successor took).
     */
    private Uni<Void> moveTo(SqlConnection tx, UUID successor, List<UUID> predecessors, String kind, LocalDate effective,
                             boolean documents) {
        if (predecessors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] from = predecessors.toArray(UUID[]::new);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return keyOf(tx, successor, from).chain(key -> {
            Tuple args = Tuple.from(new Object[] {successor, from, key.provinceCode(), key.rootId(), now, kind, effective});
            Tuple planArgs = Tuple.from(new Object[] {successor, from, key.provinceCode(), key.rootId(), now, kind, effective,
                    effective.getYear()});
            Map<String, Integer> counts = new TreeMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, String> move : MOVES.entrySet()) {
                chain = chain.chain(() -> tx.preparedQuery(move.getValue()).execute(args)
                        .invoke(r -> counts.put(move.getKey(), r.rowCount())).replaceWithVoid());
            }
            return chain
                    .chain(() -> tx.preparedQuery(MOVE_PLANS).execute(planArgs).invoke(r -> counts.put("plans", r.rowCount())))
                    .chain(() -> tx.preparedQuery(MOVE_ITEMS).execute(planArgs).invoke(r -> counts.put("activities into the successor's plans", r.rowCount())))
                    .chain(() -> tx.preparedQuery(MOVE_REVIEWS).execute(Tuple.of(successor, from)).invoke(r -> counts.put("procedure reviews", r.rowCount())))
                    .chain(() -> documents ? tx.preparedQuery(MOVE_DOCUMENTS).execute(Tuple.of(successor, from))
                            .invoke(r -> counts.put("documents", r.rowCount())).replaceWithVoid() : Uni.createFrom().voidItem())
                    .invoke(() -> Log.infof("%s effective %s: moved to %s from %s: %s", kind, effective, successor, predecessors, counts))
                    .replaceWithVoid();
        });
    }

    /**
     * The successor's province and root; a predecessor's while the successor's registration has not arrived yet (a
     * split's successors are registered under their own keys, so possibly after the split).
     */
    private static Uni<Key> keyOf(SqlConnection tx, UUID successor, UUID[] predecessors) {
        return tx.preparedQuery("""
                        select province_code, root_id from agency_directory where id = $1 or id = any($2)
                        order by (id = $1) desc, id limit 1""")
                .execute(Tuple.of(successor, predecessors)).map(rows -> {
                    if (rows.size() == 0) {
                        return new Key(null, null);
                    }
                    Row r = rows.iterator().next();
                    return new Key(r.getString("province_code"), r.getUUID("root_id"));
                });
    }

    private record Key(String provinceCode, UUID rootId) {
    }
}
