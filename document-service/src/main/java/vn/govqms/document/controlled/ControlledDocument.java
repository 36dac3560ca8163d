package vn.govqms.document.controlled;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.text.VietnameseText;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A controlled document of an agency (tài liệu được kiểm soát): its identity across versions. */
@Entity
public class ControlledDocument extends TrackedEntity {

    public UUID agencyId;

    /** Unique within the agency, e.g. {@code QT-VP-01}. */
    public String code;
    public String title;
    public String searchText;

    @Enumerated(EnumType.STRING)
    public DocumentType type;
    public String owningUnit;

    /** The revision in force (issued), if any. */
    public Integer currentRevision;
    public LocalDate nextReviewDate;

    /** Niêm yết: the date it was posted at the office. */
    public LocalDate postedOn;

    /** Đăng tải: where and when it was published on the agency's web portal. */
    public String portalUrl;
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
