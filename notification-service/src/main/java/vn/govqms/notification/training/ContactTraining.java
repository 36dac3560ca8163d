package vn.govqms.notification.training;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A training a contact attended: what, when, and the certificate when one was given. Recorded once; history, not state. */
@Entity
@Table(name = "contact_training")
public class ContactTraining extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contact_id", nullable = false)
    public UUID contactId;
    @Column(nullable = false)
    public String title;
    @Column(name = "trained_on", nullable = false)
    public LocalDate trainedOn;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @Column(name = "certificate_issuer")
    public String certificateIssuer;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
