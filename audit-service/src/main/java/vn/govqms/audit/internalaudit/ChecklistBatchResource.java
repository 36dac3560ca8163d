package vn.govqms.audit.internalaudit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.ETags;

import java.util.UUID;

@Path("/api/v1/audits/{id}/checklist/answers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audits")
public class ChecklistBatchResource {

    private final AuditService service;
    private final Caller caller;

    public ChecklistBatchResource(AuditService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "answerChecklistItems", summary = "Upload checklist answers made offline, each with its item's If-Match",
            description = "A member of the team, audit in progress. Each answer applies while its item is at the version it names "
                    + "(ifMatch, the item's version field); otherwise it comes back 412 with the item as it now is, or 404 for an "
                    + "unknown item number, and the others apply. One transaction for the batch. The answer is 207 Multi-Status "
                    + "with one result per answer, in the order sent.")
    @APIResponse(responseCode = "207", description = "One result per answer (status 200, 404 or 412) and the audit's new version",
            content = @Content(schema = @Schema(implementation = ChecklistBatch.Outcome.class)))
    @APIResponse(responseCode = "409", description = "Audit not in progress")
    public Uni<RestResponse<ChecklistBatch.Outcome>> answer(@PathParam("id") UUID id, @Valid @NotNull ChecklistBatch.Answers body) {
        return service.answerAll(id, body, caller)
                .map(o -> RestResponse.ResponseBuilder.<ChecklistBatch.Outcome>create(207).entity(o).tag(ETags.of(o.auditVersion())).build());
    }
}
