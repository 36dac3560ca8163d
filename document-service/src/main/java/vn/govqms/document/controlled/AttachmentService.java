package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Files of a version: PDF, Word, Excel and images only, not empty, within the size limit. */
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

    /** A file to send back. */
    public record Download(String fileName, String contentType, String sha256, byte[] content) {
    }

    private final DocumentRepository documents;
    private final VersionRepository versions;
    private final AgencyRepository agencies;
    private final Clock clock;
    private final long maxSize;

    private final Scope scope;

    public AttachmentService(Scope scope, DocumentRepository documents, VersionRepository versions, AgencyRepository agencies, Clock clock,
                             AttachmentConfig config) {
        this.scope = scope;
        this.documents = documents;
        this.versions = versions;
        this.agencies = agencies;
        this.clock = clock;
        this.maxSize = config.maxSize().asLongValue();
    }

    @WithTransaction
    public Uni<AttachmentView> upload(UUID documentId, int revision, String fileName, String contentType, byte[] content,
                                      Caller caller) {
        DocumentPolicy.requireAttacher(caller);
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!ALLOWED.contains(type)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "Attach PDF, Word, Excel, PNG or JPEG files; not '" + type + "'.", Map.of("allowed", ALLOWED));
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("The file is empty.");
        }
        if (content.length > maxSize) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "The file has " + content.length + " bytes; the limit is " + maxSize + ".", Map.of());
        }
        String name = fileName == null || fileName.isBlank() ? "tep-dinh-kem" : fileName.trim();
        if (name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw ProblemException.invalidField("fileName", "a plain file name of at most 255 characters");
        }
        return version(documentId, revision, caller, true).chain(v -> {
            if (v.status == VersionStatus.SUPERSEDED || v.status == VersionStatus.ABOLISHED) {
                throw ProblemException.invalidTransition("document version", v.status.name(), "attach a file", List.of());
            }
            DocumentAttachment a = new DocumentAttachment();
            a.id = UUID.randomUUID();
            a.documentId = documentId;
            a.versionId = v.id;
            a.fileName = name;
            a.contentType = type;
            a.size = content.length;
            a.sha256 = sha256(content);
            a.content = content;
            a.createdBy = caller.subject();
            a.createdAt = OffsetDateTime.now(clock);
            return a.persist().map(ignored -> view(a, revision));
        });
    }

    @WithSession
    public Uni<List<AttachmentView>> list(UUID documentId, int revision, Caller caller) {
        return version(documentId, revision, caller, false).chain(v -> metadata(v.id))
                .map(list -> list.stream().map(m -> new AttachmentView(m.id(), documentId, revision, m.fileName(), m.contentType(),
                        m.size(), m.sha256(), m.createdBy(), m.createdAt())).toList());
    }

    private static Uni<List<Meta>> metadata(UUID versionId) {
        io.quarkus.hibernate.reactive.panache.PanacheQuery<Meta> query = DocumentAttachment
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
                    return new Download(a.fileName, a.contentType, a.sha256, a.content);
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

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
