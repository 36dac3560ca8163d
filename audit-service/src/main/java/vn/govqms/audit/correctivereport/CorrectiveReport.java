package vn.govqms.audit.correctivereport;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.audit.internalaudit.Audit;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.UUID;

/**
 * The report on corrective actions (báo cáo kết quả khắc phục) an agency owes the inspecting team after an on-site
 * provincial inspection, due a period (2 months by default) after the inspection's minutes are dated.
 */
@Entity
public class CorrectiveReport extends TrackedEntity {

    public UUID auditId;
    public UUID agencyId;
    public String provinceCode;
    public int year;
    public LocalDate minutesDate;
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public CorrectiveReportStatus status;
    public String documentNumber;
    public String content;
    public int submissions;
    public String submittedBy;
    public OffsetDateTime submittedAt;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String returnReason;

    /** Owed by the inspected agency once an on-site inspection's minutes are dated: due {@code within} after them. */
    public static CorrectiveReport owedAfter(Audit inspection, Period within, OffsetDateTime now) {
        CorrectiveReport r = new CorrectiveReport();
        r.id = UUID.randomUUID();
        r.auditId = inspection.id;
        r.agencyId = inspection.agencyId;
        r.provinceCode = inspection.provinceCode;
        r.year = inspection.year;
        r.minutesDate = inspection.minutesDate;
        r.dueDate = inspection.minutesDate.plus(within);
        r.status = CorrectiveReportStatus.OWED;
        r.createdAt = now;
        return r;
    }

    private void require(String action, boolean allowed) {
        if (!allowed) {
            throw ProblemException.invalidTransition("corrective-action report", status.name(), action, status.allowed());
        }
    }

    /** The agency submits it (again, after a return). */
    public void submit(String documentNumber, String content, String who, OffsetDateTime now) {
        require("submit", status.owed());
        this.documentNumber = documentNumber;
        this.content = content;
        submissions++;
        submittedBy = who;
        submittedAt = now;
        status = CorrectiveReportStatus.SUBMITTED;
    }

    /** The inspecting team accepts it: nothing more is owed. */
    public void accept(String who, OffsetDateTime now) {
        require("accept", status == CorrectiveReportStatus.SUBMITTED);
        status = CorrectiveReportStatus.ACCEPTED;
        decidedBy = who;
        decidedAt = now;
        returnReason = null;
    }

    /** The inspecting team returns it with what is missing: owed again, by the same due date. */
    public void giveBack(String reason, String who, OffsetDateTime now) {
        require("return", status == CorrectiveReportStatus.SUBMITTED);
        status = CorrectiveReportStatus.RETURNED;
        decidedBy = who;
        decidedAt = now;
        returnReason = reason;
    }

    public boolean overdue(LocalDate today) {
        return status.owed() && dueDate.isBefore(today);
    }
}
