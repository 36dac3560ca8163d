package vn.govqms.scoring.assessment;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import vn.govqms.kit.web.YearParam;
import vn.govqms.kit.web.Responses;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.QueryParams;
import vn.govqms.scoring.assessment.AssessmentDtos.AssessmentSummary;
import vn.govqms.scoring.assessment.AssessmentDtos.AssessmentView;

import java.util.UUID;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Tự đánh giá và đánh giá chính thức theo bộ tiêu chí: draft → submitted → finalised")
public class AssessmentResource {

    static final String SCORES_EXAMPLE = """
            {"items":[{"criterionCode":"1.2","points":25,"evidenceLinks":["https://stp.bacgiang.gov.vn/iso/so-tay-chat-luong.pdf"],
              "comment":"Sổ tay chất lượng ban hành theo Quyết định 45/QĐ-STP"}],"comment":"Tự đánh giá năm 2026"}""";

    @Inject AssessmentService service;

    @POST
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "startAssessment", summary = "Start a self-assessment (agency head or ISO officer) or an official one (province-admin, ministry-admin, or an auditor of another agency on the province's assessment team)")
    @APIResponse(responseCode = "201", description = "A draft with every criterion of the set", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "The agency already has this kind of assessment for the year and set")
    @APIResponse(responseCode = "422", description = "Unknown agency, no criteria set in force, or a set that does not apply")
    public Uni<RestResponse<AssessmentView>> start(@Valid @NotNull AssessmentDtos.NewAssessment body) {
        return service.start(body).map(v -> Responses.created("/api/v1/assessments/" + v.view().id(), v.view(), v.version()));
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listAssessments", summary = "Assessments in the caller's scope, newest year first")
    @APIResponse(responseCode = "200", description = "A page of assessments")
    public Uni<Page<AssessmentSummary>> list(@BeanParam AssessmentQuery query, @Valid @BeanParam YearParam year, @BeanParam PageParams paging) {
        return service.list(new AssessmentService.Filter(query.agencyId(), year.year(), query.kind(), query.status()), paging.toRequest());
    }

    @GET
    @Path("/comparison")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "compareAssessments", summary = "Self-assessment and official assessment of an agency side by side, per criterion")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(schema = @Schema(implementation = AssessmentDtos.Comparison.class)))
    @APIResponse(responseCode = "400", description = "agencyId and year are required")
    public Uni<AssessmentDtos.Comparison> compare(@QueryParam("agencyId") @Parameter(required = true) UUID agencyId, @Valid @BeanParam YearParam year) {
        return service.compare(QueryParams.required("agencyId", agencyId), year.required());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getAssessment", summary = "An assessment with its points per criterion")
    @APIResponse(responseCode = "200", description = "The assessment; ETag for If-Match", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    public Uni<RestResponse<AssessmentView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @PUT
    @Path("/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "scoreAssessment", summary = "Give points (0..max) to manual criteria, with evidence links and comments (If-Match required)")
    @RequestBody(content = @Content(schema = @Schema(implementation = AssessmentDtos.Scores.class), examples = @ExampleObject(name = "Tiêu chí 1.2", value = SCORES_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Scored", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Points outside 0..max, unknown criterion, points for an automatic criterion")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public Uni<RestResponse<AssessmentView>> score(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                   @Valid @NotNull AssessmentDtos.Scores body) {
        return service.score(id, body, ifMatch).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "submitAssessment", summary = "Submit: automatic criteria are computed from the indicators; publishes assessment.submitted")
    @APIResponse(responseCode = "200", description = "Submitted with its total and band", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "422", description = "Manual criteria without points (listed)")
    public Uni<RestResponse<AssessmentView>> submit(@PathParam("id") UUID id) {
        return service.submit(id).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.HEAD_OR_TENANT_ADMINS)
    @Operation(operationId = "returnAssessment", summary = "Send a submitted assessment back to draft, with a reason")
    @APIResponse(responseCode = "200", description = "A draft again", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Not submitted")
    public Uni<RestResponse<AssessmentView>> sendBack(@PathParam("id") UUID id, @Valid @NotNull AssessmentDtos.Reason body) {
        return service.sendBack(id, body.reason()).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @POST
    @Path("/{id}/finalise")
    @RolesAllowed(Roles.HEAD_OR_TENANT_ADMINS)
    @Operation(operationId = "finaliseAssessment", summary = "Finalise (publish): immutable, automatic points frozen; publishes assessment.published",
            description = "The agency head finalises a self-assessment, the steering committee over the agency (province-admin or ministry-admin) an official one. The agency's live score takes the new manual points.")
    @APIResponse(responseCode = "200", description = "Finalised", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Not submitted")
    public Uni<RestResponse<AssessmentView>> finalise(@PathParam("id") UUID id) {
        return service.finalise(id).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed(Roles.HEAD_OR_TENANT_ADMINS)
    @Operation(operationId = "reopenAssessment", summary = "Correct a finalised assessment: it becomes a draft again; the reason is kept in the audit trail")
    @APIResponse(responseCode = "200", description = "Reopened as a draft", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "409", description = "Not finalised")
    public Uni<RestResponse<AssessmentView>> reopen(@PathParam("id") UUID id, @Valid @NotNull AssessmentDtos.Reason body) {
        return service.reopen(id, body.reason()).map(v -> Responses.tagged(v.view(), v.version()));
    }

    /** The filters of a list of assessments. */
    public record AssessmentQuery(
            @QueryParam("agencyId") UUID agencyId,
            @QueryParam("kind") @Parameter(example = "OFFICIAL") AssessmentKind kind,
            @QueryParam("status") @Parameter(example = "FINALISED") AssessmentStatus status) {
    }
}
