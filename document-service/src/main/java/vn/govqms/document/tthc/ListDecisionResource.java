package vn.govqms.document.tthc;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.document.tthc.ListDtos.DecisionView;
import vn.govqms.document.tthc.ListDtos.NewDecision;
import vn.govqms.document.tthc.ListDtos.UpdateView;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.Responses;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TTHC lists", description = "A province's decisions changing its TTHCs, and each agency's updating of its handled-TTHC list within 5 working days")
public class ListDecisionResource {

    @Inject ListUpdates updates;
    @Inject Caller caller;

    @POST
    @Path("/tthc-list-decisions")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "recordTthcListDecision", summary = "Record a province's decision changing its TTHCs",
            description = "By the province's steering committee. Every agency of the province handling one of the procedures, or named "
                    + "in agencyIds, owes an updated handled-TTHC list (PUT /agencies/{id}/administrative-procedures) within "
                    + "govqms.tthc.list-update-working-days (5) working days of the decision date, counted on the deployment's calendar; "
                    + "each gets tthc-list-update.required.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "409", description = "The province recorded this decision number already")
    @APIResponse(responseCode = "422", description = "A procedure or agency unknown (unknown-reference) or of another province (relation-outside-authority)")
    public Uni<RestResponse<DecisionView>> decide(@Valid @NotNull NewDecision body) {
        return updates.decide(body, caller).map(d -> Responses.created("/api/v1/tthc-list-decisions/" + d.id(), d));
    }

    @GET
    @Path("/tthc-list-decisions/{id}")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "getTthcListDecision", summary = "A province's TTHC list decision and how many agencies it gave work to",
            description = "For the province's steering committee and national-admin; an agency reads the decision's number and date on "
                    + "its list updates.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(schema = @Schema(implementation = DecisionView.class)))
    public Uni<DecisionView> decision(@PathParam("id") UUID id) {
        return updates.decision(id);
    }

    @GET
    @Path("/tthc-list-updates")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listTthcListUpdates", summary = "The agencies' handled-TTHC list updates owed, earliest due first",
            description = "Those of the agencies in the caller's scope; OPEN until the agency updates its list, OVERDUE after the due date, "
                    + "CLEARED once updated (clearedLate when after the due date).")
    @APIResponse(responseCode = "200", description = "A page of list updates")
    public Uni<Page<UpdateView>> list(
            @BeanParam UpdateQuery query, @BeanParam PageParams paging) {
        return updates.list(new ListUpdates.Filter(query.agencyId(), query.status(), query.decisionId()), paging.toRequest());
    }

    /** The filters of the list updates owed by agencies. */
    public record UpdateQuery(
            @QueryParam("agencyId") @Parameter(description = "One agency's") UUID agencyId,
            @QueryParam("status") @Parameter(example = "OVERDUE") ListUpdateStatus status,
            @QueryParam("decisionId") @Parameter(description = "The work one decision gave") UUID decisionId) {
    }
}
