package vn.govqms.scoring.objective;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import vn.govqms.kit.web.YearParam;
import vn.govqms.kit.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Roles;
import vn.govqms.scoring.objective.ObjectiveDtos.ObjectiveView;

import java.util.UUID;

@Path("/api/v1/quality-objectives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality objectives", description = "Mục tiêu chất lượng: bound to a KPI with a target; on track, at risk or missed as the KPI moves")
public class ObjectiveResource {

    @Inject ObjectiveService service;

    @POST
    @RolesAllowed(Roles.QMS_KEEPERS_OR_TENANT_ADMINS)
    @Operation(operationId = "createQualityObjective", summary = "Set a quality objective of an agency for a year, bound to a KPI with a target",
            description = "Evaluated at once: on track while met (or nothing measured yet), at risk when not met during the year, missed when "
                    + "not met once the year is over. Entering at risk or missed publishes objective.at-risk / objective.missed.")
    @APIResponse(responseCode = "201", description = "Set and evaluated", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<RestResponse<ObjectiveView>> create(@Valid @NotNull ObjectiveDtos.NewObjective body) {
        return service.create(body).map(v -> Responses.created("/api/v1/quality-objectives/" + v.view().id(), v.view(), v.version()));
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listQualityObjectives", summary = "Quality objectives in the caller's scope")
    @APIResponse(responseCode = "200", description = "A page of objectives")
    public Uni<Page<ObjectiveView>> list(@QueryParam("agencyId") UUID agencyId, @Valid @BeanParam YearParam year,
                                         @QueryParam("status") @Parameter(example = "AT_RISK") ObjectiveStatus status, @BeanParam PageParams paging) {
        return service.list(agencyId, year.year(), status, paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getQualityObjective", summary = "A quality objective with its KPI now")
    @APIResponse(responseCode = "200", description = "The objective; ETag for If-Match", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    public Uni<RestResponse<ObjectiveView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.QMS_KEEPERS_OR_TENANT_ADMINS)
    @Operation(operationId = "updateQualityObjective", summary = "Change an objective's title or target (If-Match required); it is evaluated again")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    public Uni<RestResponse<ObjectiveView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                   @Valid @NotNull ObjectiveDtos.ObjectiveChange body) {
        return service.update(id, body, ifMatch).map(v -> Responses.tagged(v.view(), v.version()));
    }
}
