package vn.govqms.audit.finding;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.audit.finding.FindingDtos.Closure;
import vn.govqms.audit.finding.FindingDtos.FindingView;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings", description = "Điểm không phù hợp, điểm cần lưu ý, cơ hội cải tiến (raise them at /api/v1/audits/{id}/findings)")
public class FindingResource {

    @Inject FindingService service;
    @Inject Caller caller;

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listFindings", summary = "Findings of the agencies in the caller's scope, newest first")
    @APIResponse(responseCode = "200", description = "A page of findings")
    public Uni<Page<FindingView>> list(@QueryParam("agencyId") UUID agencyId, @QueryParam("auditId") UUID auditId,
                                       @BeanParam FindingQuery query, @BeanParam PageParams paging) {
        return service.list(new FindingService.Filter(agencyId, auditId, query.kind(), query.status()), paging.toRequest(), caller);
    }

    /** The filters of a list of findings, also those of one audit. */
    public record FindingQuery(@QueryParam("kind") FindingKind kind, @QueryParam("status") FindingStatus status) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getFinding", summary = "A finding")
    @APIResponse(responseCode = "200", description = "The finding", content = @Content(schema = @Schema(implementation = FindingView.class)))
    public Uni<FindingView> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "closeFinding", summary = "Close an observation or opportunity for improvement (nonconformities close through their actions)")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "409", description = "Already closed")
    @APIResponse(responseCode = "422", description = "A nonconformity")
    public Uni<FindingView> close(@PathParam("id") UUID id, @Valid Closure body) {
        return service.close(id, body, caller);
    }
}
