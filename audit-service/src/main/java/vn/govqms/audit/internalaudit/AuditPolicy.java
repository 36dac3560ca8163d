package vn.govqms.audit.internalaudit;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;

/**
 * Who plans and confirms an audit (which agencies is the kit's {@link Scope}'s): the agency plans its internal audits;
 * a steering committee (a province's, or a ministry's over its units) plans cross-checks and inspections, and an agency
 * head may call a cross-check too; only the audited agency's own head confirms the report.
 */
final class AuditPolicy {

    private AuditPolicy() {
    }

    static boolean mayPlan(AuditKind kind, Caller caller) {
        return switch (kind) {
            case INTERNAL_AUDIT -> caller.hasRole(Roles.ISO_OFFICER) || caller.hasRole(Roles.AGENCY_HEAD);
            case CROSS_CHECK -> caller.hasRole(Roles.PROVINCE_ADMIN) || caller.hasRole(Roles.MINISTRY_ADMIN)
                    || caller.hasRole(Roles.AGENCY_HEAD);
            case PROVINCIAL_INSPECTION -> caller.hasRole(Roles.PROVINCE_ADMIN) || caller.hasRole(Roles.MINISTRY_ADMIN);
        };
    }

    static void requirePlanner(AuditKind kind, Caller caller) {
        if (!mayPlan(kind, caller)) {
            throw ProblemException.forbidden("Your role does not plan a " + kind.name() + ".");
        }
    }

    /** The lead auditor manages the audit; otherwise whoever may plan one of its kind. */
    static void requireManager(Audit audit, Caller caller) {
        if (!audit.isLead(caller.subject()) && !mayPlan(audit.kind, caller)) {
            throw ProblemException.forbidden("Only the lead auditor or the planner of this audit may do this.");
        }
    }

    /** The head of the audited agency, with a token of an agency (not a committee's), confirms the report. */
    static void requireConfirmer(Caller caller, Scope.Level level, String agencyName) {
        if (!caller.hasRole(Roles.AGENCY_HEAD) || level != Scope.Level.AGENCY) {
            throw ProblemException.forbidden("Only the head of " + agencyName + " confirms this audit's report.");
        }
    }
}
