package vn.govqms.audit.finding;

/** What can be done to a corrective action; {@link ActionStatus#allowed()} says when, {@link ActionPolicy} who. */
public enum ActionStep {
    START,
    IMPLEMENT,
    VERIFY,
    CLOSE,
    EXTEND;

    /** The name in problems and views ({@code allowedActions}). */
    public String key() {
        return name().toLowerCase();
    }
}
