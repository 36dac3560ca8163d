package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An announcement posted at the office (niêm yết tại trụ sở) or published on the portal (đăng tải trên cổng thông tin điện tử). */
@Entity
@Table(name = "qms_announcement_posting")
public class AnnouncementPosting extends PanacheEntityBase {

    /** Where it was posted. */
    public enum Channel {
        OFFICE("Niêm yết tại trụ sở cơ quan"),
        PORTAL("Đăng tải trên cổng thông tin điện tử");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    public UUID id;
    public UUID announcementId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** Where at the office (OFFICE). */
    public String place;
    /** The page on the portal (PORTAL). */
    public String link;
    public LocalDate postedOn;
    public String recordedBy;
    public OffsetDateTime createdAt;
}
