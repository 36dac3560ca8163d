package vn.govqms.scoring.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What the assessment-team API reads and writes. */
public final class AssessmentTeamDtos {

    private AssessmentTeamDtos() {
    }

    @Schema(name = "AssessmentTeamMemberInput")
    public record MemberInput(
            @NotBlank @Size(max = 200) @Schema(description = "The auditor's token subject (sub)", example = "nguyen.van.an@sokhcn.bacninh.gov.vn")
            String subject,
            @NotNull @Schema(description = "The agency the auditor belongs to (the token's agency_id)", example = "3f1c2a9e-5b7d-4c1e-9a2f-1d2e3f4a5b6c")
            UUID agencyId,
            @Size(max = 200) @Schema(example = "Nguyễn Văn An, Chi cục Tiêu chuẩn Đo lường Chất lượng") String name) {
    }

    @Schema(name = "AssessmentTeamChange", description = "The whole team: whoever is not listed is no longer on it")
    public record TeamChange(@NotNull @Size(max = 200) List<@Valid @NotNull MemberInput> members) {
    }

    @Schema(name = "AssessmentTeamMember")
    public record MemberView(@Schema(example = "nguyen.van.an@sokhcn.bacninh.gov.vn") String subject, UUID agencyId,
                             @Schema(example = "Sở Khoa học và Công nghệ tỉnh Bắc Ninh") String agencyName,
                             @Schema(example = "Nguyễn Văn An, Chi cục Tiêu chuẩn Đo lường Chất lượng") String name) {
    }

    @Schema(name = "AssessmentTeam")
    public record TeamView(@Schema(example = "24") String provinceCode, @Schema(example = "2026") int year, List<MemberView> members) {

        static TeamView of(AssessmentTeam team) {
            return new TeamView(team.provinceCode(), team.year(), team.members().stream()
                    .map(m -> new MemberView(m.subject(), m.agency().id(), m.agencyName(), m.name())).toList());
        }
    }
}
