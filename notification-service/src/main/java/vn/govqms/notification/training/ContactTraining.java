package vn.govqms.notification.training;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A training a contact attended: what, when, and the certificate when one was given. Recorded once; history, not state. */
@Entity
public class ContactTraining extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID contactId;
    public String title;
    public LocalDate trainedOn;
    public String certificateNumber;
    public String certificateIssuer;
    public String recordedBy;
    public OffsetDateTime recordedAt;
}
