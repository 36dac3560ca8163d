package vn.govqms.notification.training;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import vn.govqms.kit.web.ProvinceParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Roles;
import vn.govqms.notification.training.TrainingDtos.ProvinceFigures;

@Path("/api/v1/iso-officer-training")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trainings", description = "Đào tạo của cán bộ ISO và người liên hệ: khóa học, thời gian, chứng chỉ")
public class IsoOfficerTrainingResource {

    static final String EXAMPLE = """
            {"items":[{"provinceCode":"24","asOf":"2025-12-05","agencies":48,"withIsoOfficer":45,"trained":30,"share":62.50,"overdue":6,
              "label":"Tỷ lệ cơ quan có cán bộ ISO đã được đào tạo: 30/48 (62,50%)"}],"page":0,"size":20,"total":1}""";

    @Inject TrainingService service;

    @GET
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "isoOfficerTrainingFigures", summary = "Per province: agencies in force, with an ISO officer, whose ISO officers are all trained "
            + "(count and percent of the agencies, 2 decimals, half up) and with an officer untrained past the period; the province asked for, "
            + "else every province the caller reads (national-admin: all)")
    @APIResponse(responseCode = "200", description = "A page of provinces, by code",
            content = @Content(examples = @ExampleObject(name = "Bắc Giang", value = EXAMPLE)))
    public Uni<Page<ProvinceFigures>> figures(@Valid @BeanParam ProvinceParam province, @BeanParam PageParams paging) {
        return service.figures(province.provinceCode(), paging.toRequest());
    }
}
