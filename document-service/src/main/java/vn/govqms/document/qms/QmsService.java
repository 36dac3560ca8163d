package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.agency.QmsStatus;
import vn.govqms.document.agency.StandardEdition;
import vn.govqms.document.controlled.DocumentType;
import vn.govqms.document.legal.LegalDocument;
import vn.govqms.document.legal.LegalDocumentRepository;
import vn.govqms.document.legal.LegalRelation;
import vn.govqms.document.legal.LegalRelationRepository;
import vn.govqms.document.legal.LegalStatus;
import vn.govqms.document.qms.QmsDtos.AnnouncementView;
import vn.govqms.document.qms.QmsDtos.EffectivenessConfirmation;
import vn.govqms.document.qms.QmsDtos.ExternalDocumentView;
import vn.govqms.document.qms.QmsDtos.HandledProcedures;
import vn.govqms.document.qms.QmsDtos.HandledView;
import vn.govqms.document.qms.QmsDtos.NewAnnouncement;
import vn.govqms.document.qms.QmsDtos.NewPosting;
import vn.govqms.document.qms.QmsDtos.Progress;
import vn.govqms.document.qms.QmsDtos.Readiness;
import vn.govqms.document.qms.QmsDtos.StepView;
import vn.govqms.document.tthc.AdministrativeProcedure;
import vn.govqms.document.tthc.ListUpdates;
import vn.govqms.document.tthc.ProcedureRepository;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An agency's QMS: building and applying it (status and edition changes are events, with the day they happened), the
 * steps before announcing, announcing conformity and posting the announcement, the TTHCs in its scope (changing those of
 * an announced system requires re-announcement by a due date) and the legal documents it controls.
 */
@ApplicationScoped
public class QmsService {

    /** The types of the agency's documents that have an issued version. */
    private static final String ISSUED_TYPES = """
            select distinct d.type from controlled_document d
            where d.agency_id = ?1 and exists (select 1 from document_version v where v.document_id = d.id and v.status = 'ISSUED')""";

    private static final String EXTERNAL_DOCUMENTS = """
            select b.legal_document_id, count(distinct d.id)
            from controlled_document d
            join document_version v on v.document_id = d.id and v.status = 'ISSUED'
            join document_version_legal_basis b on b.version_id = v.id
            where d.agency_id = ?1
            group by b.legal_document_id""";

    @Inject AgencyRepository agencies;
    @Inject ProcedureRepository procedures;
    @Inject LegalDocumentRepository legalDocuments;
    @Inject LegalRelationRepository relations;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject ListUpdates listUpdates;
    @Inject QmsConfig config;

    @Inject Scope scope;

    @WithTransaction
    public Uni<Agency> progress(UUID agencyId, Progress in, String ifMatch, Caller caller) {
        if (in.status() == QmsStatus.ANNOUNCED) {
            throw ProblemException.invalidField("status", "a system is announced by posting an announcement");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate effective = in.effectiveDate() == null ? now.toLocalDate() : in.effectiveDate();
        if (effective.isAfter(now.toLocalDate())) {
            throw ProblemException.invalidField("effectiveDate", "must not be in the future");
        }
        return require(agencyId, true).call(agency -> {
            ETags.requireMatch(ifMatch, agency.version);
            QmsStatus previous = agency.qmsStatus;
            StandardEdition previousEdition = agency.standardEdition;
            Map<String, Object> before = new HashMap<>();
            before.put("qmsStatus", previous);
            before.put("standardEdition", previousEdition);
            agency.qmsStatus = in.status();
            agency.standardEdition = in.standardEdition();
            agency.touch();
            boolean changed = previous != in.status() || previousEdition != in.standardEdition();
            return work.record(() -> Outcome.of(trailOf(agency).did("qms progress", caller.subject(), before, in), changed ? QmsEvents.statusChanged(agency.id,
                    agency.qmsStatus, previous, agency.standardEdition, previousEdition, effective, now) : null));
        });
    }

    /**
     * Announces conformity, once the steps before it are on record or recorded by the announcement as taken outside the
     * system (422 naming what is missing otherwise); clears a pending re-announcement.
     */
    @WithTransaction
    public Uni<AnnouncementView> announce(UUID agencyId, NewAnnouncement in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.notifiedLeadAgencyOn() != null && in.notifiedLeadAgencyOn().isBefore(in.decisionDate())) {
            throw ProblemException.invalidField("notifiedLeadAgencyOn", "must not be before decisionDate");
        }
        List<AnnouncementReadiness.Outside> outside = outside(in);
        return require(agencyId, true).chain(agency -> readiness(agency.id, in.decisionDate(), outside).chain(steps -> {
            List<AnnouncementReadiness.StepState> missing = steps.stream().filter(s -> !s.done()).toList();
            if (!missing.isEmpty()) {
                throw missingSteps(missing);
            }
            boolean again = agency.qmsStatus == QmsStatus.ANNOUNCED;
            QmsStatus previous = agency.qmsStatus;
            StandardEdition previousEdition = agency.standardEdition;
            QmsAnnouncement a = new QmsAnnouncement();
            a.id = UUID.randomUUID();
            a.agencyId = agency.id;
            a.decisionNumber = in.decisionNumber().trim();
            a.decisionDate = in.decisionDate();
            a.standardEdition = in.standardEdition();
            a.scope = in.scope().trim();
            a.notifiedLeadAgencyOn = in.notifiedLeadAgencyOn();
            a.announcedBy = caller.subject();
            a.createdAt = now;
            a.clearedRequirementId = agency.announced(in.standardEdition());
            List<QmsStep> recorded = outside.stream().map(o -> QmsStep.of(agency.id, o.step(), o.heldOn(), o.evidence(),
                    QmsStep.Source.OUTSIDE, a.id, caller.subject(), now)).toList();
            List<String> outsideNames = outside.stream().map(o -> o.step().name()).toList();
            boolean changed = previous != QmsStatus.ANNOUNCED || previousEdition != in.standardEdition();
            return a.persist().chain(() -> recorded.isEmpty() ? Uni.createFrom().voidItem() : QmsStep.persist(recorded))
                    .chain(() -> work.record(() -> Outcome.of(trailOf(agency).did(again ? "re-announced" : "announced", caller.subject(), null, in),
                            QmsEvents.announced(a, again, outsideNames, now), changed ? QmsEvents.statusChanged(agency.id, QmsStatus.ANNOUNCED,
                                    previous, in.standardEdition(), previousEdition, in.decisionDate(), now) : null)))
                    .map(ignored -> AnnouncementView.of(a, recorded, List.of()));
        }));
    }

    @WithSession
    public Uni<List<AnnouncementView>> announcements(UUID agencyId, Caller caller) {
        return require(agencyId, false).chain(a -> QmsAnnouncement.<QmsAnnouncement>list("agencyId", Sort.by("decisionDate"), a.id))
                .chain(list -> {
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(List.<AnnouncementView>of());
                    }
                    List<UUID> ids = list.stream().map(a -> a.id).toList();
                    return QmsStep.<QmsStep>list("announcementId in ?1", Sort.by("step"), ids).chain(steps ->
                            AnnouncementPosting.<AnnouncementPosting>list("announcementId in ?1", Sort.by("postedOn").and("createdAt"), ids)
                                    .map(postings -> list.stream().map(a -> AnnouncementView.of(a,
                                            steps.stream().filter(s -> a.id.equals(s.announcementId)).toList(),
                                            postings.stream().filter(p -> a.id.equals(p.announcementId)).toList())).toList()));
                });
    }

    /** Whether the agency may announce on {@code on} (default today), step by step. */
    @WithSession
    public Uni<Readiness> readiness(UUID agencyId, LocalDate on, Caller caller) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        return require(agencyId, false).chain(a -> readiness(a.id, day, List.of())
                .map(steps -> new Readiness(a.id, day, steps.stream().allMatch(AnnouncementReadiness.StepState::done), steps)));
    }

    /** The head confirms the effectiveness of the QMS (one of the steps before announcing). */
    @WithTransaction
    public Uni<StepView> confirmEffectiveness(UUID agencyId, EffectivenessConfirmation in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.confirmedOn().isAfter(now.toLocalDate())) {
            throw ProblemException.invalidField("confirmedOn", "must not be in the future");
        }
        return require(agencyId, true).chain(agency -> {
            QmsStep step = QmsStep.of(agency.id, AnnouncementStep.EFFECTIVENESS_CONFIRMED, in.confirmedOn(), in.reference().trim(),
                    QmsStep.Source.HEAD, null, caller.subject(), now);
            return step.persist().chain(() -> work.record(() -> Outcome.of(trailOf(agency).did("effectiveness confirmed", caller.subject(), null, in))))
                    .map(ignored -> StepView.of(step));
        });
    }

    /** Records that the announcement was posted at the office or published on the portal. */
    @WithTransaction
    public Uni<AnnouncementView> post(UUID agencyId, UUID announcementId, NewPosting in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String place = in.place() == null || in.place().isBlank() ? null : in.place().trim();
        String link = in.link() == null || in.link().isBlank() ? null : in.link().trim();
        if (in.channel() == AnnouncementPosting.Channel.OFFICE && place == null) {
            throw ProblemException.invalidField("place", "say where at the office it is posted");
        }
        if (in.channel() == AnnouncementPosting.Channel.PORTAL && (link == null || !link.matches("(?i)^https?://\\S+$"))) {
            throw ProblemException.invalidField("link", "the address of the page on the portal (http or https)");
        }
        if (in.postedOn().isAfter(now.toLocalDate())) {
            throw ProblemException.invalidField("postedOn", "must not be in the future");
        }
        return require(agencyId, true).chain(agency -> QmsAnnouncement.<QmsAnnouncement>findById(announcementId).chain(a -> {
            if (a == null || !a.agencyId.equals(agency.id)) {
                throw ProblemException.notFound("announcement of agency " + agency.code, announcementId);
            }
            if (in.postedOn().isBefore(a.decisionDate)) {
                throw ProblemException.invalidField("postedOn", "must not be before the decision date " + a.decisionDate);
            }
            AnnouncementPosting p = new AnnouncementPosting();
            p.id = UUID.randomUUID();
            p.announcementId = a.id;
            p.channel = in.channel();
            p.place = place;
            p.link = link;
            p.postedOn = in.postedOn();
            p.recordedBy = caller.subject();
            p.createdAt = now;
            return p.persist().chain(() -> work.record(() -> Outcome.of(trailOf(agency).did("announcement posted", caller.subject(), null, in))))
                    .chain(() -> QmsStep.<QmsStep>list("announcementId", a.id))
                    .chain(steps -> AnnouncementPosting.<AnnouncementPosting>list("announcementId", Sort.by("postedOn").and("createdAt"), a.id)
                            .map(postings -> AnnouncementView.of(a, steps, postings)));
        }));
    }

    /**
     * Replaces the TTHCs the agency handles; TTHCs added to or removed from an announced system's scope require
     * re-announcement, due {@code govqms.qms.reannounce-within} after {@code since}.
     */
    @WithTransaction
    public Uni<List<HandledView>> handle(UUID agencyId, HandledProcedures in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> wanted = new LinkedHashSet<>(in.procedureIds());
        return agencies.findById(agencyId).chain(agency -> {
            if (agency == null) {
                throw ProblemException.notFound("agency", agencyId);
            }
            scope.requireWrite(agency.ref());
            return (wanted.isEmpty() ? Uni.createFrom().item(List.<AdministrativeProcedure>of())
                    : procedures.list("id in ?1", wanted)).chain(found -> {
                if (found.size() != wanted.size()) {
                    Set<UUID> missing = new LinkedHashSet<>(wanted);
                    found.forEach(p -> missing.remove(p.id));
                    throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                            "procedureIds: not in the catalogue: " + missing + ".", Map.of("field", "procedureIds"));
                }
                return AgencyProcedure.<AgencyProcedure>list("agencyId", agency.id).chain(existing -> {
                    Set<UUID> had = existing.stream().map(e -> e.procedureId).collect(Collectors.toSet());
                    List<UUID> added = wanted.stream().filter(id -> !had.contains(id)).toList();
                    List<UUID> removed = existing.stream().map(e -> e.procedureId).filter(id -> !wanted.contains(id)).sorted().toList();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (AgencyProcedure e : existing) {
                        if (!wanted.contains(e.procedureId)) {
                            chain = chain.chain(e::delete);
                        }
                    }
                    List<AgencyProcedure> rows = new ArrayList<>();
                    for (UUID id : added) {
                        AgencyProcedure row = new AgencyProcedure();
                        row.agencyId = agency.id;
                        row.procedureId = id;
                        row.since = in.since();
                        rows.add(row);
                    }
                    boolean reannounce = (!added.isEmpty() || !removed.isEmpty())
                            && agency.scopeChanged(scopeReason(added.size(), removed.size(), in.since()), in.since(),
                            in.since().plus(config.reannounceWithin()), now);
                    return chain.chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : AgencyProcedure.persist(rows))
                            .chain(() -> Panache.getSession()).chain(session -> work.record(session, () -> Outcome.of(trailOf(agency).did("tthc scope",
                                            caller.subject(), Map.of("procedureIds", had), Map.of("procedureIds", wanted)),
                                    reannounce ? QmsEvents.reannouncementRequired(agency, added, removed, now) : null))
                                    .chain(() -> listUpdates.listUpdated(session, agency.id, caller.subject(), now)))
                            .chain(() -> handled(agency.id));
                });
            });
        });
    }

    private static String scopeReason(int added, int removed, LocalDate since) {
        List<String> parts = new ArrayList<>();
        if (added > 0) {
            parts.add("bổ sung " + added);
        }
        if (removed > 0) {
            parts.add("bãi bỏ " + removed);
        }
        String what = String.join(", ", parts);
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " thủ tục hành chính trong phạm vi áp dụng từ " + since + ".";
    }

    /** The steps before announcing on {@code on}: documents issued, audits and reviews held, confirmations given, and {@code outside}. */
    private Uni<List<AnnouncementReadiness.StepState>> readiness(UUID agencyId, LocalDate on, List<AnnouncementReadiness.Outside> outside) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ISSUED_TYPES, String.class).setParameter(1, agencyId)
                        .getResultList())
                .chain(types -> QmsStep.<QmsStep>list("agencyId = ?1 and source <> ?2", agencyId, QmsStep.Source.OUTSIDE)
                        .map(held -> AnnouncementReadiness.assess(on, config.stepsWithin(), config.frameworkDocuments(),
                                types.stream().map(DocumentType::valueOf).collect(Collectors.toSet()), held, outside)));
    }

    private static List<AnnouncementReadiness.Outside> outside(NewAnnouncement in) {
        List<AnnouncementReadiness.Outside> out = new ArrayList<>();
        Set<AnnouncementStep> seen = new HashSet<>();
        for (int i = 0; i < in.outside().size(); i++) {
            QmsDtos.OutsideStep o = in.outside().get(i);
            String field = "stepsOutsideSystem[" + i + "]";
            if (!seen.add(o.step())) {
                throw ProblemException.invalidField(field + ".step", "names " + o.step() + " twice");
            }
            if (o.heldOn() == null && o.step() != AnnouncementStep.FRAMEWORK_DOCUMENTS) {
                throw ProblemException.invalidField(field + ".heldOn", "the day " + o.step() + " happened is part of the record");
            }
            if (o.heldOn() != null && o.heldOn().isAfter(in.decisionDate())) {
                throw ProblemException.invalidField(field + ".heldOn", "must not be after decisionDate");
            }
            out.add(new AnnouncementReadiness.Outside(o.step(), o.heldOn(), o.evidence().trim()));
        }
        return out;
    }

    private static ProblemException missingSteps(List<AnnouncementReadiness.StepState> missing) {
        String detail = missing.stream().map(s -> s.step() + " (" + s.label() + ": " + s.missing() + ")").collect(Collectors.joining("; "));
        return ProblemException.unprocessable("announcement-steps-missing", "Steps before announcing are missing",
                "The announcement of conformity needs the steps of Decision 19/2014/QĐ-TTg first: " + detail
                        + ". Record them here, or in stepsOutsideSystem with their evidence when they happened outside the system.",
                Map.of("missing", missing.stream().map(s -> Map.of("step", s.step().name(), "label", s.label(), "detail", s.missing())).toList()));
    }

    @WithSession
    public Uni<List<HandledView>> handledProcedures(UUID agencyId, Caller caller) {
        return require(agencyId, false).chain(a -> handled(a.id));
    }

    /** The legal documents the agency's issued documents cite, with their status today. */
    @WithSession
    public Uni<List<ExternalDocumentView>> externalDocuments(UUID agencyId, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        return require(agencyId, false).chain(a -> Panache.getSession().chain(session -> session
                        .createNativeQuery(EXTERNAL_DOCUMENTS, Object[].class).setParameter(1, a.id).getResultList()))
                .chain(rows -> {
                    Map<UUID, Long> cited = new HashMap<>();
                    rows.forEach(r -> cited.put((UUID) r[0], ((Number) r[1]).longValue()));
                    return legalDocuments.findByIds(cited.keySet()).chain(docs -> relations.touching(cited.keySet())
                            .chain(links -> sources(links).map(sources -> {
                                List<ExternalDocumentView> out = new ArrayList<>();
                                for (LegalDocument d : docs) {
                                    List<LegalDocument.Incoming> incoming = links.stream().filter(l -> l.targetId.equals(d.id))
                                            .map(l -> new LegalDocument.Incoming(l.kind, sources.get(l.sourceId).effectiveDate)).toList();
                                    LegalStatus status = d.statusOn(today, incoming);
                                    out.add(new ExternalDocumentView(d.id, d.number, d.title, d.effectiveDate, status, status.label(),
                                            cited.get(d.id)));
                                }
                                out.sort((x, y) -> x.number().compareTo(y.number()));
                                return out;
                            })));
                });
    }

    private Uni<Map<UUID, LegalDocument>> sources(List<LegalRelation> links) {
        return legalDocuments.findByIds(links.stream().map(l -> l.sourceId).collect(Collectors.toSet()))
                .map(list -> list.stream().collect(Collectors.toMap(d -> d.id, Function.identity())));
    }

    private Uni<List<HandledView>> handled(UUID agencyId) {
        return AgencyProcedure.<AgencyProcedure>list("agencyId", agencyId).chain(rows -> {
            Map<UUID, LocalDate> since = rows.stream().collect(Collectors.toMap(r -> r.procedureId, r -> r.since));
            return (since.isEmpty() ? Uni.createFrom().item(List.<AdministrativeProcedure>of()) : procedures.list("id in ?1", since.keySet()))
                    .map(list -> list.stream().sorted((x, y) -> x.code.compareTo(y.code))
                            .map(p -> new HandledView(p.id, p.code, p.name, p.processingDays, p.status.name(), since.get(p.id))).toList());
        });
    }

    private static TrailEntry.On trailOf(Agency agency) {
        return TrailEntry.on("agency", agency.id, agency.ref());
    }

    private Uni<Agency> require(UUID id, boolean write) {
        return agencies.findById(id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("agency", id);
            }
            if (write) {
                scope.requireWrite(a.ref());
            } else {
                scope.requireRead(a.ref());
            }
            return a;
        });
    }
}
