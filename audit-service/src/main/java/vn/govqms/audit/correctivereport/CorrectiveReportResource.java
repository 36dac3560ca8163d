package vn.govqms.audit.correctivereport;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import vn.govqms.kit.web.YearParam;
import jakarta.annotation.security.RolesAllowed;
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
import vn.govqms.audit.correctivereport.CorrectiveReportDtos.Return;
import vn.govqms.audit.correctivereport.CorrectiveReportDtos.Submission;
import vn.govqms.audit.correctivereport.CorrectiveReportDtos.View;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/corrective-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Corrective-action reports", description = "Báo cáo kết quả khắc phục sau kiểm tra trực tiếp: owed → submitted → accepted, or returned → submitted again")
@APIResponse(responseCode = "409", description = "Not allowed in the report's state (allowedActions says what is)")
public class CorrectiveReportResource {

    @Inject CorrectiveReportService service;
    @Inject Caller caller;

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listCorrectiveReports", summary = "Corrective-action reports owed after on-site inspections, in the caller's scope, earliest due first")
    @APIResponse(responseCode = "200", description = "A page of reports")
    public Uni<Page<View>> list(@BeanParam ReportQuery query, @Valid @BeanParam YearParam year, @BeanParam PageParams paging) {
        return service.list(new CorrectiveReportService.Filter(query.agencyId(), query.auditId(), year.year(), query.status(),
                query.overdue()), paging.toRequest());
    }

    /** The filters of a list of corrective-action reports. */
    public record ReportQuery(
            @QueryParam("agencyId") UUID agencyId,
            @QueryParam("auditId") UUID auditId,
            @QueryParam("status") @Parameter(example = "OWED") CorrectiveReportStatus status,
            @QueryParam("overdue") @Parameter(description = "true: only reports still owed past their due date") Boolean overdue) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getCorrectiveReport", summary = "A corrective-action report: due date (minutes date + 2 months), state, what was submitted, the team's decision")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = View.class)))
    public Uni<View> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "submitCorrectiveReport", summary = "The inspected agency submits its corrective-action report (publishes corrective-report.submitted)")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "No content")
    public Uni<View> submit(@PathParam("id") UUID id, @Valid @NotNull Submission body) {
        return service.submit(id, body, caller);
    }

    @POST
    @Path("/{id}/acceptance")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.AUDITOR_OR_TENANT_ADMINS)
    @Operation(operationId = "acceptCorrectiveReport", summary = "The inspecting team accepts the report (publishes corrective-report.accepted)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = View.class)))
    public Uni<View> accept(@PathParam("id") UUID id) {
        return service.accept(id, caller);
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.AUDITOR_OR_TENANT_ADMINS)
    @Operation(operationId = "returnCorrectiveReport", summary = "The inspecting team returns the report with a reason: owed again by the same due date (publishes corrective-report.returned)")
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    public Uni<View> giveBack(@PathParam("id") UUID id, @Valid @NotNull Return body) {
        return service.giveBack(id, body, caller);
    }
}
