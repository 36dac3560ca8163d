package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Files of a version: PDF, Word, Excel and images only, whose content is what they claim, not empty, within the size
 * limit; streamed to the configured {@link AttachmentStore} and back.
 */
@ApplicationScoped
public class AttachmentService {

    static final Set<String> ALLOWED = Set.of("application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg");

    @Schema(name = "Attachment")
    public record AttachmentView(UUID id, UUID documentId, int revision, String fileName, String contentType, long size,
                                 @Schema(description = "Hex SHA-256 of the content") String sha256, String createdBy,
                                 OffsetDateTime createdAt) {
    }

    /** A file to send back: its metadata now, its content as it is read. */
    public record Download(String fileName, String contentType, String sha256, long size, Multi<byte[]> content) {
    }

    private final DocumentRepository documents;
    private final VersionRepository versions;
    private final AgencyRepository agencies;
    private final AttachmentStores stores;
    private final Clock clock;
    private final long maxSize;

    private final Scope scope;

    public AttachmentService(Scope scope, DocumentRepository documents, VersionRepository versions, AgencyRepository agencies,
                             AttachmentStores stores, Clock clock, AttachmentConfig config) {
        this.scope = scope;
        this.documents = documents;
        this.versions = versions;
        this.agencies = agencies;
        this.stores = stores;
        this.clock = clock;
        this.maxSize = config.maxSize().asLongValue();
    }

    /**
     * Called on a worker thread with the request body still arriving: the caller's scope is checked first, then the
     * body is copied to a temporary file (size, SHA-256 and content type checked there), then the store takes it and
     * the metadata is recorded in one transaction. The database work runs on the request's Vert.x context.
     */
    public Uni<AttachmentView> upload(UUID documentId, int revision, String fileName, String contentType, InputStream body,
                                      Caller caller) {
        DocumentPolicy.requireAttacher(caller);
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!ALLOWED.contains(type)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "Attach PDF, Word, Excel, PNG or JPEG files; not '" + type + "'.", Map.of("allowed", ALLOWED));
        }
        String name = fileName == null || fileName.isBlank() ? "tep-dinh-kem" : fileName.trim();
        if (name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw ProblemException.invalidField("fileName", "a plain file name of at most 255 characters");
        }
        Executor onContext = currentContext();
        if (onContext == null) {
            throw new IllegalStateException("an upload runs on a worker thread of a request");
        }
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> attachable(documentId, revision, caller)))
                .runSubscriptionOn(onContext)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> spooled(body, type))
                .chain(spool -> Uni.createFrom().deferred(() -> Panache.withTransaction(() -> record(documentId, revision, name, type,
                                spool, caller)))
                        .runSubscriptionOn(onContext)
                        .eventually(spool::close));
    }

    private AttachmentSpool spooled(InputStream body, String type) {
        AttachmentSpool spool = AttachmentSpool.of(body, maxSize);
        try {
            if (spool.size() == 0) {
                throw ProblemException.badRequest("The file is empty.");
            }
            AttachmentContent.check(type, spool.file());
            return spool;
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    private Uni<DocumentVersion> attachable(UUID documentId, int revision, Caller caller) {
        return version(documentId, revision, caller, true).map(v -> {
            if (v.status == VersionStatus.SUPERSEDED || v.status == VersionStatus.ABOLISHED) {
                throw ProblemException.invalidTransition("document version", v.status.name(), "attach a file", List.of());
            }
            return v;
        });
    }

    private Uni<AttachmentView> record(UUID documentId, int revision, String name, String type, AttachmentSpool spool,
                                       Caller caller) {
        AttachmentStore store = stores.current();
        // checked again in this transaction: the version may have been superseded while the body arrived
        return attachable(documentId, revision, caller).chain(v -> {
            DocumentAttachment a = new DocumentAttachment();
            a.id = UUID.randomUUID();
            a.documentId = documentId;
            a.versionId = v.id;
            a.fileName = name;
            a.contentType = type;
            a.size = spool.size();
            a.sha256 = spool.sha256();
            a.storage = store.name();
            a.createdBy = caller.subject();
            a.createdAt = OffsetDateTime.now(clock);
            // the row first: the content's rows refer to it
            return a.persist().chain(() -> Panache.getSession().chain(s -> s.flush()))
                    .chain(() -> store.put(a.id, spool.file(), spool.size()))
                    .map(ignored -> view(a, revision));
        });
    }

    /** Runs tasks on the current request's Vert.x context (null off a request). */
    static Executor currentContext() {
        Context context = Vertx.currentContext();
        return context == null ? null : task -> context.runOnContext(v -> task.run());
    }

    @WithSession
    public Uni<List<AttachmentView>> list(UUID documentId, int revision, Caller caller) {
        return version(documentId, revision, caller, false).chain(v -> metadata(v.id))
                .map(list -> list.stream().map(m -> new AttachmentView(m.id(), documentId, revision, m.fileName(), m.contentType(),
                        m.size(), m.sha256(), m.createdBy(), m.createdAt())).toList());
    }

    private static Uni<List<Meta>> metadata(UUID versionId) {
        PanacheQuery<Meta> query = DocumentAttachment
                .find("versionId = ?1 order by createdAt", versionId).project(Meta.class);
        return query.list();
    }

    /** The metadata of an attachment, without its content. */
    public record Meta(UUID id, String fileName, String contentType, long size, String sha256, String createdBy,
                       OffsetDateTime createdAt) {
    }

    @WithSession
    public Uni<Download> download(UUID documentId, int revision, UUID attachmentId, Caller caller) {
        return version(documentId, revision, caller, false).chain(v -> DocumentAttachment.find("id = ?1 and versionId = ?2",
                attachmentId, v.id).<DocumentAttachment>firstResult()).map(a -> {
                    if (a == null) {
                        throw ProblemException.notFound("attachment", attachmentId);
                    }
                    return new Download(a.fileName, a.contentType, a.sha256, a.size, stores.named(a.storage).get(a.id));
                });
    }

    private Uni<DocumentVersion> version(UUID documentId, int revision, Caller caller, boolean write) {
        return documents.findById(documentId).chain(d -> {
            if (d == null) {
                throw ProblemException.notFound("document", documentId);
            }
            return agencies.findById(d.agencyId);
        }).chain(agency -> {
            if (write) {
                scope.requireWrite(agency.ref());
            } else {
                scope.requireRead(agency.ref());
            }
            return versions.byRevision(documentId, revision);
        }).map(v -> {
            if (v == null || DocumentPolicy.issuedOnly(caller) && !v.wasIssued()) {
                throw ProblemException.notFound("revision of document " + documentId, revision);
            }
            return v;
        });
    }

    private static AttachmentView view(DocumentAttachment a, int revision) {
        return new AttachmentView(a.id, a.documentId, revision, a.fileName, a.contentType, a.size, a.sha256, a.createdBy, a.createdAt);
    }
}
