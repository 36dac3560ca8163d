package vn.govqms.notification.training;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.QueryParams;
import vn.govqms.notification.training.TrainingDtos.ProvinceFigures;

@Path("/api/v1/iso-officer-training")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trainings", description = "Đào tạo của cán bộ ISO và người liên hệ: khóa học, thời gian, chứng chỉ")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Outside the caller's role or scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IsoOfficerTrainingResource {

    static final String EXAMPLE = """
            {"items":[{"provinceCode":"24","asOf":"2025-12-05","agencies":48,"withIsoOfficer":45,"trained":30,"share":62.50,"overdue":6,
              "label":"Tỷ lệ cơ quan có cán bộ ISO đã được đào tạo: 30/48 (62,50%)"}],"page":0,"size":20,"total":1}""";

    private final TrainingService service;

    public IsoOfficerTrainingResource(TrainingService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "isoOfficerTrainingFigures", summary = "Per province: agencies in force, with an ISO officer, whose ISO officers are all trained "
            + "(count and percent of the agencies, 2 decimals, half up) and with an officer untrained past the period; the province asked for, "
            + "else every province the caller reads (national-admin: all)")
    @APIResponse(responseCode = "200", description = "A page of provinces, by code",
            content = @Content(examples = @ExampleObject(name = "Bắc Giang", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ProvinceFigures>> figures(@QueryParam("provinceCode") @Parameter(example = "24") String provinceCode, @BeanParam PageParams paging) {
        return service.figures(QueryParams.text("provinceCode", provinceCode, 2), paging.toRequest());
    }
}
