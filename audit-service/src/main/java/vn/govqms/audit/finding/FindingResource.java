package vn.govqms.audit.finding;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.audit.finding.FindingDtos.Closure;
import vn.govqms.audit.finding.FindingDtos.FindingView;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.QueryParams;

import java.util.UUID;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Findings", description = "Điểm không phù hợp, điểm cần lưu ý, cơ hội cải tiến (raise them at /api/v1/audits/{id}/findings)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Outside the caller's role or scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FindingResource {

    private final FindingService service;
    private final Caller caller;

    public FindingResource(FindingService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "listFindings", summary = "Findings of the agencies in the caller's scope, newest first")
    @APIResponse(responseCode = "200", description = "A page of findings")
    public Uni<Page<FindingView>> list(@QueryParam("agencyId") String agencyId, @QueryParam("auditId") String auditId,
                                       @QueryParam("kind") String kind, @QueryParam("status") String status, @BeanParam PageParams paging) {
        return service.list(new FindingService.Filter(QueryParams.uuid("agencyId", agencyId), QueryParams.uuid("auditId", auditId),
                QueryParams.enumValue("kind", kind, FindingKind.class), QueryParams.enumValue("status", status, FindingStatus.class)),
                paging.toRequest(), caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "getFinding", summary = "A finding")
    @APIResponse(responseCode = "200", description = "The finding", content = @Content(schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "404", description = "Unknown finding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FindingView> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ISO_OFFICER, Roles.AGENCY_HEAD})
    @Operation(operationId = "closeFinding", summary = "Close an observation or opportunity for improvement (nonconformities close through their actions)")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A nonconformity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FindingView> close(@PathParam("id") UUID id, @Valid Closure body) {
        return service.close(id, body, caller);
    }
}
