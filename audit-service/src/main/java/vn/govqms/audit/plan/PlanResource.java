package vn.govqms.audit.plan;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import vn.govqms.kit.web.YearParam;
import vn.govqms.kit.web.Responses;
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
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/activity-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity plans", description = "Kế hoạch hoạt động ISO: the yearly plan of an agency, approved by its head")
public class PlanResource {

    @Inject PlanService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "createActivityPlan", summary = "Start an agency's plan for a year from the template of required activities")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The agency already has a plan for that year")
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<RestResponse<PlanView>> create(@Valid @NotNull NewPlan body) {
        return service.create(body, caller).map(p -> Responses.created("/api/v1/activity-plans/" + p.id(), p, p.version()));
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listActivityPlans", summary = "Plans in the caller's scope, newest year first")
    @APIResponse(responseCode = "200", description = "A page of plans")
    public Uni<Page<PlanSummary>> list(@QueryParam("agencyId") UUID agencyId, @Valid @BeanParam YearParam year,
                                       @QueryParam("status") @Parameter(example = "APPROVED") PlanStatus status, @BeanParam PageParams paging) {
        return service.list(new PlanService.Filter(agencyId, year.year(), status), paging.toRequest());
    }

    @GET
    @Path("/progress")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "activityPlanProgress", summary = "Progress of the plans of a year: per agency the caller may list (its province, its ministry's units, its own agency; every agency at the national level)")
    @APIResponse(responseCode = "200", description = "The progress", content = @Content(schema = @Schema(implementation = Progress.class)))
    public Uni<Progress> progress(@Valid @BeanParam YearParam year, @BeanParam PageParams paging) {
        return service.progress(year.required(), paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getActivityPlan", summary = "A plan with its items")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Uni<RestResponse<PlanView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(p -> Responses.tagged(p, p.version()));
    }

    @POST
    @Path("/{id}/items")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "addActivityItem", summary = "Add an activity to a draft plan")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The plan is approved")
    public Uni<RestResponse<ItemView>> addItem(@PathParam("id") UUID id, @Valid @NotNull ItemInput body) {
        return service.addItem(id, body, caller).map(i -> Responses.created("/api/v1/activity-plans/" + id + "/items/" + i.id(), i, i.version()));
    }

    @PUT
    @Path("/{id}/items/{itemId}")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "updateActivityItem", summary = "Change an activity of a draft plan (If-Match: the item's version)")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The plan is approved")
    @APIResponse(responseCode = "422", description = "The last activity of a required kind cannot change kind")
    public Uni<RestResponse<ItemView>> updateItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ItemInput body) {
        return service.updateItem(id, itemId, body, ifMatch, caller)
                .map(i -> Responses.tagged(i, i.version()));
    }

    @DELETE
    @Path("/{id}/items/{itemId}")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "removeActivityItem", summary = "Remove an activity from a draft plan (never the last of a required kind)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "422", description = "The last activity of a required kind")
    public Uni<Void> deleteItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return service.deleteItem(id, itemId, caller);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "approveActivityPlan", summary = "The head approves the plan (publishes activity-plan.approved)")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "Already approved")
    public Uni<PlanView> approve(@PathParam("id") UUID id) {
        return service.approve(id, caller);
    }

    @POST
    @Path("/{id}/items/{itemId}/completion")
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "completeActivityItem", summary = "Record that an activity of an approved plan was done, with evidence (publishes activity.done)")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "Plan not approved, or activity already done")
    public Uni<ItemView> complete(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @Valid @NotNull Completion body) {
        return service.complete(id, itemId, body, caller);
    }
}
