package vn.govqms.audit.campaign;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.audit.campaign.CampaignDtos.LevelsInput;
import vn.govqms.audit.campaign.CampaignDtos.LevelsView;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.Responses;

@Path("/api/v1/inspection-levels/{provinceCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection campaigns")
public class InspectionLevelResource {

    @Inject InspectionLevelService service;
    @Inject Caller caller;

    @GET
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "getInspectionLevels", summary = "The agency levels the province's campaigns include: the law's and those the province added")
    @APIResponse(responseCode = "200", description = "The levels (ETag: \"0\" until the province first chooses)",
            content = @Content(schema = @Schema(implementation = LevelsView.class)))
    public Uni<RestResponse<LevelsView>> get(@PathParam("provinceCode") @Parameter(example = "24") String provinceCode) {
        return service.get(provinceCode).map(InspectionLevelResource::ok);
    }

    @PUT
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "setInspectionLevels", summary = "Choose the encouraged levels (communes, wards, special zones, public service units) "
            + "the province's campaigns include besides the law's (If-Match)")
    @APIResponse(responseCode = "200", description = "Chosen; campaigns approved from now on include them",
            content = @Content(schema = @Schema(implementation = LevelsView.class)))
    @APIResponse(responseCode = "400", description = "A level that is not an encouraged one")
    public Uni<RestResponse<LevelsView>> set(@PathParam("provinceCode") @Parameter(example = "24") String provinceCode,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LevelsInput body) {
        return service.set(provinceCode, body, ifMatch, caller).map(InspectionLevelResource::ok);
    }

    private static RestResponse<LevelsView> ok(LevelsView v) {
        return Responses.tagged(v, v.version());
    }
}
