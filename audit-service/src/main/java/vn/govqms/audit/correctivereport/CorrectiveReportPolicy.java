package vn.govqms.audit.correctivereport;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

/**
 * Who does what with a corrective-action report (the scope of the agency or province is the kit's {@code Scope}'s):
 * the inspected agency's ISO officer or head submits it; the inspecting team (an auditor on the inspection's team) or the
 * province's steering committee that organised the inspection accepts or returns it.
 */
final class CorrectiveReportPolicy {

    private CorrectiveReportPolicy() {
    }

    static void requireSubmitter(Caller caller) {
        if (!caller.hasRole(Roles.ISO_OFFICER) && !caller.hasRole(Roles.AGENCY_HEAD)) {
            throw ProblemException.forbidden("The inspected agency's ISO officer or head submits its corrective-action report.");
        }
    }

    /** True when the caller decides as a member of the inspecting team, false as the organising steering committee. */
    static boolean decidesAsTeam(Caller caller, boolean onTeam) {
        if (caller.hasRole(Roles.AUDITOR) && onTeam) {
            return true;
        }
        if (caller.hasRole(Roles.PROVINCE_ADMIN) || caller.hasRole(Roles.MINISTRY_ADMIN)) {
            return false;
        }
        throw ProblemException.forbidden("The inspecting team (an auditor on the inspection's team) or the steering committee that "
                + "organised the inspection accepts or returns a corrective-action report.");
    }
}
