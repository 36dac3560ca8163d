package vn.govqms.notification.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import jakarta.validation.Valid;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.notification.inbox.InboxDtos.MarkedRead;
import vn.govqms.notification.inbox.InboxDtos.NotificationView;
import vn.govqms.notification.inbox.InboxDtos.UnreadCount;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "Hộp thư thông báo: việc gì đã xảy ra, vì sao liên quan đến bạn, cần làm gì và hạn khi nào")
public class InboxResource {

    @Inject InboxService service;
    @Inject Caller caller;

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listNotifications", summary = "The caller's notifications (or an agency's, with agencyId), unread first, newest first")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<Page<NotificationView>> list(
            @Valid @BeanParam InboxQuery query, @BeanParam PageParams paging) {
        return service.list(new InboxService.Filter(query.agencyId(), query.kind(), query.from(), query.to(), query.unread()),
                paging.toRequest(), caller);
    }

    @GET
    @Path("/unread-count")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "countUnreadNotifications", summary = "How many of the caller's (or an agency's) notifications are unread")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<UnreadCount> unread(@QueryParam("agencyId") UUID agencyId) {
        return service.unread(agencyId, caller);
    }

    @GET
    @Path("/changes")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "syncNotifications", summary = "The caller's notifications changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id): new notifications and read marks; a deleted one comes as a tombstone "
                    + "{id, deleted: true, at}. Pass next back as since; call again at once while more is true.")
    public Uni<Changes<NotificationView>> changes(@BeanParam SyncParams params) {
        return service.changes(params);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getNotification", summary = "A notification")
    @APIResponse(responseCode = "200", description = "The notification", content = @Content(schema = @Schema(implementation = NotificationView.class)))
    public Uni<NotificationView> get(@PathParam("id") String id) {
        return service.get(id(id), caller);
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "markNotificationRead", summary = "Mark one of one's notifications read")
    @APIResponse(responseCode = "200", description = "Read", content = @Content(schema = @Schema(implementation = NotificationView.class)))
    public Uni<NotificationView> read(@PathParam("id") String id) {
        return service.markRead(id(id), caller);
    }

    @POST
    @Path("/read-all")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all of one's unread notifications read (or those of a kind)")
    @APIResponse(responseCode = "200", description = "How many were marked", content = @Content(schema = @Schema(implementation = MarkedRead.class)))
    public Uni<MarkedRead> readAll(@QueryParam("kind") @Size(max = 100) String kind) {
        return service.markAllRead(kind, caller);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("id", "a notification id (a whole number)");
        }
    }

    /** The filters of the inbox. */
    public record InboxQuery(
            @QueryParam("agencyId") @Parameter(description = "An agency's notifications (its head and ISO officer, the steering committees that read it, the national level)") UUID agencyId,
            @QueryParam("kind") @Size(max = 100) @Parameter(example = "procedure-review.required") String kind,
            @QueryParam("from") @Parameter(description = "Created on or after", example = "2026-11-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "Created on or before", example = "2026-11-30") LocalDate to,
            @QueryParam("unread") @Parameter(example = "true") Boolean unread) {
    }
}
