package vn.govqms.audit.finding;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

/** Who closes a finding that is not a nonconformity (which agencies is the kit's {@code Scope}'s): the agency's ISO officer or head. */
final class FindingPolicy {

    private FindingPolicy() {
    }

    static void requireCloser(Caller caller) {
        if (!caller.hasRole(Roles.ISO_OFFICER) && !caller.hasRole(Roles.AGENCY_HEAD)) {
            throw ProblemException.forbidden("The agency's ISO officer or head closes its findings.");
        }
    }
}
