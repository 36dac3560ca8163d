package vn.govqms.audit.plan;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import vn.govqms.audit.plan.PlanDtos.Completion;
import vn.govqms.audit.plan.PlanDtos.ItemInput;
import vn.govqms.audit.plan.PlanDtos.ItemView;
import vn.govqms.audit.plan.PlanDtos.NewPlan;
import vn.govqms.audit.plan.PlanDtos.PlanSummary;
import vn.govqms.audit.plan.PlanDtos.PlanView;
import vn.govqms.audit.plan.PlanDtos.Progress;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.ETags;
import vn.govqms.kit.web.QueryParams;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/activity-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activity plans", description = "Kế hoạch hoạt động ISO: the yearly plan of an agency, approved by its head")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Outside the caller's role or scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlanResource {

    private final PlanService service;
    private final Caller caller;

    public PlanResource(PlanService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ISO_OFFICER, Roles.AGENCY_HEAD})
    @Operation(operationId = "createActivityPlan", summary = "Start an agency's plan for a year from the template of required activities")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The agency already has a plan for that year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PlanView>> create(@Valid @NotNull NewPlan body) {
        return service.create(body, caller).map(p -> RestResponse.ResponseBuilder
                .<PlanView>created(URI.create("/api/v1/activity-plans/" + p.id())).entity(p).tag(ETags.of(p.version())).build());
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "listActivityPlans", summary = "Plans in the caller's scope, newest year first")
    @APIResponse(responseCode = "200", description = "A page of plans")
    public Uni<Page<PlanSummary>> list(@QueryParam("agencyId") String agencyId, @QueryParam("year") @Parameter(example = "2026") String year,
                                       @QueryParam("status") @Parameter(example = "APPROVED") String status, @BeanParam PageParams paging) {
        return service.list(new PlanService.Filter(QueryParams.uuid("agencyId", agencyId), year(year),
                QueryParams.enumValue("status", status, PlanStatus.class)), paging.toRequest());
    }

    @GET
    @Path("/progress")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "activityPlanProgress", summary = "Progress of the plans of a year: per agency the caller may list (its province, its ministry's units, its own agency; every agency at the national level)")
    @APIResponse(responseCode = "200", description = "The progress", content = @Content(schema = @Schema(implementation = Progress.class)))
    public Uni<Progress> progress(@QueryParam("year") @Parameter(required = true, example = "2026") String year, @BeanParam PageParams paging) {
        Integer y = year(year);
        if (y == null) {
            throw ProblemException.invalidField("year", "is required");
        }
        return service.progress(y, paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "getActivityPlan", summary = "A plan with its items")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PlanView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(p -> RestResponse.ResponseBuilder.ok(p).tag(ETags.of(p.version())).build());
    }

    @POST
    @Path("/{id}/items")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "addActivityItem", summary = "Add an activity to a draft plan")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The plan is approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ItemView>> addItem(@PathParam("id") UUID id, @Valid @NotNull ItemInput body) {
        return service.addItem(id, body, caller).map(i -> RestResponse.ResponseBuilder
                .<ItemView>created(URI.create("/api/v1/activity-plans/" + id + "/items/" + i.id())).entity(i).tag(ETags.of(i.version())).build());
    }

    @PUT
    @Path("/{id}/items/{itemId}")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "updateActivityItem", summary = "Change an activity of a draft plan (If-Match: the item's version)")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The plan is approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The last activity of a required kind cannot change kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ItemView>> updateItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ItemInput body) {
        return service.updateItem(id, itemId, body, ifMatch, caller)
                .map(i -> RestResponse.ResponseBuilder.ok(i).tag(ETags.of(i.version())).build());
    }

    @DELETE
    @Path("/{id}/items/{itemId}")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "removeActivityItem", summary = "Remove an activity from a draft plan (never the last of a required kind)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "422", description = "The last activity of a required kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> deleteItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return service.deleteItem(id, itemId, caller);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "approveActivityPlan", summary = "The head approves the plan (publishes activity-plan.approved)")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "Already approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PlanView> approve(@PathParam("id") UUID id) {
        return service.approve(id, caller);
    }

    @POST
    @Path("/{id}/items/{itemId}/completion")
    @RolesAllowed({Roles.ISO_OFFICER, Roles.AGENCY_HEAD})
    @Operation(operationId = "completeActivityItem", summary = "Record that an activity of an approved plan was done, with evidence (publishes activity.done)")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "Plan not approved, or activity already done", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ItemView> complete(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @Valid @NotNull Completion body) {
        return service.complete(id, itemId, body, caller);
    }

    static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(value.trim());
            if (y < 2000 || y > 2100) {
                throw ProblemException.invalidField("year", "between 2000 and 2100");
            }
            return y;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("year", "a year such as 2026");
        }
    }
}
