package vn.govqms.scoring.team;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;
import vn.govqms.scoring.support.Params;
import vn.govqms.scoring.team.AssessmentTeamDtos.TeamView;

@Path("/api/v1/assessment-teams/{provinceCode}/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment teams", description = "Tổ đánh giá của Ban chỉ đạo ISO tỉnh: các đánh giá viên được chấm điểm chính thức cơ quan khác")
@APIResponse(responseCode = "400", description = "Invalid province code, year or team")
@APIResponse(responseCode = "403", description = "Another province's team, or a role that does not read or name teams")
public class AssessmentTeamResource {

    static final String TEAM_EXAMPLE = """
            {"members":[{"subject":"nguyen.van.an@sokhcn.bacninh.gov.vn","agencyId":"3f1c2a9e-5b7d-4c1e-9a2f-1d2e3f4a5b6c",
              "name":"Nguyễn Văn An, Chi cục Tiêu chuẩn Đo lường Chất lượng"}]}""";

    @Inject AssessmentTeamService service;

    @GET
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "getAssessmentTeam", summary = "The auditors on a province's assessment team for a year (empty until named)")
    @APIResponse(responseCode = "200", description = "The team", content = @Content(schema = @Schema(implementation = TeamView.class)))
    public Uni<TeamView> get(@PathParam("provinceCode") @Parameter(example = "24") String provinceCode,
                             @PathParam("year") @Parameter(example = "2026") String year) {
        return service.get(province(provinceCode), year(year));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "nameAssessmentTeam", summary = "Name the province's assessment team for a year (the whole team; province-admin of the province)",
            description = "An auditor on the team authors and changes the official assessment of any agency of the province but "
                    + "the auditor's own; the province-admin returns, finalises and reopens it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AssessmentTeamDtos.TeamChange.class),
            examples = @ExampleObject(name = "Tổ đánh giá năm 2026", value = TEAM_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The team as named", content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "422", description = "An agency the directory does not know")
    public Uni<TeamView> name(@PathParam("provinceCode") @Parameter(example = "24") String provinceCode,
                              @PathParam("year") @Parameter(example = "2026") String year,
                              @Valid @NotNull AssessmentTeamDtos.TeamChange body) {
        return service.replace(province(provinceCode), year(year), body.members());
    }

    private static String province(String code) {
        if (code == null || !code.matches("\\d{2}")) {
            throw ProblemException.invalidField("provinceCode", "a two-digit province code");
        }
        return code;
    }

    private static int year(String year) {
        Integer y = Params.year("year", year);
        if (y == null) {
            throw ProblemException.invalidField("year", "is required");
        }
        return y;
    }
}
