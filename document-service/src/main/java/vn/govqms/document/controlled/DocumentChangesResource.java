package vn.govqms.document.controlled;

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
import vn.govqms.document.controlled.DocumentDtos.DocumentView;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;

@Path("/api/v1/documents/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Controlled documents")
public class DocumentChangesResource {

    private final DocumentSync sync;

    public DocumentChangesResource(DocumentSync sync) {
        this.sync = sync;
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "syncDocuments", summary = "Documents of the caller's agencies changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id); a document moved to an agency out of the caller's reach comes as a "
                    + "tombstone {id, deleted: true, at}. Pass next back as since; call again at once while more is true.")
    @APIResponse(responseCode = "200", description = "The changes and the next token")
    public Uni<Changes<DocumentView>> changes(@BeanParam SyncParams params) {
        return sync.changes(params.token(), params.limit());
    }
}
