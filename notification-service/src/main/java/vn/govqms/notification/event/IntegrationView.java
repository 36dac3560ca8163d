package vn.govqms.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a one-stop-shop system (role {@code integration}) receives through this service's channels, the webhooks and the
 * live stream: only what the services' REST reads let it read. The one table of it, per event type: the fields of the data
 * it receives, or nothing. The REST reads open to {@code integration} are document-service's agencies (with their QMS
 * announcements and handled TTHCs), controlled documents, legal documents and TTHCs, and scoring-service's criteria sets;
 * review tasks, TTHC list updates and decisions, everything of audit-service, assessments, live scores and quality
 * objectives refuse it.
 */
public final class IntegrationView {

    /** {@code GET /api/v1/documents/{id}} and its versions (document-service). */
    static final List<String> DOCUMENT = List.of("documentId", "agencyId", "code", "title", "type", "revision", "status",
            "tthcProcedureId", "effectiveDate", "reason", "actor");
    /** {@code GET /api/v1/agencies/{id}/announcements} (document-service). */
    static final List<String> ANNOUNCEMENT = List.of("agencyId", "announcementId", "decisionNumber", "decisionDate",
            "standardEdition", "scope", "notifiedLeadAgencyOn", "reannouncement", "clearedRequirementId", "stepsOutsideSystem");
    /**
     * {@code GET /api/v1/agencies/{id}} (reannouncementRequired, reannouncementReason, reannouncementSince, reannouncementDue) and
     * its handled TTHCs (document-service).
     */
    static final List<String> REANNOUNCEMENT = List.of("agencyId", "requirementId", "reason", "effectiveDate", "dueDate",
            "addedProcedureIds", "removedProcedureIds");
    /** {@code GET /api/v1/agencies/{id}} (reannouncementOverdue, reannouncementDue). */
    static final List<String> REANNOUNCEMENT_OVERDUE = List.of("agencyId", "requirementId", "reason", "effectiveDate", "dueDate",
            "daysOverdue");

    private IntegrationView() {
    }

    /** The fields of {@code kind}'s data an integration client receives; empty when it receives nothing of that type. */
    public static Optional<List<String>> fields(EventKind kind) {
        return switch (kind) {
            case DOCUMENT_ISSUED, DOCUMENT_ABOLISHED -> Optional.of(DOCUMENT);
            case QMS_ANNOUNCED -> Optional.of(ANNOUNCEMENT);
            case QMS_REANNOUNCEMENT_REQUIRED -> Optional.of(REANNOUNCEMENT);
            case QMS_REANNOUNCEMENT_OVERDUE -> Optional.of(REANNOUNCEMENT_OVERDUE);
            // review tasks: document-service's /api/v1/review-tasks refuses integration
            case PROCEDURE_REVIEW_REQUIRED, PROCEDURE_REVIEW_OVERDUE, PROCEDURE_REVIEW_COMPLETED -> Optional.empty();
            case PROCEDURE_REVIEW_RESCHEDULED -> Optional.empty();
            // an agency's work on its handled-TTHC list: /api/v1/tthc-list-updates and -decisions refuse integration (the
            // list itself, once updated, reaches it as the agency's administrative procedures)
            case TTHC_LIST_UPDATE_REQUIRED, TTHC_LIST_UPDATE_OVERDUE, TTHC_LIST_UPDATE_CLEARED -> Optional.empty();
            // audit-service's REST API refuses integration everything (plans, audits, findings, corrective actions, reviews)
            case ACTIVITY_PLAN_APPROVED, ACTIVITY_OVERDUE, ACTIVITY_DONE, AUDIT_PLANNED, AUDIT_COMPLETED, INSPECTION_CAMPAIGN_APPROVED,
                 FINDING_RAISED, FINDING_CLOSED, CORRECTIVE_ACTION_OPENED, CORRECTIVE_ACTION_VERIFIED, CORRECTIVE_ACTION_CLOSED,
                 CORRECTIVE_ACTION_OVERDUE, MANAGEMENT_REVIEW_HELD, CORRECTIVE_REPORT_OWED, CORRECTIVE_REPORT_RETURNED,
                 CORRECTIVE_REPORT_OVERDUE, REPORT_DEADLINE_APPROACHING, REPORT_DEADLINE_MISSED -> Optional.empty();
            // scoring-service's assessments, live scores and objectives refuse integration
            case ASSESSMENT_SUBMITTED, ASSESSMENT_PUBLISHED, SCORE_CHANGED, OBJECTIVE_AT_RISK, OBJECTIVE_MISSED -> Optional.empty();
            // made here, about review tasks, corrective actions and plan items
            case REMINDER, ESCALATION -> Optional.empty();
            // made here, about a person of an agency: contacts refuse integration
            case TRAINING_REQUIRED -> Optional.empty();
        };
    }

    public static boolean delivers(EventKind kind) {
        return fields(kind).isPresent();
    }

    /** The full types delivered to integration clients (for the statements that queue deliveries and feed the stream). */
    public static String[] deliveredTypes() {
        return Arrays.stream(EventKind.values()).filter(IntegrationView::delivers).map(EventKind::type).toArray(String[]::new);
    }

    /** The data as an integration client receives it (only the fields of the table), or empty when it receives nothing of the type. */
    public static Optional<ObjectNode> project(String type, JsonNode data) {
        Optional<List<String>> fields = EventKind.ofType(type).flatMap(IntegrationView::fields);
        if (fields.isEmpty() || !(data instanceof ObjectNode object)) {
            return Optional.empty();
        }
        ObjectNode out = object.objectNode();
        for (String f : fields.get()) {
            JsonNode v = object.get(f);
            if (v != null) {
                out.set(f, v);
            }
        }
        return Optional.of(out);
    }
}
