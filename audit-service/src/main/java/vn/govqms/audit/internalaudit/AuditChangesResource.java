package vn.govqms.audit.internalaudit;

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
import vn.govqms.audit.internalaudit.AuditDtos.AuditView;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;

@Path("/api/v1/audits/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audits")
public class AuditChangesResource {

    private final AuditSync sync;
    private final Caller caller;

    public AuditChangesResource(AuditSync sync, Caller caller) {
        this.sync = sync;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.AUDIT_PARTIES)
    @Operation(operationId = "syncAuditChecklists", summary = "The caller's audits (team member) with their checklists, changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id); an audit whose team no longer names the caller comes as a tombstone "
                    + "{id, deleted: true, at}. Answers made offline go back in one batch: POST /api/v1/audits/{id}/checklist/answers.")
    @APIResponse(responseCode = "200", description = "The changes and the next token")
    public Uni<Changes<AuditView>> changes(@BeanParam SyncParams params) {
        return sync.changes(params.token(), params.limit(), caller);
    }
}
