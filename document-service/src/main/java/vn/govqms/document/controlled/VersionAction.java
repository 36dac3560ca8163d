package vn.govqms.document.controlled;

import vn.govqms.kit.security.Roles;

/** What can be done to a document version, and the role that does it. */
public enum VersionAction {
    EDIT(Roles.ISO_OFFICER),
    SUBMIT(Roles.ISO_OFFICER),
    RETURN(Roles.AGENCY_HEAD),
    APPROVE(Roles.AGENCY_HEAD),
    ISSUE(Roles.AGENCY_HEAD),
    ABOLISH(Roles.AGENCY_HEAD);

    private final String role;

    VersionAction(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
