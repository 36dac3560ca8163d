package vn.govqms.scoring.assessment;

import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Scope;
import vn.govqms.scoring.team.AssessmentTeam;

import java.util.UUID;

/**
 * Who authors and changes (starts, scores, submits) an agency's official assessment: the steering committee over the
 * agency, never the agency itself.
 * <ul>
 * <li>{@code province-admin} of the agency's province, {@code ministry-admin} of its ministry: as the kit's
 * {@code Scope} lets them write the agency's records.</li>
 * <li>an {@code auditor} of another agency, named on the assessment team of the agency's province for the year, while
 * the auditor's own agency may act ({@code Scope.requireWrite} on it: not ended).</li>
 * <li>nobody else: not the assessed agency's own auditors, head or ISO officer, not an auditor left off the team.</li>
 * </ul>
 * Returning, finalising and reopening an official assessment stay with province-admin and ministry-admin.
 */
public final class OfficialAssessors {

    static final String WHO = "An official assessment is authored by the steering committee over the agency (province-admin, "
            + "ministry-admin for its units) or by an auditor of another agency named on the province's assessment team.";

    private OfficialAssessors() {
    }

    /**
     * 403 unless the caller may author or change the official assessment of {@code assessed}; {@code team} is the
     * assessment team of the agency's province for the assessment's year (empty when the caller is no auditor).
     */
    public static void requireAuthor(Scope scope, boolean auditor, String subject, AgencyRef assessed, AssessmentTeam team) {
        switch (scope.level()) {
            case PROVINCE, MINISTRY -> scope.requireWrite(assessed);
            case AGENCY -> {
                if (!auditor) {
                    throw ProblemException.forbidden(WHO);
                }
                UUID own = scope.ownAgency();
                if (own.equals(assessed.id())) {
                    throw ProblemException.forbidden("An auditor of agency " + own + " does not assess it officially: its official "
                            + "assessment is the steering committee's. " + WHO);
                }
                AgencyRef ownAgency = team.agencyOf(subject, own).orElseThrow(() -> ProblemException.forbidden("You (" + subject
                        + ", auditor of agency " + own + ") are not on the assessment team of province " + team.provinceCode() + " for "
                        + team.year() + ". " + WHO));
                scope.requireWrite(ownAgency);
            }
            default -> throw ProblemException.forbidden(WHO);
        }
    }

    /** Whether {@link #requireAuthor} would let the caller through. */
    public static boolean mayAuthor(Scope scope, boolean auditor, String subject, AgencyRef assessed, AssessmentTeam team) {
        try {
            requireAuthor(scope, auditor, subject, assessed, team);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }
}
