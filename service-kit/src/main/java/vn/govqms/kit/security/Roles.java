package vn.govqms.kit.security;

import java.util.List;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {

    /** The province's steering committee / Department of Science and Technology. */
    public static final String PROVINCE_ADMIN = "province-admin";
    /** Người đứng đầu: approves, issues, confirms. */
    public static final String AGENCY_HEAD = "agency-head";
    /** Cán bộ ISO: maintains the agency's quality system. */
    public static final String ISO_OFFICER = "iso-officer";
    public static final String AUDITOR = "auditor";
    public static final String VIEWER = "viewer";
    /** One-stop-shop systems and other machines. */
    public static final String INTEGRATION = "integration";
    /** The people of an agency or province, as opposed to the machines of {@link #INTEGRATION}. */
    public static final List<String> STAFF = List.of(PROVINCE_ADMIN, AGENCY_HEAD, ISO_OFFICER, AUDITOR, VIEWER);

    private Roles() {
    }
}
