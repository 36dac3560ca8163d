package vn.govqms.document.controlled;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

/**
 * Who does what with a controlled document and its versions (which agencies is the kit's {@code Scope}'s): the ISO
 * officer drafts, submits, distributes and records postings; the head returns, approves, issues and abolishes; either
 * records periodic reviews and attaches files. A machine client reads only what was issued. Receipts are
 * {@link ReceiptPolicy}'s.
 */
final class DocumentPolicy {

    private DocumentPolicy() {
    }

    /** The role that takes a version through {@code action}. */
    static String roleFor(VersionAction action) {
        return switch (action) {
            case EDIT, SUBMIT -> Roles.ISO_OFFICER;
            case RETURN, APPROVE, ISSUE, ABOLISH -> Roles.AGENCY_HEAD;
        };
    }

    static void requireMay(VersionAction action, Caller caller) {
        String role = roleFor(action);
        if (!caller.hasRole(role)) {
            throw ProblemException.forbidden("Only the " + role + " may " + action.name().toLowerCase() + " a document version.");
        }
    }

    static void requireDistributor(Caller caller) {
        requireIsoOfficer(caller, "distributes documents and records where they are published");
    }

    static void requirePostingRecorder(Caller caller) {
        requireIsoOfficer(caller, "records postings");
    }

    static void requirePeriodicReviewer(Caller caller) {
        requireKeeper(caller, "records periodic reviews");
    }

    static void requireAttacher(Caller caller) {
        requireKeeper(caller, "attaches files");
    }

    /**
     * A machine client (a one-stop-shop system) reads what an agency has issued: versions issued at some time,
     * and documents that have one. Drafts and documents never issued are unknown to it (404), not forbidden.
     */
    static boolean issuedOnly(Caller caller) {
        return caller.isIntegrationOnly();
    }

    private static void requireIsoOfficer(Caller caller, String what) {
        if (!caller.hasRole(Roles.ISO_OFFICER)) {
            throw ProblemException.forbidden("The agency's ISO officer " + what + ".");
        }
    }

    private static void requireKeeper(Caller caller, String what) {
        if (!caller.hasRole(Roles.ISO_OFFICER) && !caller.hasRole(Roles.AGENCY_HEAD)) {
            throw ProblemException.forbidden("The agency's ISO officer or head " + what + ".");
        }
    }
}
