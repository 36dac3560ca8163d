package vn.govqms.scoring;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceSuccessions;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;
import vn.govqms.scoring.assessment.OfficialAssessors;
import vn.govqms.scoring.team.AssessmentTeam;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who authors an agency's official assessment: the steering committee over it, never the agency's own auditors. */
class OfficialAssessorsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final AgencyRef JUSTICE = agency("24", null, null);
    static final AgencyRef SCIENCE = agency("24", null, null);
    static final AgencyRef HEALTH = agency("24", null, null);
    static final AgencyRef DISSOLVED = agency("24", null, LocalDate.of(2026, 6, 30));
    static final UUID MINISTRY = UUID.randomUUID();
    static final AgencyRef UNIT = agency(AgencyRef.CENTRAL, MINISTRY, null);
    /** Bắc Ninh's 2026 team: an auditor of the Department of Science and Technology, one of the Department of Justice, one of a dissolved agency. */
    static final AssessmentTeam TEAM = new AssessmentTeam("24", 2026, List.of(
            new AssessmentTeam.Member("auditor-khcn", SCIENCE, "Sở Khoa học và Công nghệ", "Nguyễn Văn An"),
            new AssessmentTeam.Member("auditor-tp", JUSTICE, "Sở Tư pháp", "Trần Thị Bình"),
            new AssessmentTeam.Member("auditor-old", DISSOLVED, "Ban Quản lý dự án", "Lê Văn Cường")));

    static AgencyRef agency(String province, UUID root, LocalDate validTo) {
        UUID id = UUID.randomUUID();
        return new AgencyRef(id, province, root == null ? id : root, validTo);
    }

    static Scope scope(String role, AgencyRef agency, String province) {
        return new Scope(Set.of(role), agency == null ? null : agency.id().toString(), province, ProvinceSuccessions.NONE, TODAY);
    }

    static boolean auditor(String subject, AgencyRef own, AgencyRef assessed, AssessmentTeam team) {
        return OfficialAssessors.mayAuthor(scope(Roles.AUDITOR, own, "24"), true, subject, assessed, team);
    }

    @Test
    void theAssessedAgencysOwnAuditorNeverAuthorsItsOfficialAssessmentEvenOnTheTeam() {
        assertFalse(auditor("auditor-tp", JUSTICE, JUSTICE, TEAM));
        assertFalse(auditor("auditor-tp", JUSTICE, JUSTICE, AssessmentTeam.empty("24", 2026)));
        ProblemException refused = assertThrows(ProblemException.class, () -> OfficialAssessors.requireAuthor(
                scope(Roles.AUDITOR, JUSTICE, "24"), true, "auditor-tp", JUSTICE, TEAM));
        assertTrue(refused.getMessage().contains("does not assess it officially"), refused.getMessage());
    }

    @Test
    void anAuditorOfAnotherAgencyNamedOnTheTeamAuthors() {
        assertTrue(auditor("auditor-khcn", SCIENCE, JUSTICE, TEAM));
        // the Department of Science and Technology is itself assessed, by another member of the team
        assertTrue(auditor("auditor-tp", JUSTICE, SCIENCE, TEAM));
        assertTrue(auditor("auditor-khcn", SCIENCE, HEALTH, TEAM));
    }

    @Test
    void anAuditorLeftOffTheTeamDoesNotAuthor() {
        assertFalse(auditor("auditor-yt", HEALTH, JUSTICE, TEAM));
        assertFalse(auditor("auditor-khcn", SCIENCE, JUSTICE, AssessmentTeam.empty("24", 2026)));
        // named as an auditor of another agency than the one the token names
        assertFalse(auditor("auditor-khcn", HEALTH, JUSTICE, TEAM));
        // the agency the auditor belonged to has ended
        assertFalse(auditor("auditor-old", DISSOLVED, JUSTICE, TEAM));
        // an auditor's role is needed, not only a name on the team
        assertFalse(OfficialAssessors.mayAuthor(scope(Roles.ISO_OFFICER, SCIENCE, "24"), false, "auditor-khcn", JUSTICE, TEAM));
    }

    @Test
    void theSteeringCommitteeOverTheAgencyAuthorsAndNoOther() {
        assertTrue(OfficialAssessors.mayAuthor(scope(Roles.PROVINCE_ADMIN, null, "24"), false, "admin-24", JUSTICE, TEAM));
        assertFalse(OfficialAssessors.mayAuthor(scope(Roles.PROVINCE_ADMIN, null, "37"), false, "admin-37", JUSTICE, TEAM));
        AgencyRef ministry = new AgencyRef(MINISTRY, AgencyRef.CENTRAL, MINISTRY, null);
        assertTrue(OfficialAssessors.mayAuthor(scope(Roles.MINISTRY_ADMIN, ministry, null), false, "bo", UNIT,
                AssessmentTeam.empty(AgencyRef.CENTRAL, 2026)));
        assertFalse(OfficialAssessors.mayAuthor(scope(Roles.MINISTRY_ADMIN, agency(AgencyRef.CENTRAL, null, null), null), false, "bo-khac",
                UNIT, AssessmentTeam.empty(AgencyRef.CENTRAL, 2026)));
        assertFalse(OfficialAssessors.mayAuthor(scope(Roles.NATIONAL_ADMIN, null, null), false, "national-admin", JUSTICE, TEAM));
        assertFalse(OfficialAssessors.mayAuthor(scope(Roles.INTEGRATION, null, "24"), false, "integration-24", JUSTICE, TEAM));
        assertFalse(OfficialAssessors.mayAuthor(scope(Roles.AGENCY_HEAD, JUSTICE, "24"), false, "head-tp", JUSTICE, TEAM));
    }
}
