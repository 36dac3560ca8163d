package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A file attached to a document version: its metadata and SHA-256; the content is in the store named by {@link #storage}. */
@Entity
@Table(name = "document_attachment")
public class DocumentAttachment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "document_id", nullable = false)
    public UUID documentId;
    @Column(name = "version_id", nullable = false)
    public UUID versionId;
    @Column(name = "file_name", nullable = false)
    public String fileName;
    @Column(name = "content_type", nullable = false)
    public String contentType;
    @Column(nullable = false)
    public long size;
    @Column(nullable = false)
    public String sha256;
    /** The {@link AttachmentStore} holding the content ({@code postgres} or {@code s3}). */
    @Column(nullable = false)
    public String storage;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
