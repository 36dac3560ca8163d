package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.govqms.document.controlled.DocumentDtos.PostingView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An issued version posted at the office notice board or published on the portal: where, when, the link. */
@Entity
@Table(name = "document_posting")
public class VersionPosting extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "document_id", nullable = false)
    public UUID documentId;
    @Column(name = "version_id", nullable = false)
    public UUID versionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostingChannel channel;
    @Column(name = "posted_on", nullable = false)
    public LocalDate postedOn;
    public String place;
    public String url;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    PostingView view(int revision) {
        return new PostingView(id, documentId, revision, channel, channel.label(), postedOn, place, url, recordedBy, createdAt);
    }
}
