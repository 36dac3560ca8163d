package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.govqms.document.controlled.DocumentDtos.DistributionView;
import vn.govqms.document.controlled.DocumentDtos.RecipientKind;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One recipient of one issued version (phân phối) and their receipt (giao nhận): pending until acknowledged, once.
 * Who may acknowledge it is {@link ReceiptPolicy}'s decision.
 */
@Entity
@Table(name = "document_distribution")
public class DistributionEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID documentId;
    public UUID versionId;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind")
    public RecipientKind kind;
    /** The subject (PERSON), the unit's agency id (UNIT), or the name of an entry named by name only. */
    public String recipient;
    public String recipientName;
    public boolean namedOnly;
    public String acknowledgedBy;
    public OffsetDateTime acknowledgedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "acknowledgement_method")
    public AcknowledgementMethod method;
    public String recordedBy;
    @Column(name = "evidence_note")
    public String evidence;
    public LocalDate signedOn;
    public OffsetDateTime createdAt;

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** The unit named, for a UNIT entry keyed by its agency id (null otherwise). */
    public UUID unitId() {
        if (kind != RecipientKind.UNIT || namedOnly) {
            return null;
        }
        try {
            return UUID.fromString(recipient);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The recipient signs with their own token. */
    public void acknowledgeByToken(String subject, OffsetDateTime now) {
        requirePending();
        acknowledgedBy = subject;
        recordedBy = subject;
        acknowledgedAt = now;
        method = AcknowledgementMethod.TOKEN;
    }

    /** The recipient signed on paper on {@code signedOn}; {@code officer} records it with where the signature is. */
    public void acknowledgeOnPaper(String officer, LocalDate signedOn, String evidence, OffsetDateTime now) {
        requirePending();
        acknowledgedBy = recipient;
        recordedBy = officer;
        acknowledgedAt = now;
        method = AcknowledgementMethod.PAPER;
        this.signedOn = signedOn;
        this.evidence = evidence;
    }

    private void requirePending() {
        if (acknowledged()) {
            throw ProblemException.conflict(displayName() + " acknowledged this revision already (" + acknowledgedAt.toLocalDate() + ").");
        }
    }

    public String displayName() {
        return recipientName == null ? recipient : recipientName;
    }

    DistributionView view(int revision) {
        return new DistributionView(id, kind, recipient, displayName(), namedOnly, revision, acknowledged(), acknowledgedBy,
                acknowledgedAt, method, method == null ? null : method.label(), recordedBy, signedOn, evidence);
    }
}
