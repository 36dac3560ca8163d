package vn.govqms.audit.finding;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import vn.govqms.audit.finding.FindingDtos.ActionView;
import vn.govqms.audit.finding.FindingDtos.ExtensionInput;
import vn.govqms.audit.finding.FindingDtos.Implementation;
import vn.govqms.audit.finding.FindingDtos.NewAction;
import vn.govqms.audit.finding.FindingDtos.Verification;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.kit.web.Responses;

import java.util.UUID;

@Path("/api/v1/corrective-actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Corrective actions", description = "Hành động khắc phục: open → in progress → implemented → verified effective → closed")
public class ActionResource {

    private static final String NOT_IN_THIS_STATE = "Not allowed in the action's state (allowedActions says what is)";

    @Inject ActionService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "openCorrectiveAction", summary = "Open a corrective action for a nonconformity (publishes corrective-action.opened)",
            description = "After an on-site inspection the due date defaults to 2 months after the finding (GOVQMS_AUDIT_INSPECTION_CORRECTIVE_REPORT_WITHIN).")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "422", description = "Unknown finding, or not a nonconformity")
    @APIResponse(responseCode = "409", description = "The finding is closed")
    public Uni<RestResponse<ActionView>> open(@Valid @NotNull NewAction body) {
        return service.open(body, caller).map(a -> Responses.created("/api/v1/corrective-actions/" + a.id(), a, a.version()));
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listCorrectiveActions", summary = "Corrective actions in the caller's scope, earliest due first")
    @APIResponse(responseCode = "200", description = "A page of actions")
    public Uni<Page<ActionView>> list(@BeanParam ActionQuery query, @BeanParam PageParams paging) {
        return service.list(new ActionService.Filter(query.agencyId(), query.findingId(), query.status(), query.overdue()),
                paging.toRequest());
    }

    /** The filters of a list of corrective actions. */
    public record ActionQuery(
            @QueryParam("agencyId") UUID agencyId,
            @QueryParam("findingId") UUID findingId,
            @QueryParam("status") ActionStatus status,
            @QueryParam("overdue") @Parameter(description = "true: only open actions past their due date") Boolean overdue) {
    }

    @GET
    @Path("/changes")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "syncCorrectiveActions", summary = "Corrective actions of the caller's agencies changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id); an action moved to an agency out of the caller's reach comes as a "
                    + "tombstone {id, deleted: true, at}. Pass next back as since; call again at once while more is true.")
    public Uni<Changes<ActionView>> changes(@BeanParam SyncParams params) {
        return service.changes(params);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getCorrectiveAction", summary = "A corrective action with its due-date extensions")
    @APIResponse(responseCode = "200", description = "The action", content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Uni<RestResponse<ActionView>> get(@PathParam("id") UUID id) {
        // the version, as the create answer tags it, so that both say the same
        return service.get(id, caller).map(a -> Responses.tagged(a, a.version()));
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ANY_AGENCY_ROLE)
    @Operation(operationId = "startCorrectiveAction", summary = "The owner (or the agency's ISO officer or head) starts work")
    @APIResponse(responseCode = "200", description = "In progress", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = NOT_IN_THIS_STATE)
    public Uni<ActionView> start(@PathParam("id") UUID id) {
        return service.start(id, caller);
    }

    @POST
    @Path("/{id}/implementation")
    @RolesAllowed(Roles.ANY_AGENCY_ROLE)
    @Operation(operationId = "implementCorrectiveAction", summary = "The owner (or the agency's ISO officer or head) reports the action implemented")
    @APIResponse(responseCode = "200", description = "Implemented", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = NOT_IN_THIS_STATE)
    public Uni<ActionView> implement(@PathParam("id") UUID id, @Valid @NotNull Implementation body) {
        return service.implement(id, body, caller);
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "verifyCorrectiveAction", summary = "An auditor who is not the owner verifies effectiveness (publishes corrective-action.verified)",
            description = "Not effective: back to in progress. When every action of the finding is verified effective, the finding closes (finding.closed).")
    @APIResponse(responseCode = "200", description = "Verified", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "422", description = "The verifier is the owner")
    @APIResponse(responseCode = "409", description = NOT_IN_THIS_STATE)
    public Uni<ActionView> verify(@PathParam("id") UUID id, @Valid @NotNull Verification body) {
        return service.verify(id, body, caller);
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ISO_OFFICER, Roles.AGENCY_HEAD, Roles.AUDITOR})
    @Operation(operationId = "closeCorrectiveAction", summary = "Close an action verified effective (publishes corrective-action.closed)")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = NOT_IN_THIS_STATE)
    public Uni<ActionView> close(@PathParam("id") UUID id) {
        return service.close(id, caller);
    }

    @POST
    @Path("/{id}/extensions")
    @RolesAllowed(Roles.HEAD_OR_TENANT_ADMINS)
    @Operation(operationId = "extendCorrectiveAction", summary = "Extend the due date with a reason (kept with the action)")
    @APIResponse(responseCode = "200", description = "Extended", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The new date is not later")
    @APIResponse(responseCode = "409", description = NOT_IN_THIS_STATE)
    public Uni<ActionView> extend(@PathParam("id") UUID id, @Valid @NotNull ExtensionInput body) {
        return service.extend(id, body, caller);
    }
}
