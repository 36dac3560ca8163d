package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.controlled.DocumentDtos.DistributionView;
import vn.govqms.document.controlled.DocumentDtos.NewPeriodicReview;
import vn.govqms.document.controlled.DocumentDtos.PeriodicOutcome;
import vn.govqms.document.controlled.DocumentDtos.PeriodicReviewView;
import vn.govqms.document.controlled.DocumentDtos.Acknowledgement;
import vn.govqms.document.controlled.DocumentDtos.NewPosting;
import vn.govqms.document.controlled.DocumentDtos.PaperReceipt;
import vn.govqms.document.controlled.DocumentDtos.Publication;
import vn.govqms.document.controlled.DocumentDtos.Recipient;
import vn.govqms.document.controlled.DocumentDtos.RecipientKind;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.time.ClockProducer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How an issued document reaches people: distribution to named recipients with their own receipt (once per
 * recipient and version; who may sign is {@link ReceiptPolicy}), posting at the office and on the portal
 * ({@link PostingService}), and periodic reviews.
 */
@ApplicationScoped
public class CirculationService {

    public static final String ACKNOWLEDGED = EventTypes.of("document", "document.acknowledged");

    /** The issuing agency's units: the agencies under it in the tree, with their names. */
    private static final String UNITS = """
            with recursive sub(id) as (select id from agency where parent_id = ?1
                                       union select a.id from agency a join sub on a.parent_id = sub.id)
            select a.id, a.name from agency a join sub on sub.id = a.id where a.id in (?2)""";

    @Inject DocumentRepository documents;
    @Inject VersionRepository versions;
    @Inject AgencyRepository agencies;
    @Inject PostingService postings;
    @Inject UnitOfWork work;
    @Inject Clock clock;

    @Inject Scope scope;

    /** Who is in the agency's own scope and may act on its documents. */
    record Scoped(ControlledDocument document, Agency agency) {
    }

    @WithTransaction
    public Uni<List<DistributionView>> distribute(UUID documentId, int revision, List<Recipient> recipients, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        DocumentPolicy.requireDistributor(caller);
        Set<UUID> unitIds = new LinkedHashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            if (r.kind() == RecipientKind.PERSON) {
                if (r.subject() == null || r.subject().isBlank()) {
                    throw ProblemException.invalidField("recipients[" + i + "].subject", "a person is named by the subject of their token");
                }
                if (r.name() == null || r.name().isBlank()) {
                    throw ProblemException.invalidField("recipients[" + i + "].name", "must not be blank");
                }
            } else if (r.unitId() == null) {
                throw ProblemException.invalidField("recipients[" + i + "].unitId", "a unit is named by its agency id");
            } else {
                unitIds.add(r.unitId());
            }
        }
        return issuedVersion(documentId, revision, caller, "distribute").chain(found -> units(found.agency(), unitIds)
                .chain(unitNames -> Panache.getSession().chain(session -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    Set<String> keys = new LinkedHashSet<>();
                    for (Recipient r : recipients) {
                        String key = r.key();
                        keys.add(key);
                        String name = r.name() != null && !r.name().isBlank() ? r.name().trim()
                                : r.kind() == RecipientKind.UNIT ? unitNames.get(r.unitId()) : key;
                        chain = chain.chain(() -> session.createNativeQuery("""
                                        insert into document_distribution (id, document_id, version_id, recipient_kind, recipient, recipient_name,
                                                                           named_only, created_at)
                                        values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, false, ?6) on conflict do nothing""")
                                .setParameter(1, documentId).setParameter(2, found.version().id).setParameter(3, r.kind().name())
                                .setParameter(4, key).setParameter(5, name).setParameter(6, now).executeUpdate().replaceWithVoid());
                    }
                    return chain.chain(() -> work.record(session, () -> Outcome.of(TrailEntry.on("document", documentId, found.agency().ref())
                                    .did("distributed revision " + revision, caller.subject(), null, Map.of("recipients", recipients)))))
                            .chain(() -> session.createSelectionQuery("from DistributionEntry e where e.versionId = :version "
                                            + "and e.recipient in :keys order by e.kind, e.recipientName", DistributionEntry.class)
                                    .setParameter("version", found.version().id).setParameter("keys", keys).getResultList())
                            .map(entries -> entries.stream().map(e -> e.view(revision)).toList());
                })));
    }

    /** The units named, with their names: each must be under the issuing agency (422 naming the others). */
    private Uni<Map<UUID, String>> units(Agency issuer, Set<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UNITS, Object[].class)
                        .setParameter(1, issuer.id).setParameter(2, unitIds).getResultList())
                .map(rows -> {
                    Map<UUID, String> names = new HashMap<>();
                    for (Object[] r : rows) {
                        names.put((UUID) r[0], (String) r[1]);
                    }
                    List<String> others = unitIds.stream().filter(id -> !names.containsKey(id)).map(UUID::toString).toList();
                    if (!others.isEmpty()) {
                        throw ProblemException.unprocessable("recipient-not-a-unit", "Not a unit of the agency",
                                "A unit recipient is an agency under " + issuer.name + " in the tree; these are not: "
                                        + String.join(", ", others) + ". Name a person by the subject of their token instead.",
                                Map.of("unitIds", others));
                    }
                    return names;
                });
    }

    @WithTransaction
    public Uni<DistributionView> acknowledge(UUID documentId, int revision, Acknowledgement in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Recipient recipient = in.recipient();
        String key = recipient.key();
        if (key == null) {
            throw ProblemException.invalidField("recipient", "names no one: give subject (PERSON) or unitId (UNIT)");
        }
        PaperReceipt paper = in.paper();
        if (paper != null && paper.signedOn().isAfter(scope.today())) {
            throw ProblemException.invalidField("paper.signedOn", "must not be in the future");
        }
        return documents.findWithAgency(documentId, false).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("document", documentId);
            }
            return versions.byRevision(documentId, revision).chain(v -> {
                requireIssued(v, documentId, revision, "acknowledge");
                return DistributionEntry.<DistributionEntry>find("versionId = ?1 and kind = ?2 and recipient = ?3", v.id,
                                recipient.kind(), key).firstResult()
                        .chain(entry -> {
                            if (entry == null) {
                                if (paper == null) {
                                    throw ProblemException.forbidden(key + " is not a named recipient of revision " + revision
                                            + ": only those the distribution names sign for it.");
                                }
                                scope.requireWrite(found.agency().ref());
                                throw ProblemException.notFound("recipient of revision " + revision, key);
                            }
                            UUID unitId = entry.unitId();
                            Uni<Agency> unit = unitId == null ? Uni.createFrom().nullItem() : agencies.findById(unitId);
                            return unit.chain(u -> {
                                ReceiptPolicy.requireMayAcknowledge(entry, paper, caller, scope, found.agency().ref(), u == null ? null : u.ref());
                                if (paper == null) {
                                    entry.acknowledgeByToken(caller.subject(), now);
                                } else {
                                    if (v.issuedAt != null && paper.signedOn().isBefore(issuedOn(v))) {
                                        throw ProblemException.invalidField("paper.signedOn", "must not be before the revision was issued ("
                                                + issuedOn(v) + ")");
                                    }
                                    entry.acknowledgeOnPaper(caller.subject(), paper.signedOn(), paper.evidence().trim(), now);
                                }
                                return acknowledged(found.document(), found.agency(), entry, revision, caller, now);
                            });
                        });
            });
        });
    }

    private Uni<DistributionView> acknowledged(ControlledDocument d, Agency agency, DistributionEntry entry, int revision, Caller caller,
                                               OffsetDateTime now) {
        return work.record(() -> Outcome.of(TrailEntry.on("document", d.id, agency.ref()).did("acknowledged revision " + revision, caller.subject(), null,
                        entry.view(revision)), OutgoingEvent.of("document.events", d.agencyId.toString(), ACKNOWLEDGED,
                        "documents/" + d.id + "/versions/" + revision, now, new AcknowledgedData(d.id, d.agencyId, d.code, revision,
                                entry.kind.name(), entry.recipient, entry.displayName(), entry.acknowledgedBy, entry.method.name(),
                                entry.recordedBy, entry.signedOn))))
                .map(ignored -> entry.view(revision));
    }

    /** The data of {@code document.acknowledged}. */
    public record AcknowledgedData(UUID documentId, UUID agencyId, String code, int revision, String recipientKind,
                                   String recipient, String recipientName, String acknowledgedBy, String method, String recordedBy,
                                   LocalDate signedOn) {
    }

    /** Who has and has not acknowledged: {@code acknowledged} true, false or null (everyone). */
    @WithSession
    public Uni<Page<DistributionView>> distribution(UUID documentId, int revision, Boolean acknowledged, PageRequest page, Caller caller) {
        String where = " from DistributionEntry e join DocumentVersion v on v.id = e.versionId where e.documentId = :document"
                + (revision > 0 ? " and v.revision = :revision" : "")
                + (acknowledged == null ? "" : acknowledged ? " and e.acknowledgedAt is not null" : " and e.acknowledgedAt is null");
        return scoped(documentId, false).chain(ignored -> Panache.getSession().chain(session -> {
            var items = session.createSelectionQuery("select e, v.revision" + where + " order by v.revision, e.kind, e.recipientName, e.recipient",
                    Object[].class).setParameter("document", documentId);
            var count = session.createSelectionQuery("select count(e)" + where, Long.class).setParameter("document", documentId);
            if (revision > 0) {
                items.setParameter("revision", revision);
                count.setParameter("revision", revision);
            }
            return items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .chain(rows -> count.getSingleResult().map(total -> Page.of(rows.stream()
                            .map(r -> ((DistributionEntry) r[0]).view((Integer) r[1])).toList(), page, total)));
        }));
    }

    /** The revision in force, posted and published as the older API says it: recorded as postings of that revision. */
    @WithTransaction
    public Uni<Void> publish(UUID documentId, Publication in, Caller caller) {
        DocumentPolicy.requireDistributor(caller);
        if (in.publishedOn() != null && in.portalUrl() == null) {
            throw ProblemException.invalidField("portalUrl", "is required with publishedOn");
        }
        return scoped(documentId, true).chain(found -> {
            ControlledDocument d = found.document();
            if (d.currentRevision == null) {
                throw ProblemException.invalidTransition("document", "not issued", "post or publish", List.of());
            }
            Map<String, Object> before = new HashMap<>();
            before.put("postedOn", d.postedOn);
            before.put("portalUrl", d.portalUrl);
            before.put("publishedOn", d.publishedOn);
            d.postedOn = in.postedOn();
            d.portalUrl = in.portalUrl();
            d.publishedOn = in.publishedOn();
            d.touch();
            Uni<?> chain = Uni.createFrom().voidItem();
            if (in.postedOn() != null) {
                chain = chain.chain(() -> postings.record(documentId, d.currentRevision,
                        new NewPosting(PostingChannel.NOTICE_BOARD, in.postedOn(), null, null), caller));
            }
            if (in.publishedOn() != null) {
                chain = chain.chain(() -> postings.record(documentId, d.currentRevision,
                        new NewPosting(PostingChannel.PORTAL, in.publishedOn(), null, in.portalUrl()), caller));
            }
            return chain.chain(() -> work.record(() -> Outcome.of(TrailEntry.on("document", d.id, found.agency().ref()).did("posted/published", caller.subject(),
                    before, in))));
        });
    }

    @WithTransaction
    public Uni<PeriodicReviewView> review(UUID documentId, NewPeriodicReview in, Caller caller) {
        DocumentPolicy.requirePeriodicReviewer(caller);
        if (in.nextReviewDate() != null && !in.nextReviewDate().isAfter(in.reviewedOn())) {
            throw ProblemException.invalidField("nextReviewDate", "must be after reviewedOn");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return scoped(documentId, true).chain(found -> {
            ControlledDocument d = found.document();
            UUID id = UUID.randomUUID();
            d.nextReviewDate = in.nextReviewDate();
            d.touch();
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into document_periodic_review (id, document_id, reviewer, reviewed_on, outcome, note, next_review_date, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, id).setParameter(2, d.id).setParameter(3, caller.subject()).setParameter(4, in.reviewedOn())
                    .setParameter(5, in.outcome().name()).setParameter(6, in.note()).setParameter(7, in.nextReviewDate())
                    .setParameter(8, now).executeUpdate()
                    .chain(() -> work.record(session, () -> Outcome.of(TrailEntry.on("document", d.id, found.agency().ref()).did("periodic review",
                            caller.subject(), null, in)))))
                    .map(ignored -> new PeriodicReviewView(id, caller.subject(), in.reviewedOn(), in.outcome(), in.note(),
                            in.nextReviewDate(), now));
        });
    }

    @WithSession
    public Uni<List<PeriodicReviewView>> reviews(UUID documentId, Caller caller) {
        return scoped(documentId, false).chain(found -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, reviewer, reviewed_on, outcome, note, next_review_date, created_at from document_periodic_review
                        where document_id = ?1 order by reviewed_on, created_at""", Object[].class)
                .setParameter(1, documentId).getResultList()))
                .map(rows -> {
                    List<PeriodicReviewView> out = new ArrayList<>();
                    for (Object[] r : rows) {
                        out.add(new PeriodicReviewView((UUID) r[0], (String) r[1], toDate(r[2]), PeriodicOutcome.valueOf((String) r[3]),
                                (String) r[4], toDate(r[5]), toTime(r[6])));
                    }
                    return out;
                });
    }

    private Uni<Scoped> scoped(UUID documentId, boolean write) {
        return documents.findById(documentId).chain(d -> {
            if (d == null) {
                throw ProblemException.notFound("document", documentId);
            }
            return agencies.findById(d.agencyId).map(a -> {
                if (write) {
                    scope.requireWrite(a.ref());
                } else {
                    scope.requireRead(a.ref());
                }
                return new Scoped(d, a);
            });
        });
    }

    record Found(ControlledDocument document, Agency agency, DocumentVersion version) {
    }

    private Uni<Found> issuedVersion(UUID documentId, int revision, Caller caller, String action) {
        return scoped(documentId, true).chain(s -> versions.byRevision(documentId, revision).map(v -> {
            requireIssued(v, documentId, revision, action);
            return new Found(s.document(), s.agency(), v);
        }));
    }

    /** The day a version was issued, in Vietnam. */
    static LocalDate issuedOn(DocumentVersion v) {
        return v.issuedAt.atZoneSameInstant(ClockProducer.VIETNAM).toLocalDate();
    }

    private static void requireIssued(DocumentVersion v, UUID documentId, int revision, String action) {
        if (v == null) {
            throw ProblemException.notFound("revision of document " + documentId, revision);
        }
        if (v.status != VersionStatus.ISSUED) {
            throw ProblemException.invalidTransition("document version", v.status.name(), action, List.of());
        }
    }

    private static LocalDate toDate(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : LocalDate.parse(o.toString());
    }

    private static OffsetDateTime toTime(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(o.toString());
    }
}
