package vn.govqms.document.procedurereview;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.ProvinceOverdueReport;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.Resolution;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.ReviewView;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;

import java.util.UUID;

@Path("/api/v1/review-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procedure reviews", description = "Rà soát quy trình ISO theo TTHC và VBQPPL: tasks created when a legal document or TTHC changes")
public class ProcedureReviewResource {

    private static final String BY_PROVINCE_EXAMPLE = """
            {"asOf": "2025-12-31", "provinces": [
              {"provinceCode": "11", "formerProvinces": [], "agenciesWithOverdue": 2, "openTasks": 9, "overdueTasks": 3, "oldestDueDate": "2025-10-01"},
              {"provinceCode": "24", "formerProvinces": ["27"], "agenciesWithOverdue": 7, "openTasks": 52, "overdueTasks": 12, "oldestDueDate": "2025-09-29"},
              {"provinceCode": "37", "formerProvinces": ["35", "36"], "agenciesWithOverdue": 0, "openTasks": 14, "overdueTasks": 0, "oldestDueDate": null}]}""";

    @Inject ProcedureReviewService service;
    @Inject OverdueByProvince nationalView;
    @Inject Caller caller;

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listReviewTasks", summary = "Review tasks in the caller's scope, earliest due first")
    @APIResponse(responseCode = "200", description = "A page of tasks")
    public Uni<Page<ReviewView>> list(@BeanParam ReviewQuery query, @BeanParam PageParams paging) {
        return service.list(new ProcedureReviewService.Filter(query.agencyId(), query.status(), query.documentId(), query.causeId()),
                paging.toRequest(), caller);
    }

    @GET
    @Path("/overdue-by-province")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @ExpensiveRead
    @Operation(operationId = "overdueReviewsByProvince", summary = "The national view: open and overdue reviews per province on a date",
            description = "One row per province that has agencies, by code: agencies with overdue reviews, open reviews (overdue "
                    + "included), overdue reviews and the oldest overdue due date, as they stood on asOf. Each agency counts in its "
                    + "province; a province that a merger ended by asOf counts under the province that continues it (formerProvinces). "
                    + "For national-admin only.")
    @APIResponse(responseCode = "200", description = "The rows", content = @Content(schema = @Schema(implementation = ProvinceOverdueReport.class),
            examples = @ExampleObject(name = "After the 2025 mergers", value = BY_PROVINCE_EXAMPLE)))
    public Uni<ProvinceOverdueReport> overdueByProvince(
            @QueryParam("asOf") @Parameter(description = "The day the counts are for (default today)", example = "2025-12-31") LocalDate asOf) {
        return nationalView.asOf(asOf);
    }

    @GET
    @Path("/changes")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "syncReviewTasks", summary = "Review tasks of the caller's agencies changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id): new tasks, resolutions, overdue marks; a task moved to an agency "
                    + "out of the caller's reach comes as a tombstone {id, deleted: true, at}. Pass next back as since.")
    public Uni<Changes<ReviewView>> changes(@BeanParam SyncParams params) {
        return service.changes(params);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getReviewTask", summary = "A review task")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Uni<ReviewView> get(@PathParam("id") UUID id) {
        return service.get(id, caller);
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "resolveReviewTask", summary = "Resolve a review: no change (with a reason), revised (a newer issued revision) or procedure abolished",
            description = "Publishes procedure-review.completed, saying whether it was on time.")
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (e.g. NO_CHANGE without a note)")
    @APIResponse(responseCode = "409", description = "Already resolved")
    @APIResponse(responseCode = "422", description = "No revised revision issued, or the procedure is not abolished")
    public Uni<ReviewView> resolve(@PathParam("id") UUID id, @Valid @NotNull Resolution body) {
        return service.resolve(id, body, caller);
    }

    /** The filters of a list of procedure reviews. */
    public record ReviewQuery(
            @QueryParam("agencyId") UUID agencyId,
            @QueryParam("status") @Parameter(example = "OPEN") ReviewStatus status,
            @QueryParam("documentId") UUID documentId,
            @QueryParam("causeId") @Parameter(description = "The changed legal document or TTHC") UUID causeId) {
    }
}
