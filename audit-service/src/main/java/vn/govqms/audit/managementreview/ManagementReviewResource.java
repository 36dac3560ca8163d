package vn.govqms.audit.managementreview;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import vn.govqms.kit.web.YearParam;
import vn.govqms.kit.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.audit.managementreview.ManagementReviewDtos.ActionCompletion;
import vn.govqms.audit.managementreview.ManagementReviewDtos.ActionView;
import vn.govqms.audit.managementreview.ManagementReviewDtos.AgencyWithoutReview;
import vn.govqms.audit.managementreview.ManagementReviewDtos.NewReview;
import vn.govqms.audit.managementreview.ManagementReviewDtos.ReviewView;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/management-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Management reviews", description = "Xem xét của lãnh đạo: ISO 9001:2015 9.3.2 inputs and 9.3.3 outputs")
public class ManagementReviewResource {

    @Inject ManagementReviewService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "recordManagementReview", summary = "Record a management review held by the agency (publishes management-review.held)")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (a date in the future, a topic twice)")
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<RestResponse<ReviewView>> record(@Valid @NotNull NewReview body) {
        return service.record(body, caller).map(r -> Responses.created("/api/v1/management-reviews/" + r.id(), r));
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listManagementReviews", summary = "Reviews of the agencies in the caller's scope, newest first")
    @APIResponse(responseCode = "200", description = "A page of reviews")
    public Uni<Page<ReviewView>> list(@QueryParam("agencyId") UUID agencyId, @Valid @BeanParam YearParam year,
                                      @BeanParam PageParams paging) {
        return service.list(agencyId, year.year(), paging.toRequest());
    }

    @GET
    @Path("/missing")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "agenciesWithoutManagementReview", summary = "Agencies the caller may list (its province, its ministry's units, its agency; all at the national level) without a management review in a year")
    @APIResponse(responseCode = "200", description = "A page of agencies")
    public Uni<Page<AgencyWithoutReview>> missing(@Valid @BeanParam YearParam year, @BeanParam PageParams paging) {
        return service.without(year.required(), paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getManagementReview", summary = "A management review, with the 9.3.2 inputs it did not consider")
    @APIResponse(responseCode = "200", description = "The review", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Uni<ReviewView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/actions/{actionId}/completion")
    @RolesAllowed(Roles.ANY_AGENCY_ROLE)
    @Operation(operationId = "completeManagementReviewAction", summary = "Record an action opened by the review as done (its owner, or the agency's ISO officer or head)")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = "Already done")
    public Uni<ActionView> completeAction(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
                                          @Valid @NotNull ActionCompletion body) {
        return service.completeAction(id, actionId, body, caller);
    }
}
