package vn.govqms.document.merge;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyDtos.AgencyView;
import vn.govqms.document.agency.AgencyEvents;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.merge.MergeDtos.Lineage;
import vn.govqms.document.merge.MergeDtos.Link;
import vn.govqms.document.merge.MergeDtos.Split;
import vn.govqms.document.merge.MergeDtos.SplitPart;
import vn.govqms.document.merge.MergeDtos.SplitPartView;
import vn.govqms.document.merge.MergeDtos.SplitView;
import vn.govqms.document.qms.QmsEvents;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Splits of the 2025 reorganisation: the source ends the day before the effective date and each
 * successor (existing or new) takes the documents (with their review tasks and history) and TTHCs
 * listed for it; the primary successor takes the rest and the agency's own history. Every successor's
 * QMS must be announced again. The caller must be allowed to change every agency involved ({@code Scope}); the
 * successors are in the province that continues the source's ({@link Continuity}).
 */
@ApplicationScoped
public class SplitService {

    private static final String SOURCE_DOCUMENTS = "select cast(id as text) from controlled_document where agency_id = cast(?1 as uuid)";
    private static final String SOURCE_PROCEDURES = "select cast(procedure_id as text) from agency_procedure where agency_id = cast(?1 as uuid)";
    private static final String LINKS = """
            select cast(a.id as text), a.code, a.name, cast(s.effective_date as text) from agency_succession s
            join agency a on a.id = (case when cast(?2 as boolean) then s.predecessor_id else s.successor_id end)
            where (case when cast(?2 as boolean) then s.successor_id else s.predecessor_id end) = cast(?1 as uuid)
            order by s.effective_date, a.code""";

    @Inject Scope scope;
    @Inject AgencyRepository agencies;
    @Inject Successors succession;
    @Inject UnitOfWork work;
    @Inject Clock clock;

    @WithTransaction
    public Uni<SplitView> split(Split in, Caller caller) {
        int primary = checkParts(in);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return agencies.findById(in.sourceAgencyId()).chain(source -> {
            if (source == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "sourceAgencyId: no agency with id " + in.sourceAgencyId() + ".", Map.of("field", "sourceAgencyId"));
            }
            scope.requireWrite(source.ref());
            return Panache.getSession().chain(session -> Moves.continued(session, List.of(source.id))
                    .invoke(continued -> Continuity.requireSource(source, in.effectiveDate(), !continued.isEmpty()))
                    .chain(() -> ids(session, SOURCE_DOCUMENTS, source.id))
                    .chain(documents -> ids(session, SOURCE_PROCEDURES, source.id).chain(procedures -> {
                        List<List<UUID>> docsPerPart = assign(in, primary, documents, SplitPart::documentIds, "documentIds",
                                "a controlled document of " + source.code);
                        List<List<UUID>> tthcPerPart = assign(in, primary, procedures, SplitPart::procedureIds, "procedureIds",
                                "a TTHC handled by " + source.code);
                        return successors(in, caller).chain(successors -> apply(session, in, caller, source, successors,
                                primary, docsPerPart, tthcPerPart, now));
                    })));
        });
    }

    private Uni<SplitView> apply(Mutiny.Session session, Split in, Caller caller, Agency source, List<Agency> successors,
                                 int primary, List<List<UUID>> docsPerPart, List<List<UUID>> tthcPerPart, OffsetDateTime now) {
        String reason = "Chia tách " + source.name + " từ " + in.effectiveDate()
                + ": phạm vi hệ thống quản lý chất lượng thay đổi.";
        source.end(in.effectiveDate().minusDays(1));
        successors.forEach(s -> {
            if (s.id.equals(source.id)) {
                throw ProblemException.invalidField("successors", "the source cannot be its own successor");
            }
            succession.takeOn(s, List.of(source), in.effectiveDate(), reason);
        });
        List<SplitPartView> views = new ArrayList<>();
        List<MergeEvents.SplitSuccessor> eventParts = new ArrayList<>();
        Uni<Void> chain = session.flush();
        for (int i = 0; i < successors.size(); i++) {
            Agency successor = successors.get(i);
            boolean isPrimary = i == primary;
            List<UUID> docs = docsPerPart.get(i);
            List<UUID> tthcs = tthcPerPart.get(i);
            chain = chain
                    .chain(() -> Moves.documents(session, source.id, source.code, successor.id, docs, isPrimary))
                    .invoke(counts -> {
                        views.add(new SplitPartView(AgencyView.of(successor), isPrimary, counts[0], counts[1], tthcs.size()));
                        eventParts.add(new MergeEvents.SplitSuccessor(successor.id, isPrimary, counts[0]));
                    })
                    .chain(() -> Moves.procedures(session, source.id, successor.id, in.effectiveDate(), tthcs))
                    .chain(() -> Moves.link(session, source.id, successor.id, in.effectiveDate()))
                    .chain(() -> work.record(session, () -> Outcome.of(TrailEntry.on("agency", successor.id, successor.ref()).did("continues split agency",
                            caller.subject(), null, Map.of("predecessorId", source.id, "effectiveDate", in.effectiveDate().toString(),
                                    "documents", docs.size(), "procedures", tthcs.size())),
                            QmsEvents.reannouncementRequired(successor, List.of(), List.of(), now))));
        }
        return chain
                .chain(() -> work.record(session, () -> Outcome.of(TrailEntry.on("agency", source.id, successors.get(primary).ref()).did("split", caller.subject(),
                        null, Map.of("successorIds", successors.stream().map(a -> a.id).toList(),
                                "effectiveDate", in.effectiveDate().toString())),
                        AgencyEvents.updated(source, now), MergeEvents.split(source.id, in.effectiveDate(), eventParts, now))))
                .map(ignored -> new SplitView(source.id, in.effectiveDate(), views));
    }

    @WithSession
    public Uni<Lineage> lineage(UUID id, Caller caller) {
        return agencies.findById(id).chain(agency -> {
            if (agency == null) {
                throw ProblemException.notFound("agency", id);
            }
            scope.requireRead(agency.ref());
            return Panache.getSession().chain(session -> links(session, id, true)
                    .chain(predecessors -> links(session, id, false).map(successors -> new Lineage(id, predecessors, successors))));
        });
    }

    /** Which part is primary (the one that says so, else the first); parts and listed ids are checked for consistency. */
    private static int checkParts(Split in) {
        int primary = -1;
        Set<UUID> successorIds = new HashSet<>();
        for (int i = 0; i < in.successors().size(); i++) {
            SplitPart p = in.successors().get(i);
            String field = "successors[" + i + "]";
            if ((p.successorId() == null) == (p.newSuccessor() == null)) {
                throw ProblemException.invalidField(field + ".successorId", "give either successorId or newSuccessor");
            }
            if (p.successorId() != null && (p.successorId().equals(in.sourceAgencyId()) || !successorIds.add(p.successorId()))) {
                throw ProblemException.invalidField(field + ".successorId", "must differ from the source and the other successors");
            }
            if (Boolean.TRUE.equals(p.primary())) {
                if (primary >= 0) {
                    throw ProblemException.invalidField(field + ".primary", "only one successor can be primary");
                }
                primary = i;
            }
        }
        return Math.max(primary, 0);
    }

    /** Each part's ids: those it lists (each listed once, each the source's), and the primary also what nobody lists. */
    private static List<List<UUID>> assign(Split in, int primary, Set<UUID> owned,
                                           Function<SplitPart, List<UUID>> listed, String field, String what) {
        Set<UUID> taken = new HashSet<>();
        List<List<UUID>> perPart = new ArrayList<>();
        for (int i = 0; i < in.successors().size(); i++) {
            List<UUID> ids = listed.apply(in.successors().get(i)) == null ? List.of() : listed.apply(in.successors().get(i));
            for (UUID id : ids) {
                if (!owned.contains(id)) {
                    throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                            "successors[" + i + "]." + field + ": " + id + " is not " + what + ".",
                            Map.of("field", "successors[" + i + "]." + field));
                }
                if (!taken.add(id)) {
                    throw ProblemException.invalidField("successors[" + i + "]." + field, id + " is given to two successors");
                }
            }
            perPart.add(new ArrayList<>(new LinkedHashSet<>(ids)));
        }
        owned.stream().filter(id -> !taken.contains(id)).forEach(perPart.get(primary)::add);
        return perPart;
    }

    private Uni<List<Agency>> successors(Split in, Caller caller) {
        Uni<List<Agency>> chain = Uni.createFrom().item(new ArrayList<>());
        for (SplitPart p : in.successors()) {
            chain = chain.chain(list -> succession.find(p.successorId(), p.newSuccessor(), in.effectiveDate(), "successors[].newSuccessor",
                    caller).map(a -> {
                list.add(a);
                return list;
            }));
        }
        return chain;
    }

    @SuppressWarnings("unchecked")
    private static Uni<Set<UUID>> ids(Mutiny.Session session, String sql, UUID agency) {
        return session.createNativeQuery(sql, String.class).setParameter(1, agency).getResultList()
                .map(rows -> {
                    Set<UUID> ids = new LinkedHashSet<>();
                    rows.forEach(r -> ids.add(UUID.fromString(r)));
                    return ids;
                });
    }

    private static Uni<List<Link>> links(Mutiny.Session session, UUID agency, boolean predecessors) {
        return session.createNativeQuery(LINKS, Object[].class).setParameter(1, agency).setParameter(2, predecessors)
                .getResultList().map(rows -> rows.stream().map(r -> new Link(UUID.fromString((String) r[0]), (String) r[1],
                        (String) r[2], LocalDate.parse((String) r[3]))).toList());
    }
}
