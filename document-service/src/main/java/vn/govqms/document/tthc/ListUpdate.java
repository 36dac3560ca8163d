package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One agency's work after a {@link ListDecision}: update its handled-TTHC list by the due date. Created, made overdue
 * and cleared set-based ({@link ListUpdates}); OPEN → OVERDUE → CLEARED, or OPEN → CLEARED.
 */
@Entity
@Table(name = "tthc_list_update")
public class ListUpdate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;

    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListUpdateStatus status;

    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    /** The day the agency updated its list. */
    @Column(name = "cleared_on")
    public LocalDate clearedOn;

    @Column(name = "cleared_by")
    public String clearedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Updated after the due date (also when it was cleared before becoming overdue by the check). */
    public boolean clearedLate() {
        return clearedOn != null && clearedOn.isAfter(dueDate);
    }
}
