package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.legal.IssuingAuthority;
import vn.govqms.document.legal.LegalBasis;
import vn.govqms.document.legal.LegalDocumentRepository;
import vn.govqms.document.legal.Registers;
import vn.govqms.document.procedurereview.ReviewTaskQueries;
import vn.govqms.document.tthc.ProcedureDtos.Abolition;
import vn.govqms.document.tthc.ProcedureDtos.Amendment;
import vn.govqms.document.tthc.ProcedureDtos.NewProcedure;
import vn.govqms.document.tthc.ProcedureDtos.ProcedureView;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.calendar.ProcessingTime;
import vn.govqms.kit.calendar.WorkingCalendar;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The TTHC catalogue. Amending or abolishing a procedure publishes
 * {@code administrative-procedure.changed}: the agencies' procedures implementing it are due for review.
 */
@ApplicationScoped
public class ProcedureService {

    @Inject ProcedureRepository procedures;
    @Inject LegalDocumentRepository legalDocuments;
    @Inject UnitOfWork work;
    @Inject ReviewTaskQueries reviews;
    @Inject Registers registers;
    @Inject WorkingCalendar calendar;
    @Inject Clock clock;

    @Inject Scope scope;

    /**
     * Adds a procedure to its register: a national code to the national catalogue (national-admin), a localised
     * code to its province's (that province's province-admin). A refusal changes nothing.
     */
    @WithTransaction
    public Uni<ProcedureView> publish(NewProcedure in, Caller caller) {
        AdministrativeProcedure.requireRegisterOfCode(in.code(), in.provinceCode());
        ProcessingTime time = ProcedureDtos.processingTime(in.processingDays(), in.processingTime());
        scope.requireRegisterWriter(in.provinceCode());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> bases = ids(in.legalBasisIds());
        return procedures.findByCode(in.code())
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Administrative procedure " + in.code() + " is in the catalogue already (id "
                                + existing.id + ").");
                    }
                })
                .chain(() -> requireLegalDocuments(in.provinceCode(), bases))
                .chain(() -> {
                    AdministrativeProcedure p = AdministrativeProcedure.publish(in.code(), in.provinceCode(), now);
                    p.describe(in.name().trim(), in.field().trim(), in.level(), time, blankToNull(in.publishedByDecision()));
                    return procedures.persist(p)
                            .chain(() -> replaceBases(p.id, bases))
                            .chain(() -> work.record(() -> Outcome.of(TrailEntry.on("administrative-procedure", p.id, null).did("published", caller.subject(), null, in),
                                    ProcedureEvents.published(p, now))))
                            .map(ignored -> ProcedureView.of(p, List.copyOf(bases)));
                });
    }

    @WithTransaction
    public Uni<ProcedureView> amend(UUID id, Amendment in, String ifMatch, Caller caller) {
        ProcessingTime time = ProcedureDtos.processingTime(in.processingDays(), in.processingTime());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> bases = ids(in.legalBasisIds());
        return require(id).chain(p -> {
            scope.requireRegisterWriter(p.provinceCode);
            ETags.requireMatch(ifMatch, p.version);
            return basesOf(p.id).chain(before -> {
                ProcedureView previous = ProcedureView.of(p, before);
                p.amend(in.effectiveDate(), blankToNull(in.reason()));
                p.describe(in.name().trim(), in.field().trim(), in.level(), time, blankToNull(in.publishedByDecision()));
                return requireLegalDocuments(p.provinceCode, bases)
                        .chain(() -> replaceBases(p.id, bases))
                        .chain(() -> announce(p, caller, "amended", previous, now))
                        .map(ignored -> ProcedureView.of(p, List.copyOf(bases)));
            });
        });
    }

    @WithTransaction
    public Uni<ProcedureView> abolish(UUID id, Abolition in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return require(id).chain(p -> {
            scope.requireRegisterWriter(p.provinceCode);
            return basesOf(p.id).chain(bases -> {
                ProcedureView previous = ProcedureView.of(p, bases);
                p.abolish(in.effectiveDate(), in.reason().trim());
                return announce(p, caller, "abolished", previous, now).map(ignored -> ProcedureView.of(p, bases));
            });
        });
    }

    /** When a dossier received at {@code receivedAt} is due under the procedure's processing time, by the calendar. */
    @WithSession
    public Uni<ProcedureDtos.DueDateView> dueDate(UUID id, OffsetDateTime receivedAt) {
        return require(id).map(p -> new ProcedureDtos.DueDateView(p.id, p.code, ProcedureDtos.ProcessingTimeView.of(p.processingTime()),
                receivedAt, calendar.dueAt(receivedAt, p.processingTime())));
    }

    @WithSession
    public Uni<ProcedureView> get(UUID id) {
        return require(id).chain(p -> basesOf(p.id).map(b -> ProcedureView.of(p, b)));
    }

    /**
     * The catalogue, read by every role: the national procedures and the localised ones of {@code provinceCode} when
     * given, else of the caller's province (national-admin: every province's).
     */
    @WithSession
    public Uni<Page<ProcedureView>> list(String text, String field, ProcedureStatus status, String provinceCode, PageRequest page) {
        var filter = new ProcedureRepository.Filter(text, field, status, registers.listing(provinceCode));
        return procedures.list(filter, page).chain(p -> {
            List<UUID> ids = p.items().stream().map(i -> i.id).toList();
            Uni<List<ProcedureLegalBasis>> links = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : ProcedureLegalBasis.<ProcedureLegalBasis>list("ownerId in ?1", ids);
            return links.map(all -> {
                Map<UUID, List<UUID>> byProcedure = all.stream().collect(Collectors.groupingBy(b -> b.ownerId,
                        Collectors.mapping(b -> b.legalDocumentId, Collectors.toList())));
                return p.map(i -> ProcedureView.of(i, byProcedure.getOrDefault(i.id, List.of())));
            });
        });
    }

    private Uni<Void> announce(AdministrativeProcedure p, Caller caller, String action, ProcedureView before, OffsetDateTime now) {
        return work.record(() -> Outcome.events(ProcedureEvents.changed(p, now)))
                .chain(() -> Panache.getSession())
                .chain(session -> reviews.procedureChanged(session, p.id, p.status.name(), summary(p), p.changedAt))
                .chain(() -> basesOf(p.id))
                .chain(after -> work.record(() -> Outcome.of(TrailEntry.on("administrative-procedure", p.id, null).did(action, caller.subject(),
                        before, ProcedureView.of(p, after)))));
    }

    /** What officials read in their review task. */
    static String summary(AdministrativeProcedure p) {
        String what = p.status == ProcedureStatus.ABOLISHED ? "bị bãi bỏ" : "được sửa đổi, bổ sung";
        return "Thủ tục hành chính " + p.code + " (" + p.name + ") " + what + ", hiệu lực từ " + p.changedAt
                + (p.changeReason == null ? "." : ": " + p.changeReason + ".");
    }

    private Uni<List<UUID>> basesOf(UUID procedureId) {
        return ProcedureLegalBasis.<ProcedureLegalBasis>list("ownerId", procedureId)
                .map(l -> l.stream().map(b -> b.legalDocumentId).toList());
    }

    /** Makes the procedure's legal bases exactly {@code bases}: removes the others, adds the new ones. */
    private Uni<Void> replaceBases(UUID procedureId, Set<UUID> bases) {
        return ProcedureLegalBasis.<ProcedureLegalBasis>list("ownerId", procedureId).chain(existing ->
                LegalBasis.replace(existing, procedureId, bases, ProcedureLegalBasis::new));
    }

    /**
     * The legal bases must be in the register, and in the procedure's reach: a national procedure rests on national
     * documents, a localised one on national documents and its own province's.
     */
    private Uni<Void> requireLegalDocuments(String provinceCode, Set<UUID> ids) {
        IssuingAuthority authority = registers.authority(provinceCode, scope.today());
        return legalDocuments.findByIds(ids).invoke(found -> {
            if (found.size() != ids.size()) {
                Set<UUID> missing = new LinkedHashSet<>(ids);
                found.forEach(d -> missing.remove(d.id));
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "legalBasisIds: not in the register: " + missing + ".", Map.of("field", "legalBasisIds"));
            }
            List<String> foreign = found.stream().filter(d -> !authority.mayRelyOn(d.provinceCode))
                    .map(d -> d.number + " (" + d.id + ", province " + d.provinceCode + ")").toList();
            if (!foreign.isEmpty()) {
                throw ProblemException.unprocessable("relation-outside-authority", "Legal basis outside the procedure's register",
                        "legalBasisIds: a procedure of " + authority.label() + " rests on national documents"
                                + (authority.isNational() ? "" : " and its own province's") + "; not on " + String.join(", ", foreign) + ".",
                        Map.of("field", "legalBasisIds"));
            }
        }).replaceWithVoid();
    }

    private Uni<AdministrativeProcedure> require(UUID id) {
        return procedures.findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("administrative procedure", id);
            }
            return p;
        });
    }

    private static Set<UUID> ids(List<UUID> list) {
        return list == null ? Set.of() : new LinkedHashSet<>(list);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
