package vn.govqms.audit.internalaudit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.audit.internalaudit.AuditDtos.AnswerInput;
import vn.govqms.audit.internalaudit.AuditDtos.AuditSummary;
import vn.govqms.audit.internalaudit.AuditDtos.AuditView;
import vn.govqms.audit.internalaudit.AuditDtos.ChecklistEdit;
import vn.govqms.audit.internalaudit.AuditDtos.Confirmation;
import vn.govqms.audit.internalaudit.AuditDtos.Copy;
import vn.govqms.audit.internalaudit.AuditDtos.NewAudit;
import vn.govqms.audit.internalaudit.AuditDtos.ReportInput;
import vn.govqms.audit.internalaudit.AuditDtos.TeamInput;
import vn.govqms.audit.finding.FindingDtos.FindingView;
import vn.govqms.audit.finding.FindingDtos.NewFinding;
import vn.govqms.audit.finding.FindingResource.FindingQuery;
import vn.govqms.audit.finding.FindingService;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.kit.web.ETags;
import vn.govqms.kit.web.Responses;
import vn.govqms.kit.web.YearParam;

import java.util.UUID;

@Path("/api/v1/audits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audits", description = "Đánh giá nội bộ, kiểm tra chéo, kiểm tra của tỉnh: team, scope, checklist, report")
public class AuditResource {

    @Inject AuditService service;
    @Inject FindingService findings;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.QMS_KEEPERS_OR_TENANT_ADMINS)
    @Operation(operationId = "planAudit", summary = "Plan an audit: internal (officer or head), cross-check (province-admin, ministry-admin or head), inspection (province-admin, ministry-admin)",
            description = "Publishes audit.planned. The team has one LEAD; no auditor audits their own unit (internal) or own agency (cross-check, inspection).")
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (e.g. a clause not in ISO 9001:2015)")
    @APIResponse(responseCode = "422", description = "Auditor not independent, unknown agency or procedure, abolished procedure")
    public Uni<RestResponse<AuditView>> create(@Valid @NotNull NewAudit body) {
        return service.create(body, caller).map(AuditResource::created);
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listAudits", summary = "Audits of the agencies in the caller's scope, or (mine=true) those whose team the caller is on")
    @APIResponse(responseCode = "200", description = "A page of audits")
    public Uni<Page<AuditSummary>> list(@BeanParam AuditQuery query, @Valid @BeanParam YearParam year, @BeanParam PageParams paging) {
        return service.list(new AuditService.Filter(query.agencyId(), year.year(), query.kind(), query.status(), query.campaignId(),
                Boolean.TRUE.equals(query.mine())), paging.toRequest(), caller);
    }

    /** The filters of a list of audits. */
    public record AuditQuery(
            @QueryParam("agencyId") UUID agencyId,
            @QueryParam("kind") AuditKind kind,
            @QueryParam("status") AuditStatus status,
            @QueryParam("campaignId") UUID campaignId,
            @QueryParam("mine") @Parameter(description = "true: only audits whose team the caller is on", example = "true") Boolean mine) {
    }

    @GET
    @Path("/changes")
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "syncAuditChecklists", summary = "The caller's audits (team member) with their checklists, changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id); an audit whose team no longer names the caller comes as a tombstone "
                    + "{id, deleted: true, at}. Answers made offline go back in one batch: POST /api/v1/audits/{id}/checklist/answers.")
    public Uni<Changes<AuditView>> changes(@BeanParam SyncParams params) {
        return service.changes(params);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getAudit", summary = "An audit with its team, scope, checklist and findings by kind")
    @APIResponse(responseCode = "200", description = "The audit", content = @Content(schema = @Schema(implementation = AuditView.class)))
    public Uni<RestResponse<AuditView>> get(@PathParam("id") UUID id) {
        return service.get(id, caller).map(AuditResource::ok);
    }

    @POST
    @Path("/{id}/copies")
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "copyAudit", summary = "Start a new audit of the same agency from this one (e.g. last year's): scope, team, checklist copied, answers reset")
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(schema = @Schema(implementation = AuditView.class)))
    public Uni<RestResponse<AuditView>> copy(@PathParam("id") UUID id, @Valid @NotNull Copy body) {
        return service.copy(id, body, caller).map(AuditResource::created);
    }

    @PUT
    @Path("/{id}/checklist")
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "editAuditChecklist", summary = "Replace the checklist's questions (lead auditor or planner; If-Match)")
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "409", description = "Audit reported or closed")
    public Uni<RestResponse<AuditView>> editChecklist(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                      @Valid @NotNull ChecklistEdit body) {
        return service.editChecklist(id, body, ifMatch, caller).map(AuditResource::ok);
    }

    @PUT
    @Path("/{id}/team")
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "setAuditTeam", summary = "Replace the team and its lead, planned or in progress (lead auditor or planner; "
            + "If-Match); how a campaign's inspection of its lead's own agency gets another lead")
    @APIResponse(responseCode = "200", description = "Team set", content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "400", description = "Not exactly one LEAD, or an auditor twice")
    @APIResponse(responseCode = "409", description = "Audit reported or closed")
    @APIResponse(responseCode = "422", description = "auditor-not-independent: a member works for the audited agency (internal audits: audits their own unit)")
    public Uni<RestResponse<AuditView>> setTeam(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Valid @NotNull TeamInput body) {
        return service.setTeam(id, body, ifMatch, caller).map(AuditResource::ok);
    }

    @PUT
    @Path("/{id}/checklist/{no}/answer")
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "answerChecklistItem", summary = "Answer a checklist item with evidence (a member of the team, audit in progress)")
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "409", description = "Audit not in progress")
    public Uni<RestResponse<AuditView>> answer(@PathParam("id") UUID id, @PathParam("no") String no, @Valid @NotNull AnswerInput body) {
        int n;
        try {
            n = Integer.parseInt(no);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("no", "a checklist item number");
        }
        return service.answer(id, n, body, caller).map(AuditResource::ok);
    }

    @POST
    @Path("/{id}/checklist/answers")
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

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "startAudit", summary = "Start a planned audit (lead auditor or planner)")
    @APIResponse(responseCode = "200", description = "In progress", content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "409", description = "Not planned")
    @APIResponse(responseCode = "422", description = "lead-missing: a campaign's inspection whose lead is not named yet")
    public Uni<RestResponse<AuditView>> start(@PathParam("id") UUID id) {
        return service.start(id, caller).map(AuditResource::ok);
    }

    @POST
    @Path("/{id}/report")
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "reportAudit", summary = "The lead auditor reports the conclusion (every checklist item answered)")
    @APIResponse(responseCode = "200", description = "Reported", content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "409", description = "Not in progress")
    @APIResponse(responseCode = "422", description = "Checklist items unanswered")
    public Uni<RestResponse<AuditView>> report(@PathParam("id") UUID id, @Valid @NotNull ReportInput body) {
        return service.report(id, body, caller).map(AuditResource::ok);
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "confirmAudit", summary = "The head of the audited agency confirms the report; the audit closes (audit.completed)")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = AuditView.class)))
    @APIResponse(responseCode = "409", description = "Not reported")
    public Uni<RestResponse<AuditView>> confirm(@PathParam("id") UUID id, @Valid Confirmation body) {
        return service.confirm(id, body, caller).map(AuditResource::ok);
    }

    @POST
    @Path("/{id}/findings")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "raiseFinding", summary = "A member of the audit team records a finding (audit in progress; publishes finding.raised)")
    @APIResponse(responseCode = "201", description = "Raised", content = @Content(schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (e.g. a clause not in ISO 9001:2015)")
    @APIResponse(responseCode = "409", description = "Audit not in progress")
    @APIResponse(responseCode = "422", description = "Unknown procedure")
    public Uni<RestResponse<FindingView>> raise(@PathParam("id") UUID id, @Valid @NotNull NewFinding body) {
        return findings.raise(id, body, caller).map(f -> Responses.created("/api/v1/findings/" + f.id(), f));
    }

    @GET
    @Path("/{id}/findings")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listAuditFindings", summary = "The findings of an audit")
    @APIResponse(responseCode = "200", description = "A page of findings")
    public Uni<Page<FindingView>> findings(@PathParam("id") UUID id, @BeanParam FindingQuery query,
                                           @BeanParam PageParams paging) {
        return findings.list(new FindingService.Filter(null, id, query.kind(), query.status()), paging.toRequest(), caller);
    }

    static RestResponse<AuditView> ok(AuditView a) {
        return Responses.tagged(a, a.version());
    }

    static RestResponse<AuditView> created(AuditView a) {
        return Responses.created("/api/v1/audits/" + a.id(), a, a.version());
    }
}
