package vn.govqms.notification.inbox;

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
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.notification.inbox.InboxDtos.NotificationView;

@Path("/api/v1/notifications/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
public class InboxChangesResource {

    private final InboxSync sync;
    private final Caller caller;

    public InboxChangesResource(InboxSync sync, Caller caller) {
        this.sync = sync;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "syncNotifications", summary = "The caller's notifications changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id): new notifications and read marks; a deleted one comes as a tombstone "
                    + "{id, deleted: true, at}. Pass next back as since; call again at once while more is true.")
    @APIResponse(responseCode = "200", description = "The changes and the next token")
    public Uni<Changes<NotificationView>> changes(@BeanParam SyncParams params) {
        return sync.changes(params.token(), params.limit(), caller);
    }
}
