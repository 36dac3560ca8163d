package vn.govqms.notification.event;

import vn.govqms.kit.events.EventTypes;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types this service reads (from document-, audit- and scoring-service), plus the reminders and escalations it
 * makes itself. Each knows where its link points; the catalogue of who is told is in the rules.
 */
public enum EventKind {
    PROCEDURE_REVIEW_REQUIRED("document", "procedure-review.required"),
    PROCEDURE_REVIEW_OVERDUE("document", "procedure-review.overdue"),
    PROCEDURE_REVIEW_COMPLETED("document", "procedure-review.completed"),
    PROCEDURE_REVIEW_RESCHEDULED("document", "procedure-review.rescheduled"),
    TTHC_LIST_UPDATE_REQUIRED("document", "tthc-list-update.required"),
    TTHC_LIST_UPDATE_OVERDUE("document", "tthc-list-update.overdue"),
    TTHC_LIST_UPDATE_CLEARED("document", "tthc-list-update.cleared"),
    DOCUMENT_ISSUED("document", "document.issued"),
    DOCUMENT_ABOLISHED("document", "document.abolished"),
    QMS_ANNOUNCED("document", "qms.announced"),
    QMS_REANNOUNCEMENT_REQUIRED("document", "qms.reannouncement-required"),
    QMS_REANNOUNCEMENT_OVERDUE("document", "qms.reannouncement-overdue"),
    ACTIVITY_PLAN_APPROVED("audit", "activity-plan.approved"),
    ACTIVITY_OVERDUE("audit", "activity.overdue"),
    ACTIVITY_DONE("audit", "activity.done"),
    AUDIT_PLANNED("audit", "audit.planned"),
    AUDIT_COMPLETED("audit", "audit.completed"),
    INSPECTION_CAMPAIGN_APPROVED("audit", "inspection-campaign.approved"),
    FINDING_RAISED("audit", "finding.raised"),
    FINDING_CLOSED("audit", "finding.closed"),
    CORRECTIVE_ACTION_OPENED("audit", "corrective-action.opened"),
    CORRECTIVE_ACTION_VERIFIED("audit", "corrective-action.verified"),
    CORRECTIVE_ACTION_CLOSED("audit", "corrective-action.closed"),
    CORRECTIVE_ACTION_OVERDUE("audit", "corrective-action.overdue"),
    MANAGEMENT_REVIEW_HELD("audit", "management-review.held"),
    CORRECTIVE_REPORT_OWED("audit", "corrective-report.owed"),
    CORRECTIVE_REPORT_RETURNED("audit", "corrective-report.returned"),
    CORRECTIVE_REPORT_OVERDUE("audit", "corrective-report.overdue"),
    /** A province's yearly report is due soon and not submitted: no agency, the province's steering committee is told. */
    REPORT_DEADLINE_APPROACHING("audit", "report-deadline.approaching"),
    /** A province's yearly report was not submitted by its deadline. */
    REPORT_DEADLINE_MISSED("audit", "report-deadline.missed"),
    ASSESSMENT_SUBMITTED("scoring", "assessment.submitted"),
    ASSESSMENT_PUBLISHED("scoring", "assessment.published"),
    SCORE_CHANGED("scoring", "score.changed"),
    OBJECTIVE_AT_RISK("scoring", "objective.at-risk"),
    OBJECTIVE_MISSED("scoring", "objective.missed"),
    /** Made here: a due date is near. */
    REMINDER("notification", "reminder"),
    /** Made here: an overdue item reached an escalation step. */
    ESCALATION("notification", "escalation"),
    /** Made here: an ISO officer is still untrained after the configured period (training.TrainingCheck). */
    TRAINING_REQUIRED("notification", "iso-officer.training-required");

    private static final Map<String, EventKind> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toMap(EventKind::type, Function.identity()));

    private final String service;
    private final String fact;
    private final String type;

    EventKind(String service, String fact) {
        this.service = service;
        this.fact = fact;
        this.type = EventTypes.of(service, fact);
    }

    /** The full type, e.g. {@code vn.govqms.document.procedure-review.required.v1}. */
    public String type() {
        return type;
    }

    /** The fact, e.g. {@code procedure-review.required}: the {@code kind} of a notification. */
    public String fact() {
        return fact;
    }

    public String service() {
        return service;
    }

    /** A province's fact naming no agency (told to the province's steering committee by the rules). */
    public boolean provinceWide() {
        return this == INSPECTION_CAMPAIGN_APPROVED || this == REPORT_DEADLINE_APPROACHING || this == REPORT_DEADLINE_MISSED;
    }

    public boolean madeHere() {
        return this == REMINDER || this == ESCALATION || this == TRAINING_REQUIRED;
    }

    public static Optional<EventKind> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Optional<EventKind> ofFact(String fact) {
        return Arrays.stream(values()).filter(k -> k.fact.equals(fact)).findFirst();
    }

    /** The types read from the other services' topics. */
    public static Set<String> consumedTypes() {
        return Arrays.stream(values()).filter(k -> !k.madeHere()).map(EventKind::type).collect(Collectors.toSet());
    }
}
