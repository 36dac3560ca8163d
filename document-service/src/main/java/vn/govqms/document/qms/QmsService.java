package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.agency.QmsStatus;
import vn.govqms.document.legal.LegalDocument;
import vn.govqms.document.legal.LegalDocumentRepository;
import vn.govqms.document.legal.LegalRelation;
import vn.govqms.document.legal.LegalRelationRepository;
import vn.govqms.document.legal.LegalStatus;
import vn.govqms.document.qms.QmsDtos.AnnouncementView;
import vn.govqms.document.qms.QmsDtos.ExternalDocumentView;
import vn.govqms.document.qms.QmsDtos.HandledProcedures;
import vn.govqms.document.qms.QmsDtos.HandledView;
import vn.govqms.document.qms.QmsDtos.NewAnnouncement;
import vn.govqms.document.qms.QmsDtos.Progress;
import vn.govqms.document.tthc.AdministrativeProcedure;
import vn.govqms.document.tthc.ListUpdates;
import vn.govqms.document.tthc.ProcedureRepository;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An agency's QMS: building and applying it, announcing conformity, the TTHCs in its scope (adding
 * some to an announced system requires re-announcement) and the legal documents it controls.
 */
@ApplicationScoped
public class QmsService {

    private static final String EXTERNAL_DOCUMENTS = """
            select b.legal_document_id, count(distinct d.id)
            from controlled_document d
            join document_version v on v.document_id = d.id and v.status = 'ISSUED'
            join document_version_legal_basis b on b.version_id = v.id
            where d.agency_id = ?1
            group by b.legal_document_id""";

    private final AgencyRepository agencies;
    private final ProcedureRepository procedures;
    private final LegalDocumentRepository legalDocuments;
    private final LegalRelationRepository relations;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final Clock clock;
    private final ListUpdates listUpdates;

    private final Scope scope;

    public QmsService(Scope scope, AgencyRepository agencies, ProcedureRepository procedures, LegalDocumentRepository legalDocuments,
                      LegalRelationRepository relations, Outbox outbox, AuditTrail trail, Clock clock, ListUpdates listUpdates) {
        this.scope = scope;
        this.listUpdates = listUpdates;
        this.agencies = agencies;
        this.procedures = procedures;
        this.legalDocuments = legalDocuments;
        this.relations = relations;
        this.outbox = outbox;
        this.trail = trail;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Agency> progress(UUID agencyId, Progress in, String ifMatch, Caller caller) {
        if (in.status() == QmsStatus.ANNOUNCED) {
            throw ProblemException.invalidField("status", "a system is announced by posting an announcement");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return require(agencyId, true).call(agency -> {
            ETags.requireMatch(ifMatch, agency.version);
            Map<String, Object> before = new HashMap<>();
            before.put("qmsStatus", agency.qmsStatus);
            before.put("standardEdition", agency.standardEdition);
            agency.qmsStatus = in.status();
            agency.standardEdition = in.standardEdition();
            agency.updatedAt = now;
            return Panache.getSession().chain(session -> session.flush().chain(() -> trail.record(session, "agency", agency.id,
                    agency.ref(), "qms progress", caller.subject(), before, in)));
        });
    }

    @WithTransaction
    public Uni<AnnouncementView> announce(UUID agencyId, NewAnnouncement in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.notifiedLeadAgencyOn() != null && in.notifiedLeadAgencyOn().isBefore(in.decisionDate())) {
            throw ProblemException.invalidField("notifiedLeadAgencyOn", "must not be before decisionDate");
        }
        return require(agencyId, true).chain(agency -> {
            boolean again = agency.qmsStatus == QmsStatus.ANNOUNCED;
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
            agency.announced(in.standardEdition(), now);
            return a.persist().chain(() -> Panache.getSession()).chain(session -> session.flush()
                            .chain(() -> outbox.publish(session, QmsEvents.announced(a, again, now)))
                            .chain(() -> trail.record(session, "agency", agency.id, agency.ref(), again ? "re-announced" : "announced",
                                    caller.subject(), null, in)))
                    .map(ignored -> AnnouncementView.of(a));
        });
    }

    @WithSession
    public Uni<List<AnnouncementView>> announcements(UUID agencyId, Caller caller) {
        return require(agencyId, false).chain(a -> QmsAnnouncement.<QmsAnnouncement>list("agencyId", Sort.by("decisionDate"), a.id))
                .map(list -> list.stream().map(AnnouncementView::of).toList());
    }

    /** Replaces the TTHCs the agency handles; new ones in an announced system's scope require re-announcement. */
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
                    String reason = "Bổ sung " + added.size() + " thủ tục hành chính vào phạm vi áp dụng từ " + in.since() + ".";
                    boolean reannounce = !added.isEmpty() && agency.scopeChanged(reason, now);
                    return chain.chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : AgencyProcedure.persist(rows))
                            .chain(() -> Panache.getSession()).chain(session -> session.flush()
                                    .chain(() -> reannounce ? outbox.publish(session, QmsEvents.reannouncementRequired(agency.id, reason,
                                            added, now)) : Uni.createFrom().voidItem())
                                    .chain(() -> listUpdates.listUpdated(session, agency.id, caller.subject(), now))
                                    .chain(() -> trail.record(session, "agency", agency.id, agency.ref(), "tthc scope",
                                            caller.subject(), Map.of("procedureIds", had), Map.of("procedureIds", wanted))))
                            .chain(() -> handled(agency.id));
                });
            });
        });
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
