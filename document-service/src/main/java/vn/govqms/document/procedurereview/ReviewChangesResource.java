package vn.govqms.document.procedurereview;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.ReviewView;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;

@Path("/api/v1/review-tasks/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procedure reviews")
public class ReviewChangesResource {

    private final ReviewSync sync;

    public ReviewChangesResource(ReviewSync sync) {
        this.sync = sync;
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "syncReviewTasks", summary = "Review tasks of the caller's agencies changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id): new tasks, resolutions, overdue marks; a task moved to an agency "
                    + "out of the caller's reach comes as a tombstone {id, deleted: true, at}. Pass next back as since.")
    @APIResponse(responseCode = "200", description = "The changes and the next token")
    public Uni<Changes<ReviewView>> changes(@BeanParam SyncParams params) {
        return sync.changes(params.token(), params.limit());
    }
}
