package vn.govqms.audit.internalaudit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.audit.internalaudit.AuditParts.TeamMember;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;

/** An internal audit, a cross-check or a provincial inspection of one agency. */
@Entity
public class Audit extends TrackedEntity {

    public UUID agencyId;
    public String provinceCode;
    @Enumerated(EnumType.STRING)
    public AuditKind kind;
    @Enumerated(EnumType.STRING)
    public AuditMode mode;
    public int year;
    public String title;
    @Enumerated(EnumType.STRING)
    public AuditStatus status;
    public LocalDate plannedStart;
    public LocalDate plannedEnd;
    public UUID campaignId;
    /** The lead's token subject; null for an inspection of a campaign whose lead the province has not named yet. */
    public String leadAuditor;
    /** JSON of {@link TeamMember}s ({@code jsonb}: an auditor's audits are found with {@code @>}). */
    @ColumnTransformer(read = "cast(team as text)", write = JsonColumn.WRITE)
    public String team;
    @ColumnTransformer(read = "cast(audited_units as text)", write = JsonColumn.WRITE)
    public String auditedUnits;
    @ColumnTransformer(read = "cast(scope_clauses as text)", write = JsonColumn.WRITE)
    public String scopeClauses;
    @ColumnTransformer(read = "cast(checklist as text)", write = JsonColumn.WRITE)
    public String checklist;
    public String conclusion;
    public OffsetDateTime startedAt;
    public String reportedBy;
    public OffsetDateTime reportedAt;
    /** The date of the minutes (biên bản) the report records: an on-site inspection's corrective-action report runs from it. */
    public LocalDate minutesDate;
    public String confirmedBy;
    public OffsetDateTime confirmedAt;
    public String confirmationNote;
    public UUID copiedFrom;
    public String createdBy;

    /**
     * A team has each auditor once and exactly one lead; an inspection of a campaign may have none yet (the campaign's
     * lead works for the inspected agency): its planner names one before it starts.
     */
    public static void checkTeam(List<TeamMember> team, boolean leadRequired) {
        long leads = team.stream().filter(m -> m.role() == AuditParts.TeamRole.LEAD).count();
        if (leads > 1 || leads == 0 && leadRequired) {
            throw ProblemException.invalidField("team", "needs exactly one LEAD (has " + leads + ")");
        }
        if (team.stream().map(TeamMember::subject).distinct().count() != team.size()) {
            throw ProblemException.invalidField("team", "lists an auditor twice");
        }
    }

    /**
     * Independence: an auditor may not audit their own unit (internal audit) or their own agency (cross-check,
     * inspection). An internal audit without audited units covers the whole agency, every unit of it, so no auditor of
     * the agency audits it; in an internal audit of named units, an auditor of the agency names their unit (or whether
     * they audit their own cannot be told). Refused with 422 naming the auditor.
     */
    public static void checkIndependence(AuditKind kind, UUID auditedAgency, List<String> auditedUnits, List<TeamMember> team) {
        for (TeamMember m : team) {
            if (!m.agencyId().equals(auditedAgency)) {
                continue;
            }
            if (kind != AuditKind.INTERNAL_AUDIT) {
                throw independence(m, "may not take part in a " + kind.name() + " of their own agency");
            }
            if (auditedUnits.isEmpty()) {
                throw independence(m, "may not audit their own agency as a whole (no audited units): name the units audited, "
                        + "none of them the auditor's, or take an auditor from another agency");
            }
            if (m.unit() == null || m.unit().isBlank()) {
                throw independence(m, "works for the audited agency and names no unit: whether they audit their own unit "
                        + "cannot be told");
            }
            if (auditedUnits.stream().anyMatch(u -> u.trim().equalsIgnoreCase(m.unit().trim()))) {
                throw independence(m, "may not audit their own unit (" + m.unit() + ")");
            }
        }
    }

    private static ProblemException independence(TeamMember m, String why) {
        return ProblemException.unprocessable("auditor-not-independent", "Auditor not independent",
                "Auditor " + m.fullName() + " (" + m.subject() + ") " + why + ".",
                Map.of("auditor", m.subject()));
    }

    public void requireStatus(String action, AuditStatus... allowed) {
        for (AuditStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw ProblemException.invalidTransition("audit", status.name(), action, status.allowed());
    }

    public void start(OffsetDateTime now) {
        requireStatus("start", AuditStatus.PLANNED);
        if (leadAuditor == null) {
            throw ProblemException.unprocessable("lead-missing", "No lead auditor",
                    "Audit " + id + " has no lead auditor yet: its planner names one (PUT /api/v1/audits/" + id + "/team) before it starts.",
                    Map.of("auditId", id.toString()));
        }
        status = AuditStatus.IN_PROGRESS;
        startedAt = now;
    }

    public void report(String conclusion, LocalDate minutesDate, String who, OffsetDateTime now) {
        requireStatus("report", AuditStatus.IN_PROGRESS);
        if (minutesDate.isAfter(now.toLocalDate())) {
            throw ProblemException.invalidField("minutesDate", "must not be after today");
        }
        if (minutesDate.isBefore(plannedStart)) {
            throw ProblemException.invalidField("minutesDate", "must not be before the audit's planned start " + plannedStart);
        }
        status = AuditStatus.REPORTED;
        this.conclusion = conclusion;
        this.minutesDate = minutesDate;
        reportedBy = who;
        reportedAt = now;
    }

    public void confirm(String note, String who, OffsetDateTime now) {
        requireStatus("confirm", AuditStatus.REPORTED);
        status = AuditStatus.CLOSED;
        confirmationNote = note;
        confirmedBy = who;
        confirmedAt = now;
    }

    public boolean isLead(String subject) {
        return Objects.equals(leadAuditor, subject);
    }
}
