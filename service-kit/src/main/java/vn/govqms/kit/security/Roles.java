package vn.govqms.kit.security;

import java.util.List;

/** The roles a token may carry in its {@code groups} claim, from the widest to the narrowest. */
public final class Roles {

    /** Bộ Khoa học và Công nghệ or a national operator: reads everything, keeps the national registers. */
    public static final String NATIONAL_ADMIN = "national-admin";
    /** A ministry's steering committee: the ministry's subtree of agencies (claim {@code agency_id} = its root). */
    public static final String MINISTRY_ADMIN = "ministry-admin";
    /** The province's steering committee / Department of Science and Technology (claim {@code province_code}). */
    public static final String PROVINCE_ADMIN = "province-admin";
    /** Người đứng đầu: approves, issues, confirms. */
    public static final String AGENCY_HEAD = "agency-head";
    /** Cán bộ ISO: maintains the agency's quality system. */
    public static final String ISO_OFFICER = "iso-officer";
    public static final String AUDITOR = "auditor";
    public static final String VIEWER = "viewer";
    /** One-stop-shop systems and other machines (claim {@code province_code}). */
    public static final String INTEGRATION = "integration";

    /** The steering committees, each over a whole tenant (the country, a ministry's subtree, a province). */
    public static final List<String> ADMINS = List.of(NATIONAL_ADMIN, MINISTRY_ADMIN, PROVINCE_ADMIN);
    /** The roles of one agency's people: each needs the claim {@code agency_id}. */
    public static final List<String> AGENCY_ROLES = List.of(AGENCY_HEAD, ISO_OFFICER, AUDITOR, VIEWER);
    /** The people, as opposed to the machines of {@link #INTEGRATION}. */
    public static final List<String> STAFF = List.of(NATIONAL_ADMIN, MINISTRY_ADMIN, PROVINCE_ADMIN, AGENCY_HEAD,
            ISO_OFFICER, AUDITOR, VIEWER);

    private Roles() {
    }
}
