package vn.govqms.scoring.support;

import vn.govqms.kit.security.Roles;

/** Role groups of this service's endpoints. */
public final class Api {

    /** Everyone with a token: criteria sets and rankings are public within the system. */
    public static final String[] EVERYONE = {Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER,
            Roles.INTEGRATION};

    private Api() {
    }
}
