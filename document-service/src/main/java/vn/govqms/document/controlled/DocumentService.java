package vn.govqms.document.controlled;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.controlled.DocumentDtos.DocumentContent;
import vn.govqms.document.controlled.DocumentDtos.DocumentView;
import vn.govqms.document.controlled.DocumentDtos.NewDocument;
import vn.govqms.document.controlled.DocumentDtos.VersionView;
import vn.govqms.document.legal.IssuingAuthority;
import vn.govqms.document.legal.LegalBasis;
import vn.govqms.document.legal.LegalDocumentRepository;
import vn.govqms.document.legal.Registers;
import vn.govqms.document.procedurereview.RevisionIssue;
import vn.govqms.document.tthc.AdministrativeProcedure;
import vn.govqms.document.tthc.ProcedureRepository;
import vn.govqms.document.tthc.ProcedureStatus;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.kit.web.ETags;

import jakarta.ws.rs.core.EntityTag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Controlled documents and their versions. The ISO officer drafts, edits and submits; the agency
 * head returns, approves, issues and abolishes; an issued version is never edited (a change is a
 * new version). A TTHC procedure whose steps take longer than the TTHC's legal processing time
 * cannot be approved.
 */
@ApplicationScoped
public class DocumentService {

    private static final String REDISTRIBUTE = """
            insert into document_distribution (id, document_id, version_id, recipient_kind, recipient, recipient_name, named_only, created_at)
            select distinct on (recipient_kind, recipient) gen_random_uuid(), cast(?2 as uuid), cast(?1 as uuid), recipient_kind,
                   recipient, recipient_name, named_only, cast(?3 as timestamptz)
            from document_distribution where document_id = cast(?2 as uuid) and version_id <> cast(?1 as uuid)
            order by recipient_kind, recipient, created_at desc
            on conflict do nothing""";

    @Inject DocumentRepository documents;
    @Inject VersionRepository versions;
    @Inject AgencyRepository agencies;
    @Inject LegalDocumentRepository legalDocuments;
    @Inject ProcedureRepository procedures;
    @Inject UnitOfWork work;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    @Inject Scope scope;
    @Inject Registers registers;
    @Inject RevisionIssue revisionIssue;
    @Inject IssuedDocuments issued;
    @Inject SyncFeed feeds;

    @WithTransaction
    public Uni<DocumentView> create(NewDocument in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return agencies.findById(in.agencyId()).chain(agency -> {
            if (agency == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "agencyId: no agency with id " + in.agencyId() + ".", Map.of("field", "agencyId"));
            }
            scope.requireWrite(agency.ref());
            return documents.findByCode(agency.id, in.code())
                    .invoke(existing -> {
                        if (existing != null) {
                            throw ProblemException.conflict("Agency " + agency.code + " already has document " + in.code() + ".");
                        }
                    })
                    .chain(() -> checkContent(in.type(), in.content(), agency))
                    .chain(tthc -> {
                        ControlledDocument doc = ControlledDocument.create(agency.id, in.code(), in.title().trim(), in.type(),
                                blankToNull(in.owningUnit()), in.nextReviewDate(), now);
                        DocumentVersion v = DocumentVersion.draft(doc.id, 1, write(in.content()), tthc, now);
                        doc.indexContent(contentText(in.content()));
                        return documents.persist(doc).chain(() -> versions.persist(v))
                                .chain(() -> replaceLegalBases(v.id, in.content().legalBases()))
                                .chain(() -> work.record(() -> Outcome.of(TrailEntry.on("document", doc.id, agency.ref()).did("drafted", caller.subject(), null, in))))
                                .map(ignored -> view(doc, v));
                    });
        });
    }

    @WithTransaction
    public Uni<VersionView> edit(UUID documentId, int revision, DocumentContent content, String ifMatch, Caller caller) {
        return load(documentId, revision, caller, true).chain(found -> {
            ControlledDocument doc = found.document();
            DocumentVersion v = found.version();
            DocumentPolicy.requireMay(VersionAction.EDIT, caller);
            v.require(VersionAction.EDIT);
            ETags.requireMatch(ifMatch, v.version);
            VersionView before = view(v);
            return checkContent(doc.type, content, found.agency()).chain(tthc -> {
                v.edit(write(content), tthc);
                doc.indexContent(contentText(content));
                return replaceLegalBases(v.id, content.legalBases())
                        .chain(() -> work.record(() -> Outcome.of(TrailEntry.on("document", doc.id, found.agency().ref()).did("edited revision " + v.revision,
                                caller.subject(), before, view(v)))))
                        .map(ignored -> view(v));
            });
        });
    }

    /** Moves a version through its lifecycle; {@code value} is the effective date (issue) or the reason (abolish). */
    @WithTransaction
    public Uni<VersionView> act(UUID documentId, int revision, VersionAction action, Object value, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return load(documentId, revision, caller, true).chain(found -> {
            ControlledDocument doc = found.document();
            DocumentVersion v = found.version();
            DocumentPolicy.requireMay(action, caller);
            v.require(action);
            String who = caller.subject();
            String before = v.status.name();
            Uni<String> done = switch (action) {
                case SUBMIT -> Uni.createFrom().item(() -> {
                    v.submit(who, now);
                    return DocumentEvents.SUBMITTED;
                });
                case RETURN -> Uni.createFrom().item(() -> {
                    v.returnToDraft();
                    return (String) null;
                });
                case APPROVE -> checkProcessingTime(doc, v).map(ok -> {
                    v.approve(who, now);
                    return DocumentEvents.APPROVED;
                });
                case ISSUE -> revisionIssue.requireLegalBasesInForce(v, LocalDate.now(clock),
                        value == null ? LocalDate.now(clock) : (LocalDate) value).chain(() -> versions.issued(doc.id)).map(previous -> {
                    previous.forEach(DocumentVersion::supersede);
                    v.issue(who, value == null ? LocalDate.now(clock) : (LocalDate) value, now);
                    doc.currentRevision = v.revision;
                    doc.touch();
                    return DocumentEvents.ISSUED;
                });
                case ABOLISH -> Uni.createFrom().item(() -> {
                    boolean wasCurrent = v.status == VersionStatus.ISSUED;
                    v.abolish((String) value);
                    if (wasCurrent) {
                        doc.currentRevision = null;
                        doc.touch();
                    }
                    return DocumentEvents.ABOLISHED;
                });
                case EDIT -> throw new IllegalArgumentException("edit is not a transition");
            };
            return done.chain(eventType -> Panache.getSession().chain(session -> work.record(session, () -> Outcome.of(TrailEntry.on("document", doc.id,
                            found.agency().ref()).did(action.name().toLowerCase() + " revision " + v.revision, who,
                            Map.of("status", before), Map.of("status", v.status.name())),
                            eventType == null ? null : DocumentEvents.of(eventType, doc, v, who, now)))
                    // a newly issued version asks everyone who received the previous one to acknowledge again
                    .chain(() -> action == VersionAction.ISSUE ? session.createNativeQuery(REDISTRIBUTE)
                            .setParameter(1, v.id).setParameter(2, doc.id).setParameter(3, now).executeUpdate().replaceWithVoid()
                            : Uni.createFrom().voidItem())
                    .chain(() -> action == VersionAction.ISSUE ? revisionIssue.resolveAnswered(session, v, found.agency().ref(), who, now)
                            : Uni.createFrom().voidItem())))
                    .map(ignored -> view(v));
        });
    }

    /** Starts the next revision from the newest one; refused while a revision is still open. */
    @WithTransaction
    public Uni<VersionView> newVersion(UUID documentId, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        DocumentPolicy.requireMay(VersionAction.EDIT, caller);
        return requireDocument(documentId, true).chain(found -> versions.ofDocument(documentId).chain(all -> {
            DocumentVersion latest = all.get(all.size() - 1);
            if (latest.status == VersionStatus.DRAFT || latest.status == VersionStatus.IN_REVIEW
                    || latest.status == VersionStatus.APPROVED) {
                throw ProblemException.invalidTransition("document", "revision " + latest.revision + " " + latest.status,
                        "start a new version", List.of());
            }
            DocumentVersion next = DocumentVersion.draft(documentId, latest.revision + 1, latest.content, latest.tthcProcedureId, now);
            return versions.persist(next)
                    .chain(() -> replaceLegalBases(next.id, read(latest.content).legalBases()))
                    .chain(() -> work.record(() -> Outcome.of(TrailEntry.on("document", documentId, found.agency().ref()).did("drafted revision " + next.revision,
                            caller.subject(), null, Map.of("revision", next.revision)))))
                    .map(ignored -> view(next));
        }));
    }

    /** A document's answer: its bytes ({@code null}: the caller has them, {@code tag} is current) and whether its newest version is issued. */
    public record DocumentRead(EntityTag tag, byte[] body, boolean issued) {
    }

    /**
     * A document with its newest version, as JSON with a strong ETag (a digest of those bytes). When the newest version
     * is issued and this instance answered it before, the answer comes from memory ({@link IssuedDocuments}) after the
     * same scope check: no body when {@code callerHas} its ETag, else the bytes answered before.
     */
    public Uni<DocumentRead> read(UUID documentId, Caller caller, Predicate<EntityTag> callerHas) {
        IssuedDocuments.Known known = issued.get(documentId);
        boolean current = known != null && callerHas.test(known.tag());
        if (current || known != null && known.body() != null) {
            return Uni.createFrom().item(() -> {
                scope.requireRead(known.agency());
                return new DocumentRead(known.tag(), current ? null : known.body(), true);
            });
        }
        long epoch = issued.epoch();
        boolean issuedOnly = DocumentPolicy.issuedOnly(caller);
        return Panache.withSession(() -> readable(documentId, issuedOnly)).map(found -> {
            byte[] body = bytes(view(found.document(), found.newest()));
            EntityTag tag = ETags.ofContent(body);
            // issuedOnly callers see the newest issued version, which may not be the newest: kept from the others only
            boolean newestIssued = found.newest() != null && found.newest().status == VersionStatus.ISSUED;
            if (newestIssued && !issuedOnly) {
                issued.put(documentId, tag, found.agency().ref(), body, epoch);
            }
            return new DocumentRead(tag, body, newestIssued);
        });
    }

    /** A document with its newest version (issued, for an integration), for the deprecated publication's answer. */
    @WithSession
    public Uni<DocumentView> get(UUID documentId, Caller caller) {
        return readable(documentId, DocumentPolicy.issuedOnly(caller)).map(found -> view(found.document(), found.newest()));
    }

    private Uni<DocumentRepository.WithAgency> readable(UUID documentId, boolean issuedOnly) {
        return documents.findWithAgency(documentId, issuedOnly).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("document", documentId);
            }
            scope.requireRead(found.agency().ref());
            if (issuedOnly && found.newest() == null) {
                throw ProblemException.notFound("document", documentId);
            }
            return found;
        });
    }

    private byte[] bytes(DocumentView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @WithSession
    public Uni<List<VersionView>> versions(UUID documentId, Caller caller) {
        boolean issuedOnly = DocumentPolicy.issuedOnly(caller);
        return requireDocument(documentId, false).chain(found -> versions.ofDocument(documentId))
                .map(all -> {
                    List<VersionView> shown = all.stream().filter(v -> !issuedOnly || v.wasIssued()).map(this::view).toList();
                    if (issuedOnly && shown.isEmpty()) {
                        throw ProblemException.notFound("document", documentId);
                    }
                    return shown;
                });
    }

    @WithSession
    public Uni<VersionComparison> compare(UUID documentId, int from, int to, Caller caller) {
        return load(documentId, from, caller, false).chain(a -> versions.byRevision(documentId, to).map(b -> {
            if (b == null || DocumentPolicy.issuedOnly(caller) && !b.wasIssued()) {
                throw ProblemException.notFound("revision of document " + documentId, to);
            }
            return VersionComparison.of(from, read(a.version().content), to, read(b.content));
        }));
    }

    @WithSession
    public Uni<VersionView> version(UUID documentId, int revision, Caller caller) {
        return load(documentId, revision, caller, false).map(found -> view(found.version()));
    }

    @WithSession
    public Uni<Page<DocumentView>> list(DocumentRepository.Filter requested, PageRequest page, Caller caller) {
        UUID agencyId = requested.agencyId();
        Uni<DocumentRepository.Filter> filter;
        if (agencyId != null) {
            filter = agencies.findById(agencyId).map(a -> {
                if (a == null) {
                    throw ProblemException.invalidField("agencyId", "no agency with id " + agencyId);
                }
                scope.requireRead(a.ref());
                return requested;
            });
        } else {
            filter = Uni.createFrom().item(requested.within(null, scope.rows(), false));
        }
        boolean issuedOnly = DocumentPolicy.issuedOnly(caller);
        return filter.map(f -> f.within(f.agencyId(), f.scope(), issuedOnly)).chain(f -> documents.list(f, page)).chain(p -> versions
                .latestOf(p.items().stream().map(d -> d.id).toList(), issuedOnly)
                .map(latest -> {
                    Map<UUID, DocumentVersion> byDoc = latest.stream().collect(Collectors.toMap(v -> v.documentId, Function.identity()));
                    return p.map(d -> view(d, byDoc.get(d.id)));
                }));
    }

    /**
     * The documents feed of an officer's app: documents of the agencies the caller reads, changed since a token; a document
     * moved to an agency out of reach (a merger, a split) comes back as a tombstone (trigger on controlled_document).
     */
    public Uni<Changes<DocumentView>> changes(SyncParams params) {
        return feeds.ofAgencies("documents", "controlled_document", "agency", params, ids -> viewsOf(ids.stream().map(UUID::fromString).toList()));
    }

    /** The views of these documents with their newest versions, by id (for a sync feed, which checked the scope). */
    @WithSession
    public Uni<Map<String, DocumentView>> viewsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return documents.list("id in ?1", ids).chain(docs -> versions.latestOf(ids, false).map(latest -> {
            Map<UUID, DocumentVersion> byDoc = latest.stream().collect(Collectors.toMap(v -> v.documentId, Function.identity()));
            return docs.stream().collect(Collectors.toMap(d -> d.id.toString(), d -> view(d, byDoc.get(d.id))));
        }));
    }

    record Found(ControlledDocument document, Agency agency, DocumentVersion version) {
    }

    private Uni<Found> requireDocument(UUID documentId, boolean write) {
        return documents.findById(documentId).chain(doc -> {
            if (doc == null) {
                throw ProblemException.notFound("document", documentId);
            }
            return agencies.findById(doc.agencyId).map(agency -> {
                if (write) {
                    scope.requireWrite(agency.ref());
                } else {
                    scope.requireRead(agency.ref());
                }
                return new Found(doc, agency, null);
            });
        });
    }

    private Uni<Found> load(UUID documentId, int revision, Caller caller, boolean write) {
        return requireDocument(documentId, write).chain(found -> versions.byRevision(documentId, revision).map(v -> {
            if (v == null || DocumentPolicy.issuedOnly(caller) && !v.wasIssued()) {
                throw ProblemException.notFound("revision of document " + documentId, revision);
            }
            return new Found(found.document(), found.agency(), v);
        }));
    }

    /**
     * Legal bases must be in the register and within the agency's reach (national documents and its own province's);
     * a TTHC procedure names a TTHC in force, national or of its province. Returns the TTHC's id.
     */
    private Uni<UUID> checkContent(DocumentType type, DocumentContent content, Agency agency) {
        IssuingAuthority reach = registers.authority(AgencyRef.CENTRAL.equals(agency.provinceCode) ? null : agency.provinceCode,
                LocalDate.now(clock));
        Set<Integer> orders = new HashSet<>();
        List<DocumentDtos.Step> steps = content.stepList();
        for (int i = 0; i < steps.size(); i++) {
            if (!orders.add(steps.get(i).order())) {
                throw ProblemException.invalidField("content.steps[" + i + "].order", "repeats step " + steps.get(i).order());
            }
        }
        Set<UUID> bases = new LinkedHashSet<>(content.legalBases());
        Uni<Void> legal = legalDocuments.findByIds(bases).invoke(found -> {
            if (found.size() != bases.size()) {
                Set<UUID> missing = new LinkedHashSet<>(bases);
                found.forEach(d -> missing.remove(d.id));
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "content.legalBasisIds: not in the register: " + missing + ".", Map.of("field", "content.legalBasisIds"));
            }
            found.stream().filter(d -> !reach.mayRelyOn(d.provinceCode)).findFirst().ifPresent(d -> {
                throw outsideReach("content.legalBasisIds", d.number + " (province " + d.provinceCode + ")", agency);
            });
        }).replaceWithVoid();
        String code = blankToNull(content.tthcCode());
        if (type == DocumentType.TTHC_PROCEDURE && code == null) {
            throw ProblemException.invalidField("content.tthcCode", "is required for a TTHC procedure");
        }
        if (code == null) {
            return legal.map(ignored -> (UUID) null);
        }
        return legal.chain(() -> procedures.findByCode(code)).map(p -> {
            if (p == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "content.tthcCode: no administrative procedure " + code + " in the catalogue.", Map.of("field", "content.tthcCode"));
            }
            if (!reach.mayRelyOn(p.provinceCode)) {
                throw outsideReach("content.tthcCode", code + " (province " + p.provinceCode + ")", agency);
            }
            if (p.status == ProcedureStatus.ABOLISHED) {
                throw ProblemException.unprocessable("abolished-reference", "Abolished administrative procedure",
                        "content.tthcCode: " + code + " was abolished on " + p.changedAt + ".", Map.of("field", "content.tthcCode"));
            }
            return p.id;
        });
    }

    private static ProblemException outsideReach(String field, String what, Agency agency) {
        return ProblemException.unprocessable("relation-outside-authority", "Outside the agency's registers",
                field + ": " + what + " belongs to another province's register; agency " + agency.code
                        + " relies on national entries and on those of its own province.", Map.of("field", field));
    }

    /** The sum of the step durations must fit the TTHC's legal processing time (422 naming both). */
    private Uni<Void> checkProcessingTime(ControlledDocument doc, DocumentVersion v) {
        if (doc.type != DocumentType.TTHC_PROCEDURE || v.tthcProcedureId == null) {
            return Uni.createFrom().voidItem();
        }
        return procedures.findById(v.tthcProcedureId).invoke((AdministrativeProcedure p) -> {
            var total = read(v.content).totalDays();
            if (total.compareTo(BigDecimal.valueOf(p.processingDays)) > 0) {
                throw ProblemException.unprocessable("processing-time-exceeded", "Steps exceed the legal processing time",
                        "The steps take " + total.stripTrailingZeros().toPlainString() + " working days; TTHC " + p.code
                                + " must be processed in " + p.processingDays + ".",
                        Map.of("stepsTotalDays", total, "legalProcessingDays", p.processingDays, "tthcCode", p.code));
            }
        }).replaceWithVoid();
    }

    private Uni<Void> replaceLegalBases(UUID versionId, List<UUID> bases) {
        return VersionLegalBasis.<VersionLegalBasis>list("ownerId", versionId).chain(existing ->
                LegalBasis.replace(existing, versionId, bases, VersionLegalBasis::new));
    }

    /** The words of the content that search should find. */
    private static String contentText(DocumentContent c) {
        StringBuilder sb = new StringBuilder();
        if (c.purpose() != null) {
            sb.append(c.purpose()).append(' ');
        }
        if (c.scope() != null) {
            sb.append(c.scope()).append(' ');
        }
        if (c.tthcCode() != null) {
            sb.append(c.tthcCode()).append(' ');
        }
        c.stepList().forEach(s -> sb.append(s.name()).append(' ').append(s.responsibleUnit()).append(' '));
        if (c.forms() != null) {
            c.forms().forEach(f -> sb.append(f).append(' '));
        }
        return sb.toString();
    }

    private DocumentView view(ControlledDocument d, DocumentVersion latest) {
        return new DocumentView(d.id, d.agencyId, d.code, d.title, d.type, d.type.label(), d.owningUnit, d.currentRevision,
                d.nextReviewDate, d.postedOn, d.portalUrl, d.publishedOn, latest == null ? null : view(latest), d.version,
                d.createdAt, d.updatedAt);
    }

    private VersionView view(DocumentVersion v) {
        return new VersionView(v.id, v.documentId, v.revision, v.status, v.status.label(),
                v.status.allowed().stream().map(a -> a.name().toLowerCase()).toList(), read(v.content), v.tthcProcedureId,
                v.effectiveDate, v.abolishedReason, v.submittedBy, v.submittedAt, v.approvedBy, v.approvedAt, v.issuedBy,
                v.issuedAt, v.version, v.createdAt, v.updatedAt);
    }

    private String write(DocumentContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DocumentContent read(String content) {
        try {
            return json.readValue(content, DocumentContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content is not readable", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
