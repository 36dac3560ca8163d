package vn.govqms.document.merge;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyDtos.AgencyView;
import vn.govqms.document.agency.AgencyEvents;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.merge.MergeDtos.Merger;
import vn.govqms.document.merge.MergeDtos.MergerView;
import vn.govqms.document.qms.QmsEvents;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mergers of the 2025 reorganisation: the sources end the day before the effective date, the
 * successor (existing or new) continues them; their controlled documents (renamed where the code is
 * taken), review tasks, audit trail and TTHCs become the successor's, and its QMS must be announced
 * again. The caller must be allowed to change every agency involved ({@code Scope}); the sources may be in
 * any province the successor's province continues ({@link Continuity}).
 */
@ApplicationScoped
public class MergeService {

    private static final String RENAME_TAKEN_CODES = """
            update controlled_document d set code = d.code || '-' || regexp_replace(?3, '[^0-9A-Z]', '', 'g')
            where d.agency_id = cast(?1 as uuid)
              and exists (select 1 from controlled_document x where x.agency_id = cast(?2 as uuid) and x.code = d.code)""";
    private static final String MOVE_DOCUMENTS = "update controlled_document set agency_id = cast(?2 as uuid) where agency_id = cast(?1 as uuid)";
    private static final String MOVE_REVIEWS = "update review_task set agency_id = cast(?2 as uuid) where agency_id = cast(?1 as uuid)";
    private static final String MOVE_HISTORY = """
            update audit_trail t set agency_id = s.id, province_code = s.province_code, root_id = s.root_id
            from agency s where s.id = cast(?2 as uuid) and t.agency_id = cast(?1 as uuid)""";
    private static final String MOVE_PROCEDURES = """
            insert into agency_procedure (agency_id, procedure_id, since)
            select cast(?2 as uuid), procedure_id, cast(?3 as date) from agency_procedure where agency_id = cast(?1 as uuid)
            on conflict do nothing""";
    private static final String LINK = "insert into agency_succession (predecessor_id, successor_id, effective_date) "
            + "values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as date)) on conflict do nothing";

    @Inject Scope scope;
    @Inject AgencyRepository agencies;
    @Inject Successors succession;
    @Inject UnitOfWork work;
    @Inject Clock clock;

    @WithTransaction
    public Uni<MergerView> merge(Merger in, Caller caller) {
        if ((in.successorId() == null) == (in.newSuccessor() == null)) {
            throw ProblemException.invalidField("successorId", "give either successorId or newSuccessor");
        }
        Set<UUID> sourceIds = new LinkedHashSet<>(in.sourceAgencyIds());
        if (in.successorId() != null && sourceIds.contains(in.successorId())) {
            throw ProblemException.invalidField("successorId", "cannot also be a source");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return agencies.list("id in ?1", sourceIds).chain(sources -> {
            if (sources.size() != sourceIds.size()) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "sourceAgencyIds: some agencies are unknown.", Map.of("field", "sourceAgencyIds"));
            }
            sources.forEach(a -> scope.requireWrite(a.ref()));
            return Panache.getSession().chain(session -> Moves.continued(session, sourceIds)).invoke(continued ->
                    sources.forEach(a -> Continuity.requireSource(a, in.effectiveDate(), continued.contains(a.id))))
                    .chain(() -> succession.find(in.successorId(), in.newSuccessor(), in.effectiveDate(), "newSuccessor", caller))
                    .chain(successor -> {
                AtomicLong moved = new AtomicLong();
                AtomicLong renamed = new AtomicLong();
                List<UUID> predecessorIds = sources.stream().map(a -> a.id).toList();
                String reason = "Sáp nhập " + sources.size() + " cơ quan vào " + successor.name + " từ " + in.effectiveDate()
                        + ": phạm vi hệ thống quản lý chất lượng thay đổi.";
                succession.takeOn(successor, sources, in.effectiveDate(), reason);
                sources.forEach(a -> a.end(in.effectiveDate().minusDays(1)));
                return Panache.getSession().chain(session -> {
                    Uni<Void> chain = session.flush();
                    for (Agency source : sources) {
                        chain = chain
                                .chain(() -> update(session, RENAME_TAKEN_CODES, source.id, successor.id, source.code).invoke(renamed::addAndGet))
                                .chain(() -> update(session, MOVE_DOCUMENTS, source.id, successor.id, null).invoke(moved::addAndGet))
                                .chain(() -> update(session, MOVE_REVIEWS, source.id, successor.id, null))
                                .chain(() -> update(session, MOVE_HISTORY, source.id, successor.id, null))
                                .chain(() -> update(session, MOVE_PROCEDURES, source.id, successor.id, in.effectiveDate()))
                                .chain(() -> update(session, LINK, source.id, successor.id, in.effectiveDate())).replaceWithVoid();
                    }
                    return chain.chain(() -> {
                        List<OutgoingEvent> events = new ArrayList<>(sources.stream().map(source -> AgencyEvents.updated(source, now)).toList());
                        events.add(MergeEvents.merged(successor.id, predecessorIds, in.effectiveDate(), moved.get(), now));
                        events.add(QmsEvents.reannouncementRequired(successor, List.of(), List.of(), now));
                        return work.record(session, () -> Outcome.of(List.of(TrailEntry.on("agency", successor.id, successor.ref()).did("merged", caller.subject(),
                                null, Map.of("predecessorIds", predecessorIds, "effectiveDate", in.effectiveDate().toString()))), events));
                    });
                }).map(ignored -> new MergerView(AgencyView.of(successor), predecessorIds, in.effectiveDate(), moved.get(),
                        renamed.get()));
            });
        });
    }

    private static Uni<Integer> update(Mutiny.Session session, String sql, UUID source, UUID successor, Object third) {
        var query = session.createNativeQuery(sql).setParameter(1, source).setParameter(2, successor);
        if (third != null) {
            query.setParameter(3, third);
        }
        return query.executeUpdate();
    }
}
