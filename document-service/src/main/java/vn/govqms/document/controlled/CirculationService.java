package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.controlled.DocumentDtos.DistributionView;
import vn.govqms.document.controlled.DocumentDtos.NewPeriodicReview;
import vn.govqms.document.controlled.DocumentDtos.PeriodicOutcome;
import vn.govqms.document.controlled.DocumentDtos.PeriodicReviewView;
import vn.govqms.document.controlled.DocumentDtos.Publication;
import vn.govqms.document.controlled.DocumentDtos.Recipient;
import vn.govqms.document.controlled.DocumentDtos.RecipientKind;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.security.Roles;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How an issued document reaches people: distribution with signed receipt (once per recipient and
 * version), posting at the office and on the portal, and periodic reviews.
 */
@ApplicationScoped
public class CirculationService {

    public static final String ACKNOWLEDGED = EventTypes.of("document", "document.acknowledged");

    private static final String LIST = """
            select dd.recipient_kind, dd.recipient, v.revision, dd.acknowledged_by, dd.acknowledged_at
            from document_distribution dd join document_version v on v.id = dd.version_id
            where dd.document_id = ?1 and (?2 = 0 or v.revision = ?2) and (?3 = false or dd.acknowledged_at is null)
            order by v.revision, dd.recipient_kind, dd.recipient""";

    private final DocumentRepository documents;
    private final VersionRepository versions;
    private final AgencyRepository agencies;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final Clock clock;

    private final Scope scope;

    public CirculationService(Scope scope, DocumentRepository documents, VersionRepository versions, AgencyRepository agencies, Outbox outbox,
                              AuditTrail trail, Clock clock) {
        this.scope = scope;
        this.documents = documents;
        this.versions = versions;
        this.agencies = agencies;
        this.outbox = outbox;
        this.trail = trail;
        this.clock = clock;
    }

    /** Who is in the agency's own scope and may act on its documents. */
    record Scoped(ControlledDocument document, Agency agency) {
    }

    @WithTransaction
    public Uni<List<DistributionView>> distribute(UUID documentId, int revision, List<Recipient> recipients, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        requireRole(caller, Roles.ISO_OFFICER);
        return issuedVersion(documentId, revision, caller).chain(found -> Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Recipient r : recipients) {
                chain = chain.chain(() -> session.createNativeQuery("""
                                insert into document_distribution (id, document_id, version_id, recipient_kind, recipient, created_at)
                                values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                        .setParameter(1, documentId).setParameter(2, found.version().id).setParameter(3, r.kind().name())
                        .setParameter(4, r.name().trim()).setParameter(5, now).executeUpdate().replaceWithVoid());
            }
            return chain.chain(() -> trail.record(session, "document", documentId, found.agency().ref(),
                    "distributed revision " + revision, caller.subject(), null, Map.of("recipients", recipients)));
        })).chain(() -> list(documentId, revision, false));
    }

    @WithTransaction
    public Uni<DistributionView> acknowledge(UUID documentId, int revision, Recipient recipient, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return issuedVersion(documentId, revision, caller).chain(found -> Panache.getSession().chain(session -> session
                .createNativeQuery("""
                        update document_distribution set acknowledged_by = ?1, acknowledged_at = ?2
                        where version_id = ?3 and recipient_kind = ?4 and recipient = ?5 and acknowledged_at is null""")
                .setParameter(1, caller.subject()).setParameter(2, now).setParameter(3, found.version().id)
                .setParameter(4, recipient.kind().name()).setParameter(5, recipient.name().trim())
                .executeUpdate()
                .chain(updated -> {
                    if (updated == 0) {
                        throw ProblemException.conflict(recipient.name() + " is not a recipient of revision " + revision
                                + " or has acknowledged it already.");
                    }
                    ControlledDocument d = found.document();
                    return outbox.publish(session, OutgoingEvent.of("document.events", d.agencyId.toString(), ACKNOWLEDGED,
                            "documents/" + d.id + "/versions/" + revision, now, new AcknowledgedData(d.id, d.agencyId, d.code,
                                    revision, recipient.kind().name(), recipient.name().trim(), caller.subject())));
                })))
                .map(ignored -> new DistributionView(recipient.kind(), recipient.name().trim(), revision, caller.subject(), now));
    }

    /** The data of {@code document.acknowledged}. */
    public record AcknowledgedData(UUID documentId, UUID agencyId, String code, int revision, String recipientKind,
                                   String recipient, String acknowledgedBy) {
    }

    @WithSession
    public Uni<List<DistributionView>> distribution(UUID documentId, int revision, boolean pendingOnly, Caller caller) {
        return scoped(documentId, false).chain(ignored -> list(documentId, revision, pendingOnly));
    }

    @WithTransaction
    public Uni<Void> publish(UUID documentId, Publication in, Caller caller) {
        requireRole(caller, Roles.ISO_OFFICER);
        if (in.publishedOn() != null && in.portalUrl() == null) {
            throw ProblemException.invalidField("portalUrl", "is required with publishedOn");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return scoped(documentId, true).chain(found -> {
            ControlledDocument d = found.document();
            if (d.currentRevision == null) {
                throw ProblemException.invalidTransition("document", "not issued", "post or publish", List.of());
            }
            Map<String, Object> before = new java.util.HashMap<>();
            before.put("postedOn", d.postedOn);
            before.put("portalUrl", d.portalUrl);
            before.put("publishedOn", d.publishedOn);
            d.postedOn = in.postedOn();
            d.portalUrl = in.portalUrl();
            d.publishedOn = in.publishedOn();
            d.updatedAt = now;
            return Panache.getSession().chain(session -> session.flush().chain(() -> trail.record(session, "document", d.id,
                    found.agency().ref(), "posted/published", caller.subject(), before, in)));
        });
    }

    @WithTransaction
    public Uni<PeriodicReviewView> review(UUID documentId, NewPeriodicReview in, Caller caller) {
        if (!caller.hasRole(Roles.ISO_OFFICER) && !caller.hasRole(Roles.AGENCY_HEAD)) {
            throw ProblemException.forbidden("The agency's ISO officer or head records periodic reviews.");
        }
        if (in.nextReviewDate() != null && !in.nextReviewDate().isAfter(in.reviewedOn())) {
            throw ProblemException.invalidField("nextReviewDate", "must be after reviewedOn");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return scoped(documentId, true).chain(found -> {
            ControlledDocument d = found.document();
            UUID id = UUID.randomUUID();
            d.nextReviewDate = in.nextReviewDate();
            d.updatedAt = now;
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into document_periodic_review (id, document_id, reviewer, reviewed_on, outcome, note, next_review_date, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, id).setParameter(2, d.id).setParameter(3, caller.subject()).setParameter(4, in.reviewedOn())
                    .setParameter(5, in.outcome().name()).setParameter(6, in.note()).setParameter(7, in.nextReviewDate())
                    .setParameter(8, now).executeUpdate()
                    .chain(() -> session.flush())
                    .chain(() -> trail.record(session, "document", d.id, found.agency().ref(), "periodic review", caller.subject(),
                            null, in)))
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

    private Uni<List<DistributionView>> list(UUID documentId, int revision, boolean pendingOnly) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LIST, Object[].class)
                        .setParameter(1, documentId).setParameter(2, revision).setParameter(3, pendingOnly).getResultList())
                .map(rows -> {
                    List<DistributionView> out = new ArrayList<>();
                    for (Object[] r : rows) {
                        out.add(new DistributionView(RecipientKind.valueOf((String) r[0]), (String) r[1], ((Number) r[2]).intValue(),
                                (String) r[3], toTime(r[4])));
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

    private Uni<Found> issuedVersion(UUID documentId, int revision, Caller caller) {
        return scoped(documentId, true).chain(s -> versions.byRevision(documentId, revision).map(v -> {
            if (v == null) {
                throw ProblemException.notFound("revision of document " + documentId, revision);
            }
            if (v.status != VersionStatus.ISSUED) {
                throw ProblemException.invalidTransition("document version", v.status.name(), "distribute or acknowledge",
                        List.of());
            }
            return new Found(s.document(), s.agency(), v);
        }));
    }

    private static void requireRole(Caller caller, String role) {
        if (!caller.hasRole(role)) {
            throw ProblemException.forbidden("Only the " + role + " may do this.");
        }
    }

    private static java.time.LocalDate toDate(Object o) {
        return o == null ? null : o instanceof java.time.LocalDate d ? d : java.time.LocalDate.parse(o.toString());
    }

    private static OffsetDateTime toTime(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.time.LocalDateTime l) {
            return l.atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(o.toString());
    }
}
