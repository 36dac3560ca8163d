package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A file attached to a document version: its metadata and SHA-256; the content is in the store named by {@link #storage}. */
@Entity
public class DocumentAttachment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID documentId;
    public UUID versionId;
    public String fileName;
    public String contentType;
    public long size;
    public String sha256;
    /** The {@link AttachmentStore} holding the content ({@code postgres} or {@code s3}). */
    public String storage;
    public String createdBy;
    public OffsetDateTime createdAt;
}
