package vn.govqms.audit.finding;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

/**
 * Who does what with a corrective action (which agencies is the kit's {@code Scope}'s): its owner or the agency's ISO
 * officer or head works on it; an auditor verifies it; the agency or an auditor closes it; the agency's head, its
 * province or its ministry extends its due date.
 */
final class ActionPolicy {

    private ActionPolicy() {
    }

    static void requireWorker(CorrectiveAction action, Caller caller) {
        if (!action.owner.equals(caller.subject()) && !agencyKeeper(caller)) {
            throw ProblemException.forbidden("The owner of the action or the agency's ISO officer or head works on it.");
        }
    }

    static void requireVerifier(Caller caller) {
        if (!caller.hasRole(Roles.AUDITOR)) {
            throw ProblemException.forbidden("An auditor of the agency or of the audit's team verifies corrective actions.");
        }
    }

    /** True when the caller closes as an auditor of the audit's team (no need to change the agency's records). */
    static boolean closesAsTeam(Caller caller, boolean onTeam) {
        boolean auditor = caller.hasRole(Roles.AUDITOR);
        if (!auditor && !agencyKeeper(caller)) {
            throw ProblemException.forbidden("The agency's ISO officer or head, or an auditor, closes corrective actions.");
        }
        return auditor && onTeam;
    }

    static void requireExtender(Caller caller) {
        if (!caller.hasRole(Roles.AGENCY_HEAD) && !caller.hasRole(Roles.PROVINCE_ADMIN) && !caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw ProblemException.forbidden("The agency's head, its province or its ministry extends a due date.");
        }
    }

    private static boolean agencyKeeper(Caller caller) {
        return caller.hasRole(Roles.ISO_OFFICER) || caller.hasRole(Roles.AGENCY_HEAD);
    }
}
