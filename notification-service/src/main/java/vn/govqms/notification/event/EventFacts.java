package vn.govqms.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.kit.events.PoisonEventException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * What this service needs from an event's data: whose it is, its due date and owner, where its resource is, and what it
 * means for reminders and escalation. Fields are read by name; unknown fields are ignored.
 */
public record EventFacts(UUID agencyId, String provinceCode, LocalDate dueDate, String owner, String link, boolean skipRules,
                         Tracked deadline, Tracked escalation, List<String> closes) {

    static final String REANNOUNCEMENT = "qms-reannouncement:";
    static final String REANNOUNCEMENT_TITLE = "Công bố lại HTQLCL";

    /** An item with a due date followed here (reminders before it, escalation after it). */
    public record Tracked(String key, String title, LocalDate dueDate, int reportedStep) {
    }

    public static EventFacts of(EventKind kind, JsonNode d) {
        UUID agency = uuid(d, "agencyId", !kind.provinceWide());
        String province = text(d, "provinceCode");
        String owner = text(d, "owner");
        return switch (kind) {
            case PROCEDURE_REVIEW_REQUIRED -> {
                String task = required(d, "taskId");
                LocalDate due = date(d, "dueDate");
                String title = first(text(d, "documentCode"), "") + " " + first(text(d, "documentTitle"), "");
                yield new EventFacts(agency, province, due, null, "/api/v1/review-tasks/" + task, false,
                        due == null ? null : new Tracked("procedure-review:" + task, title.trim(), due, 0), null, List.of());
            }
            case PROCEDURE_REVIEW_OVERDUE -> {
                String task = required(d, "taskId");
                LocalDate due = date(d, "dueDate");
                yield new EventFacts(agency, province, due, null, "/api/v1/review-tasks/" + task, false, null,
                        due == null ? null : new Tracked("procedure-review:" + task, first(text(d, "documentCode"), task), due, 1),
                        List.of());
            }
            case PROCEDURE_REVIEW_COMPLETED -> {
                String task = required(d, "taskId");
                yield new EventFacts(agency, province, null, null, "/api/v1/review-tasks/" + task, true, null, null,
                        List.of("procedure-review:" + task));
            }
            case PROCEDURE_REVIEW_RESCHEDULED -> {
                // reminders follow the new due date; NotificationRouting moves or ends the escalation by the status after the move
                String task = required(d, "taskId");
                LocalDate due = requiredDate(d, "dueDate");
                String title = first(text(d, "documentCode"), task);
                yield new EventFacts(agency, province, due, null, "/api/v1/review-tasks/" + task, false,
                        new Tracked("procedure-review:" + task, title, due, 0), null, List.of());
            }
            case TTHC_LIST_UPDATE_REQUIRED -> {
                String update = required(d, "updateId");
                LocalDate due = requiredDate(d, "dueDate");
                yield new EventFacts(agency, province, due, null, listUpdates(agency, d), false,
                        new Tracked("tthc-list-update:" + update, listUpdateTitle(d), due, 0), null, List.of());
            }
            // the ISO officer, the head and the steering committee are told at once (rules): no escalation of its own
            case TTHC_LIST_UPDATE_OVERDUE -> new EventFacts(agency, province, requiredDate(d, "dueDate"), null, listUpdates(agency, d),
                    false, null, null, List.of());
            case TTHC_LIST_UPDATE_CLEARED -> new EventFacts(agency, province, null, null, listUpdates(agency, d), true, null, null,
                    List.of("tthc-list-update:" + required(d, "updateId")));
            case DOCUMENT_ISSUED, DOCUMENT_ABOLISHED -> new EventFacts(agency, province, date(d, "effectiveDate"), null,
                    "/api/v1/documents/" + required(d, "documentId"), false, null, null, List.of());
            // a re-announcement is due like any other deadline: reminded before, escalated once announced overdue, closed by
            // the announcement that clears it (the requirement id keys it; events without one, from before, track nothing)
            case QMS_ANNOUNCED -> {
                String cleared = text(d, "clearedRequirementId");
                yield new EventFacts(agency, province, null, null, "/api/v1/agencies/" + agency, false, null, null,
                        cleared == null ? List.of() : List.of(REANNOUNCEMENT + cleared));
            }
            case QMS_REANNOUNCEMENT_REQUIRED -> {
                String requirement = text(d, "requirementId");
                LocalDate due = date(d, "dueDate");
                yield new EventFacts(agency, province, due, null, "/api/v1/agencies/" + agency, false,
                        requirement == null || due == null ? null : new Tracked(REANNOUNCEMENT + requirement, REANNOUNCEMENT_TITLE, due, 0),
                        null, List.of());
            }
            case QMS_REANNOUNCEMENT_OVERDUE -> {
                String requirement = required(d, "requirementId");
                LocalDate due = date(d, "dueDate");
                yield new EventFacts(agency, province, due, null, "/api/v1/agencies/" + agency, false, null,
                        due == null ? null : new Tracked(REANNOUNCEMENT + requirement, REANNOUNCEMENT_TITLE, due, 1), List.of());
            }
            case ACTIVITY_PLAN_APPROVED -> new EventFacts(agency, province, null, null,
                    "/api/v1/activity-plans/" + required(d, "planId"), false, null, null, List.of());
            case ACTIVITY_OVERDUE -> {
                String item = required(d, "itemId");
                LocalDate due = date(d, "plannedDate");
                yield new EventFacts(agency, province, due, owner, "/api/v1/activity-plans/" + required(d, "planId"), false, null,
                        due == null ? null : new Tracked("activity:" + item, first(text(d, "title"), item), due, 1), List.of());
            }
            case ACTIVITY_DONE -> new EventFacts(agency, province, null, null, "/api/v1/activity-plans/" + required(d, "planId"),
                    true, null, null, List.of("activity:" + required(d, "itemId")));
            case AUDIT_PLANNED, AUDIT_COMPLETED -> new EventFacts(agency, province, date(d, "plannedStart"), null,
                    "/api/v1/audits/" + required(d, "auditId"), false, null, null, List.of());
            case INSPECTION_CAMPAIGN_APPROVED -> new EventFacts(null, province, null, null,
                    "/api/v1/inspection-campaigns/" + required(d, "campaignId"), false, null, null, List.of());
            case FINDING_RAISED, FINDING_CLOSED -> new EventFacts(agency, province, null, null,
                    "/api/v1/findings/" + required(d, "findingId"), false, null, null, List.of());
            case CORRECTIVE_ACTION_OPENED -> {
                String action = required(d, "actionId");
                LocalDate due = date(d, "dueDate");
                yield new EventFacts(agency, province, due, owner, "/api/v1/corrective-actions/" + action, false,
                        due == null ? null : new Tracked("corrective-action:" + action, first(text(d, "title"), action), due, 0),
                        null, List.of());
            }
            case CORRECTIVE_ACTION_OVERDUE -> {
                String action = required(d, "actionId");
                LocalDate due = date(d, "dueDate");
                int step = d.path("escalationStep").asInt(1);
                // the first step tells the owner and the officer (rules); later steps are escalations made here
                yield new EventFacts(agency, province, due, owner, "/api/v1/corrective-actions/" + action, step > 1, null,
                        due == null ? null : new Tracked("corrective-action:" + action, first(text(d, "title"), action), due, step),
                        List.of());
            }
            case CORRECTIVE_ACTION_VERIFIED -> {
                String action = required(d, "actionId");
                boolean effective = d.path("effective").asBoolean(false);
                yield new EventFacts(agency, province, null, null, "/api/v1/corrective-actions/" + action, true, null, null,
                        effective ? List.of("corrective-action:" + action) : List.of());
            }
            case CORRECTIVE_ACTION_CLOSED -> {
                String action = required(d, "actionId");
                yield new EventFacts(agency, province, null, null, "/api/v1/corrective-actions/" + action, true, null, null,
                        List.of("corrective-action:" + action));
            }
            case MANAGEMENT_REVIEW_HELD -> new EventFacts(agency, province, null, null,
                    "/api/v1/management-reviews/" + required(d, "reviewId"), false, null, null, List.of());
            case CORRECTIVE_REPORT_OWED, CORRECTIVE_REPORT_RETURNED, CORRECTIVE_REPORT_OVERDUE -> new EventFacts(agency, province,
                    date(d, "dueDate"), null, "/api/v1/corrective-reports/" + required(d, "reportId"), false, null, null, List.of());
            case REPORT_DEADLINE_APPROACHING, REPORT_DEADLINE_MISSED -> new EventFacts(null, required(d, "provinceCode"),
                    date(d, "deadline"), null, "/api/v1/reports/" + ("MINISTRY_REPORT".equals(text(d, "report")) ? "ministry-report"
                    : "province-summary") + "?year=" + d.path("year").asText(""), false, null, null, List.of());
            case ASSESSMENT_SUBMITTED, ASSESSMENT_PUBLISHED -> new EventFacts(agency, province, null, null,
                    "/api/v1/assessments/" + required(d, "assessmentId"), false, null, null, List.of());
            case SCORE_CHANGED -> {
                // only a change of band is worth a notification; every change goes to webhooks and the live stream
                boolean sameBand = text(d, "band") != null && text(d, "band").equals(text(d, "previousBand"));
                yield new EventFacts(agency, province, null, null, "/api/v1/agencies/" + agency + "/score?year="
                        + d.path("year").asText(""), sameBand, null, null, List.of());
            }
            case OBJECTIVE_AT_RISK, OBJECTIVE_MISSED -> new EventFacts(agency, province, null, null,
                    "/api/v1/objectives/" + required(d, "objectiveId"), false, null, null, List.of());
            case REMINDER, ESCALATION, TRAINING_REQUIRED -> throw new PoisonEventException(kind + " is made by this service, never received");
        };
    }

    /** The agency's list updates of the decision (document-service). */
    private static String listUpdates(UUID agency, JsonNode d) {
        return "/api/v1/tthc-list-updates?agencyId=" + agency + "&decisionId=" + uuid(d, "decisionId", true);
    }

    private static String listUpdateTitle(JsonNode d) {
        return "Cập nhật danh mục TTHC theo Quyết định " + first(text(d, "decisionNumber"), required(d, "decisionId"));
    }

    private static LocalDate requiredDate(JsonNode d, String field) {
        LocalDate v = date(d, field);
        if (v == null) {
            throw new PoisonEventException("the event has no " + field);
        }
        return v;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    static String text(JsonNode d, String field) {
        JsonNode n = d.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String required(JsonNode d, String field) {
        String v = text(d, field);
        if (v == null || v.isBlank()) {
            throw new PoisonEventException("the event has no " + field);
        }
        return v;
    }

    static UUID uuid(JsonNode d, String field, boolean required) {
        String v = required ? required(d, field) : text(d, field);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID: " + v);
        }
    }

    static LocalDate date(JsonNode d, String field) {
        String v = text(d, field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date: " + v);
        }
    }
}
