package vn.govqms.document.controlled;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.text.VietnameseText;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A controlled document of an agency (tài liệu được kiểm soát): its identity across versions. */
@Entity
@Table(name = "controlled_document")
public class ControlledDocument extends TrackedEntity {

    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;

    /** Unique within the agency, e.g. {@code QT-VP-01}. */
    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String title;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentType type;

    @Column(name = "owning_unit")
    public String owningUnit;

    /** The revision in force (issued), if any. */
    @Column(name = "current_revision")
    public Integer currentRevision;

    @Column(name = "next_review_date")
    public LocalDate nextReviewDate;

    /** Niêm yết: the date it was posted at the office. */
    @Column(name = "posted_on")
    public LocalDate postedOn;

    /** Đăng tải: where and when it was published on the agency's web portal. */
    @Column(name = "portal_url")
    public String portalUrl;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    public static ControlledDocument create(UUID agencyId, String code, String title, DocumentType type, String owningUnit,
                                            LocalDate nextReviewDate, OffsetDateTime now) {
        ControlledDocument d = new ControlledDocument();
        d.id = UUID.randomUUID();
        d.agencyId = agencyId;
        d.code = code;
        d.type = type;
        d.createdAt = now;
        d.describe(title, owningUnit, nextReviewDate);
        return d;
    }

    public void describe(String title, String owningUnit, LocalDate nextReviewDate) {
        this.title = title;
        this.owningUnit = owningUnit;
        this.nextReviewDate = nextReviewDate;
        this.searchText = VietnameseText.fold(code + " " + title);
        touch();
    }

    /** Search also finds the words of the newest version's content. */
    public void indexContent(String contentText) {
        this.searchText = VietnameseText.fold(code + " " + title + " " + contentText);
    }
}
