package vn.govqms.audit.managementreview;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

/** Who records an action of a management review done (which agencies is the kit's {@code Scope}'s): its owner, or the agency's ISO officer or head. */
final class ManagementReviewPolicy {

    private ManagementReviewPolicy() {
    }

    static void requireCompleter(ManagementReviewAction action, Caller caller) {
        if (!action.owner.equals(caller.subject()) && !caller.hasRole(Roles.ISO_OFFICER) && !caller.hasRole(Roles.AGENCY_HEAD)) {
            throw ProblemException.forbidden("The owner of the action or the agency's ISO officer or head records it done.");
        }
    }
}
