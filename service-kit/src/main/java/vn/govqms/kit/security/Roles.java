package vn.govqms.kit.security;

import java.util.List;

/**
 * The roles a token may carry in its {@code groups} claim, from the widest to the narrowest, and the role sets
 * that resources name in {@code @RolesAllowed}.
 * <p>
 * An annotation cannot take a {@code String[]} constant, and Quarkus does not read {@code @RolesAllowed} through a
 * meta-annotation; it does resolve a configuration expression in it, to a comma-separated list. So each set is a
 * constant {@code "${govqms.roles.<set>}"} whose roles are listed once, in the kit's
 * {@code META-INF/microprofile-config.properties}; a missing key fails the start, never opens an operation.
 * Sets used by one operation only stay written out where they are used.
 */
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

    /** Every person: the steering committees and the agencies' people. */
    public static final String ANY_STAFF = "${govqms.roles.any-staff}";
    /** Every person and the one-stop-shop systems: who may read the registers. */
    public static final String ANY_READER = "${govqms.roles.any-reader}";
    /** national-admin and province-admin: who keep the national and provincial registers. */
    public static final String REGISTER_KEEPERS = "${govqms.roles.register-keepers}";
    /** The register keepers and the one-stop-shop systems. */
    public static final String REGISTER_KEEPERS_OR_INTEGRATION = "${govqms.roles.register-keepers-or-integration}";
    /** The three steering committees. */
    public static final String ANY_ADMIN = "${govqms.roles.any-admin}";
    /** ministry-admin and province-admin: the steering committees over a subtree or a province. */
    public static final String TENANT_ADMINS = "${govqms.roles.tenant-admins}";
    /** agency-head and iso-officer: who keep an agency's quality system. */
    public static final String QMS_KEEPERS = "${govqms.roles.qms-keepers}";
    /** The QMS keepers and the tenant admins above them. */
    public static final String QMS_KEEPERS_OR_TENANT_ADMINS = "${govqms.roles.qms-keepers-or-tenant-admins}";
    /** The QMS keepers and the three steering committees. */
    public static final String QMS_KEEPERS_OR_ADMINS = "${govqms.roles.qms-keepers-or-admins}";
    /** The QMS keepers, the auditors and the tenant admins: the parties of audits and inspections. */
    public static final String AUDIT_PARTIES = "${govqms.roles.audit-parties}";
    /** agency-head, ministry-admin and province-admin: who approve over an agency. */
    public static final String HEAD_OR_TENANT_ADMINS = "${govqms.roles.head-or-tenant-admins}";
    /** auditor, ministry-admin and province-admin: the inspecting side. */
    public static final String AUDITOR_OR_TENANT_ADMINS = "${govqms.roles.auditor-or-tenant-admins}";
    /** The roles of one agency's people ({@link #AGENCY_ROLES}). */
    public static final String ANY_AGENCY_ROLE = "${govqms.roles.any-agency-role}";

    private Roles() {
    }
}
