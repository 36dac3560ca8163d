package vn.govqms.scoring.assessment;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;

/**
 * Which roles author and finalise each kind of assessment (on which agencies is the kit's {@code Scope}'s, and for an
 * official assessment {@link OfficialAssessors}'): a self-assessment is the agency's own business (its head or ISO officer
 * authors, its head finalises); an official one the steering committee's (province-admin or ministry-admin authors and
 * finalises; an auditor named on the province's assessment team authors too).
 */
final class AssessmentPolicy {

    private AssessmentPolicy() {
    }

    /** 403 unless the caller's role makes assessments of this kind; {@code level} is its {@code Scope.level()}. */
    static void requireAuthorRole(AssessmentKind kind, Caller caller, Scope.Level level) {
        boolean ok = kind == AssessmentKind.SELF
                ? level == Scope.Level.AGENCY && (caller.hasRole(Roles.AGENCY_HEAD) || caller.hasRole(Roles.ISO_OFFICER))
                : caller.hasRole(Roles.PROVINCE_ADMIN) || caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.AUDITOR);
        if (!ok) {
            throw ProblemException.forbidden(kind == AssessmentKind.SELF
                    ? "A self-assessment is made by the agency's own head or ISO officer."
                    : OfficialAssessors.WHO);
        }
    }

    /** 403 unless the caller's role returns, finalises and reopens assessments of this kind. */
    static void requireFinaliser(AssessmentKind kind, Caller caller, Scope.Level level) {
        boolean ok = kind == AssessmentKind.SELF ? level == Scope.Level.AGENCY && caller.hasRole(Roles.AGENCY_HEAD)
                : caller.hasRole(Roles.PROVINCE_ADMIN) || caller.hasRole(Roles.MINISTRY_ADMIN);
        if (!ok) {
            throw ProblemException.forbidden(kind == AssessmentKind.SELF
                    ? "The agency's head returns, finalises and reopens its self-assessment."
                    : "The steering committee over the agency (province-admin or ministry-admin) returns, finalises and reopens an official assessment.");
        }
    }

    /** Whether the caller's authority over official assessments comes from the province's assessment team. */
    static boolean assessesAsTeamAuditor(Caller caller) {
        return caller.hasRole(Roles.AUDITOR);
    }
}
