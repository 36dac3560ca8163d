package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public UUID documentId;
    public UUID versionId;
    @Enumerated(EnumType.STRING)
    public PostingChannel channel;
    public LocalDate postedOn;
    public String place;
    public String url;
    public String recordedBy;
    public OffsetDateTime createdAt;

    PostingView view(int revision) {
        return new PostingView(id, documentId, revision, channel, channel.label(), postedOn, place, url, recordedBy, createdAt);
    }
}
