package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public UUID decisionId;
    public UUID agencyId;
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public ListUpdateStatus status;
    public OffsetDateTime overdueAt;

    /** The day the agency updated its list. */
    public LocalDate clearedOn;
    public String clearedBy;
    public OffsetDateTime createdAt;

    /** Updated after the due date (also when it was cleared before becoming overdue by the check). */
    public boolean clearedLate() {
        return clearedOn != null && clearedOn.isAfter(dueDate);
    }
}
