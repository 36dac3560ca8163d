package vn.govqms.scoring.team;

import vn.govqms.kit.security.AgencyRef;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The assessment team of a province for a year: the auditors the province's steering committee named to author
 * official assessments (see {@code assessment.OfficialAssessors}). Each member is an auditor's token subject and
 * the agency the auditor belongs to, as the agency directory knows it.
 */
public record AssessmentTeam(String provinceCode, int year, List<Member> members) {

    /**
     * A named auditor: the token's subject, the agency of its {@code agency_id} (from the directory: its province,
     * root and end date; only the id when the directory has lost it), the agency's name and the person's.
     */
    public record Member(String subject, AgencyRef agency, String agencyName, String name) {
    }

    public static AssessmentTeam empty(String provinceCode, int year) {
        return new AssessmentTeam(provinceCode, year, List.of());
    }

    /** The agency of the member named by {@code subject} for {@code agencyId}, when the team names that auditor of that agency. */
    public Optional<AgencyRef> agencyOf(String subject, UUID agencyId) {
        return members.stream().filter(m -> m.subject().equals(subject) && m.agency().id().equals(agencyId))
                .map(Member::agency).findFirst();
    }
}
