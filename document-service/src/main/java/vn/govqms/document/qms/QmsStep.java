package vn.govqms.document.qms;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A step taken before announcing: an internal audit or management review (from audit-service's events), the head's
 * confirmation of effectiveness, or a step an announcement records as taken outside the system (with its evidence).
 */
@Entity
public class QmsStep extends PanacheEntityBase {

    /** Where the fact comes from. */
    public enum Source {
        /** audit-service's events (audit.completed of an internal audit, management-review.held). */
        EVENT,
        /** The head confirmed the effectiveness here. */
        HEAD,
        /** Recorded by an announcement as having happened outside the system. */
        OUTSIDE
    }

    @Id
    public UUID id;
    public UUID agencyId;
    @Enumerated(EnumType.STRING)
    public AnnouncementStep step;
    public LocalDate heldOn;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Source source;
    /** The audit, review or confirmation this row is (unique: an event applied twice records nothing more). */
    public String sourceId;
    public UUID announcementId;
    public String recordedBy;
    public OffsetDateTime createdAt;

    static QmsStep of(UUID agencyId, AnnouncementStep step, LocalDate heldOn, String reference, Source source, UUID announcementId,
                      String recordedBy, OffsetDateTime now) {
        QmsStep s = new QmsStep();
        s.id = UUID.randomUUID();
        s.agencyId = agencyId;
        s.step = step;
        s.heldOn = heldOn;
        s.reference = reference;
        s.source = source;
        s.sourceId = source.name().toLowerCase() + ":" + s.id;
        s.announcementId = announcementId;
        s.recordedBy = recordedBy;
        s.createdAt = now;
        return s;
    }
}
