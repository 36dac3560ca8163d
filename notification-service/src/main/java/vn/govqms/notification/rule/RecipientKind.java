package vn.govqms.notification.rule;

/** Whom a rule addresses. */
public enum RecipientKind {
    /** The contacts of the event's agency that have a role (recipientRole). */
    AGENCY_ROLE,
    /** The steering committee of the event's agency's province. */
    STEERING_COMMITTEE,
    /** One named contact (contactId). */
    CONTACT,
    /** The person the event names as owner (corrective actions, plan items), when a contact of the agency. */
    EVENT_OWNER
}
