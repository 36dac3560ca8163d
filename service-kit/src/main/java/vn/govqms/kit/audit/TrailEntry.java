package vn.govqms.kit.audit;

import vn.govqms.kit.security.AgencyRef;

/**
 * One row of the audit trail: an action on a resource of {@code agency} (null for province-wide or national resources),
 * who did it, and views of the resource before and after (records or maps; only the fields that differ are kept).
 * Written {@code TrailEntry.on("finding", f.id, agency).did("raised", caller.subject(), null, view)}.
 */
public record TrailEntry(String resourceType, Object resourceId, AgencyRef agency, String action, String actor, Object before,
                         Object after) {

    /** The resource an entry is about. */
    public static On on(String resourceType, Object resourceId, AgencyRef agency) {
        return new On(resourceType, resourceId, agency);
    }

    /** The first half of an entry: the resource; {@link #did} adds what happened to it. */
    public record On(String resourceType, Object resourceId, AgencyRef agency) {

        public TrailEntry did(String action, String actor, Object before, Object after) {
            return new TrailEntry(resourceType, resourceId, agency, action, actor, before, after);
        }
    }
}
