package vn.govqms.notification.inbox;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import java.util.List;

/**
 * Who reads an agency's notifications besides the people they are addressed to (which agencies is the kit's
 * {@code Scope}'s): the agency's head and ISO officer, the steering committees and the national level.
 */
final class InboxPolicy {

    static final List<String> AGENCY_READERS = List.of(Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.AGENCY_HEAD, Roles.ISO_OFFICER);

    private InboxPolicy() {
    }

    static void requireAgencyReader(Caller caller) {
        if (AGENCY_READERS.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Only the agency's head and ISO officer, or a steering committee, read an agency's notifications.");
        }
    }
}
