package vn.govqms.scoring.objective;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.ETags;
import vn.govqms.kit.web.QueryParams;
import vn.govqms.scoring.objective.ObjectiveDtos.ObjectiveView;
import vn.govqms.scoring.support.Params;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/quality-objectives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality objectives", description = "Mục tiêu chất lượng: bound to a KPI with a target; on track, at risk or missed as the KPI moves")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Outside the caller's role or scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ObjectiveResource {

    private final ObjectiveService service;

    public ObjectiveResource(ObjectiveService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "createQualityObjective", summary = "Set a quality objective of an agency for a year, bound to a KPI with a target",
            description = "Evaluated at once: on track while met (or nothing measured yet), at risk when not met during the year, missed when "
                    + "not met once the year is over. Entering at risk or missed publishes objective.at-risk / objective.missed.")
    @APIResponse(responseCode = "201", description = "Set and evaluated", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ObjectiveView>> create(@Valid @NotNull ObjectiveDtos.NewObjective body) {
        return service.create(body).map(v -> RestResponse.ResponseBuilder.<ObjectiveView>created(
                URI.create("/api/v1/quality-objectives/" + v.view().id())).entity(v.view()).tag(ETags.of(v.version())).build());
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "listQualityObjectives", summary = "Quality objectives in the caller's scope")
    @APIResponse(responseCode = "200", description = "A page of objectives")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ObjectiveView>> list(@QueryParam("agencyId") String agencyId, @QueryParam("year") @Parameter(example = "2026") String year,
                                         @QueryParam("status") @Parameter(example = "AT_RISK") String status, @BeanParam PageParams paging) {
        return service.list(QueryParams.uuid("agencyId", agencyId), Params.year("year", year),
                QueryParams.enumValue("status", status, ObjectiveStatus.class), paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "getQualityObjective", summary = "A quality objective with its KPI now")
    @APIResponse(responseCode = "200", description = "The objective; ETag for If-Match", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "404", description = "Unknown objective", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ObjectiveView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(v -> RestResponse.ResponseBuilder.ok(v.view()).tag(ETags.of(v.version())).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "updateQualityObjective", summary = "Change an objective's title or target (If-Match required); it is evaluated again")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown objective", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ObjectiveView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                   @Valid @NotNull ObjectiveDtos.ObjectiveChange body) {
        return service.update(id, body, ifMatch).map(v -> RestResponse.ResponseBuilder.ok(v.view()).tag(ETags.of(v.version())).build());
    }
}
