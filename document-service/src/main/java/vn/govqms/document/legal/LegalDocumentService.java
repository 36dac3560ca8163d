package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.legal.LegalDtos.LegalDocumentUpdate;
import vn.govqms.document.legal.LegalDtos.LegalDocumentView;
import vn.govqms.document.legal.LegalDtos.NewLegalDocument;
import vn.govqms.document.legal.LegalDtos.RelationInput;
import vn.govqms.document.legal.LegalDtos.RelationView;
import vn.govqms.document.procedurereview.ReviewTaskQueries;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The register of legal documents. Registering a document that amends, replaces or repeals others,
 * or correcting one, publishes {@code legal-document.changed} for each document concerned: that is
 * what starts the review of the procedures relying on them.
 */
@ApplicationScoped
public class LegalDocumentService {

    @Inject LegalDocumentRepository documents;
    @Inject LegalRelationRepository relations;
    @Inject Outbox outbox;
    @Inject UnitOfWork work;
    @Inject ReviewTaskQueries reviews;
    @Inject Registers registers;
    @Inject Clock clock;

    @Inject Scope scope;

    /**
     * Registers a document in its issuer's register (national: national-admin; a province's: its steering
     * committee), with the documents it acts on resolved within the issuer's authority. A refusal changes nothing.
     */
    @WithTransaction
    public Uni<LegalDocumentView> register(NewLegalDocument in, Caller caller) {
        scope.requireRegisterWriter(in.provinceCode());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<RelationInput> rels = in.relations() == null ? List.of() : in.relations();
        IssuingAuthority authority = registers.authority(in.provinceCode(), in.issuedDate());
        return documents.findByNumber(in.number(), in.provinceCode())
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Legal document " + in.number() + " is already in "
                                + authority.label() + " (id " + existing.id + ").");
                    }
                })
                .chain(() -> resolveTargets(authority, rels))
                .chain(targets -> {
                    LegalDocument doc = LegalDocument.register(in.number(), in.type(), in.issuer().trim(), in.title().trim(),
                            in.issuedDate(), in.effectiveDate(), in.expiryDate(), in.provinceCode(), now);
                    List<LegalRelation> links = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < rels.size(); i++) {
                        LegalDocument target = targets.get(i);
                        if (!seen.add(rels.get(i).kind() + "/" + target.id)) {
                            throw ProblemException.invalidField("relations[" + i + "]", "repeats an earlier relation");
                        }
                        links.add(LegalRelation.of(doc.id, rels.get(i).kind(), target.id, blankToNull(rels.get(i).articles())));
                    }
                    return documents.persist(doc)
                            .chain(() -> links.isEmpty() ? Uni.createFrom().voidItem() : relations.persist(links))
                            .chain(() -> Panache.getSession())
                            .chain(session -> work.record(session, () -> Outcome.of(TrailEntry.on("legal-document", doc.id, null).did("registered", caller.subject(),
                                            null, in), LegalEvents.registered(doc, now)))
                                    .chain(() -> publishChanges(session, doc, links, targets, now)))
                            .chain(() -> view(doc, LocalDate.now(clock)));
                });
    }

    @WithTransaction
    public Uni<LegalDocumentView> update(UUID id, LegalDocumentUpdate in, String ifMatch, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return require(id).chain(doc -> {
            scope.requireRegisterWriter(doc.provinceCode);
            ETags.requireMatch(ifMatch, doc.version);
            LegalDocumentUpdate before = new LegalDocumentUpdate(doc.issuer, doc.title, doc.issuedDate, doc.effectiveDate,
                    doc.expiryDate);
            boolean effectiveMoved = !doc.effectiveDate.equals(in.effectiveDate());
            doc.describe(in.issuer().trim(), in.title().trim(), in.issuedDate(), in.effectiveDate(), in.expiryDate());
            return Panache.getSession().chain(session -> work.record(session, () -> Outcome.of(TrailEntry.on("legal-document", doc.id, null).did("updated",
                            caller.subject(), before, in), LegalEvents.changed(doc, ChangeKind.UPDATED, null, null, now)))
                    // documents it acts on take the change from the new date: say so again
                    .chain(() -> effectiveMoved ? relations.from(doc.id).chain(links -> documents
                            .findByIds(links.stream().map(l -> l.targetId).toList())
                            .chain(targets -> publishChanges(session, doc, withinAuthority(doc, links, targets), targets, now)))
                            : Uni.createFrom().voidItem()))
                    .chain(() -> view(doc, LocalDate.now(clock)));
        });
    }

    @WithSession
    public Uni<LegalDocumentView> get(UUID id, LocalDate asOf) {
        return require(id).chain(doc -> view(doc, asOf == null ? LocalDate.now(clock) : asOf));
    }

    /**
     * The register, read by every role: national documents and the provinces' own ({@code national} true: national
     * only; false: provincial only), of {@code provinceCode} when given, else of the caller's province (national-admin:
     * every province's).
     */
    @WithSession
    public Uni<Page<LegalDocumentView>> list(String text, LegalDocumentType type, Boolean national, String provinceCode,
                                             PageRequest page, LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        var filter = new LegalDocumentRepository.Filter(text, type, national, registers.listing(provinceCode));
        return documents.list(filter, page).chain(p -> views(p.items(), date)
                .map(views -> new Page<>(views, p.page(), p.size(), p.total())));
    }

    private Uni<Void> publishChanges(Mutiny.Session session, LegalDocument by, List<LegalRelation> links,
                                     List<LegalDocument> targets, OffsetDateTime now) {
        Map<UUID, LegalDocument> byId = targets.stream().collect(Collectors.toMap(t -> t.id, Function.identity(), (a, b) -> a));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (LegalRelation link : links) {
            ChangeKind change = link.kind.change();
            if (change != null) {
                LegalDocument target = byId.get(link.targetId);
                chain = chain.chain(() -> outbox.publish(session, LegalEvents.changed(target, change, by, link.articles, now)))
                        .chain(() -> reviews.legalDocumentChanged(session, target.id, change.name(), by.id,
                                summary(target, change, by, link.articles), by.effectiveDate))
                        .replaceWithVoid();
            }
        }
        return chain;
    }

    /** What officials read in their review task, e.g. "Văn bản 19/2014/QĐ-TTg được sửa đổi, bổ sung bởi 12/2020/QĐ-TTg". */
    static String summary(LegalDocument target, ChangeKind change, LegalDocument by, String articles) {
        String what = switch (change) {
            case AMENDED -> "được sửa đổi, bổ sung" + (articles == null ? "" : " (" + articles + ")");
            case REPLACED -> "bị thay thế";
            case REPEALED -> "bị bãi bỏ";
            case UPDATED -> "được đính chính";
            case EXPIRED -> "hết hiệu lực";
        };
        return "Văn bản " + target.number + " " + what + " bởi " + by.number + ", hiệu lực từ " + by.effectiveDate + ".";
    }

    /**
     * The relations a re-dated document announces again: those its authority allows (a relation registered
     * before registers had owners may name a document of another register; it is not announced again).
     */
    private List<LegalRelation> withinAuthority(LegalDocument doc, List<LegalRelation> links, List<LegalDocument> targets) {
        IssuingAuthority authority = registers.authority(doc.provinceCode, doc.issuedDate);
        Map<UUID, LegalDocument> byId = targets.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        return links.stream().filter(l -> {
            boolean allowed = RelationTargets.mayAct(authority, l.kind, byId.get(l.targetId));
            if (!allowed) {
                Log.warnf("Legal document %s (%s) is not announced again to %s: outside %s", doc.number, doc.id, l.targetId,
                        authority.label());
            }
            return allowed;
        }).toList();
    }

    /** The targets of the relations, in order, within the issuer's authority; 422 for an unknown, ambiguous or foreign one. */
    private Uni<List<LegalDocument>> resolveTargets(IssuingAuthority authority, List<RelationInput> rels) {
        Uni<List<LegalDocument>> chain = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < rels.size(); i++) {
            RelationInput r = rels.get(i);
            String field = "relations[" + i + "]";
            if ((r.targetId() == null) == (r.targetNumber() == null || r.targetNumber().isBlank())) {
                throw ProblemException.invalidField(field, "give either targetNumber or targetId");
            }
            Uni<LegalDocument> lookup = r.targetId() != null
                    ? documents.findById(r.targetId()).map(found -> RelationTargets.byId(authority, r.kind(), r.targetId(), found, field))
                    : documents.allByNumber(r.targetNumber().trim())
                            .map(found -> RelationTargets.byNumber(authority, r.kind(), r.targetNumber().trim(), found, field));
            chain = chain.chain(list -> lookup.map(target -> {
                list.add(target);
                return list;
            }));
        }
        return chain;
    }

    private Uni<LegalDocumentView> view(LegalDocument doc, LocalDate asOf) {
        return views(List.of(doc), asOf).map(v -> v.get(0));
    }

    private Uni<List<LegalDocumentView>> views(List<LegalDocument> docs, LocalDate asOf) {
        List<UUID> ids = docs.stream().map(d -> d.id).toList();
        return relations.touching(ids).chain(links -> {
            Set<UUID> others = new HashSet<>();
            links.forEach(l -> {
                others.add(l.sourceId);
                others.add(l.targetId);
            });
            return documents.findByIds(others).map(found -> {
                Map<UUID, LegalDocument> byId = found.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
                docs.forEach(d -> byId.put(d.id, d));
                List<LegalDocumentView> result = new ArrayList<>();
                for (LegalDocument d : docs) {
                    List<RelationView> rv = new ArrayList<>();
                    List<LegalDocument.Incoming> incoming = new ArrayList<>();
                    for (LegalRelation l : links) {
                        if (l.sourceId.equals(d.id)) {
                            LegalDocument other = byId.get(l.targetId);
                            rv.add(new RelationView(l.kind, "OUTGOING", other.id, other.number, d.effectiveDate, l.articles));
                        } else if (l.targetId.equals(d.id)) {
                            LegalDocument other = byId.get(l.sourceId);
                            rv.add(new RelationView(l.kind, "INCOMING", other.id, other.number, other.effectiveDate, l.articles));
                            incoming.add(new LegalDocument.Incoming(l.kind, other.effectiveDate));
                        }
                    }
                    LegalStatus status = d.statusOn(asOf, incoming);
                    result.add(new LegalDocumentView(d.id, d.number, d.type, d.type.label(), d.issuer, d.title, d.issuedDate,
                            d.effectiveDate, d.expiryDate, d.provinceCode, status, status.label(), asOf, rv, d.version,
                            d.createdAt, d.updatedAt));
                }
                return result;
            });
        });
    }

    private Uni<LegalDocument> require(UUID id) {
        return documents.findById(id).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("legal document", id);
            }
            return d;
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
