package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A province's decision publishing a change to the TTHCs (number and date): the procedures it adds, amends or
 * abolishes in the province, and the agencies it names as handling them. Every agency handling one of them, or named,
 * owes an updated handled-TTHC list by {@link #dueDate} (5 working days from the decision date by default).
 */
@Entity
@Table(name = "tthc_list_decision")
public class ListDecision extends PanacheEntityBase {

    @Id
    public UUID id;
    public String provinceCode;

    /** E.g. 1234/QĐ-UBND. */
    public String number;
    public LocalDate decisionDate;
    public LocalDate dueDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] procedureIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] agencyIds;
    public String recordedBy;
    public OffsetDateTime createdAt;
}
