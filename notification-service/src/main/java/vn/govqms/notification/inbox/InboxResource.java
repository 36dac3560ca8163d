package vn.govqms.notification.inbox;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.QueryParams;
import vn.govqms.notification.inbox.InboxDtos.MarkedRead;
import vn.govqms.notification.inbox.InboxDtos.NotificationView;
import vn.govqms.notification.inbox.InboxDtos.UnreadCount;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "Hộp thư thông báo: việc gì đã xảy ra, vì sao liên quan đến bạn, cần làm gì và hạn khi nào")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Outside the caller's role or scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InboxResource {

    private final InboxService service;
    private final Caller caller;

    public InboxResource(InboxService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "listNotifications", summary = "The caller's notifications (or an agency's, with agencyId), unread first, newest first")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<NotificationView>> list(
            @QueryParam("agencyId") @Parameter(description = "An agency's notifications (its head and ISO officer, the steering committees that read it, the national level)") String agencyId,
            @QueryParam("kind") @Parameter(example = "procedure-review.required") String kind,
            @QueryParam("from") @Parameter(description = "Created on or after", example = "2026-11-01") String from,
            @QueryParam("to") @Parameter(description = "Created on or before", example = "2026-11-30") String to,
            @QueryParam("unread") @Parameter(example = "true") String unread,
            @BeanParam PageParams paging) {
        return service.list(new InboxService.Filter(QueryParams.uuid("agencyId", agencyId), QueryParams.text("kind", kind, 100),
                QueryParams.date("from", from), QueryParams.date("to", to), bool("unread", unread)), paging.toRequest(), caller);
    }

    @GET
    @Path("/unread-count")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "countUnreadNotifications", summary = "How many of the caller's (or an agency's) notifications are unread")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UnreadCount> unread(@QueryParam("agencyId") String agencyId) {
        return service.unread(QueryParams.uuid("agencyId", agencyId), caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "getNotification", summary = "A notification")
    @APIResponse(responseCode = "200", description = "The notification", content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown notification", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationView> get(@PathParam("id") String id) {
        return service.get(id(id), caller);
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "markNotificationRead", summary = "Mark one of one's notifications read")
    @APIResponse(responseCode = "200", description = "Read", content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown notification", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationView> read(@PathParam("id") String id) {
        return service.markRead(id(id), caller);
    }

    @POST
    @Path("/read-all")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all of one's unread notifications read (or those of a kind)")
    @APIResponse(responseCode = "200", description = "How many were marked", content = @Content(schema = @Schema(implementation = MarkedRead.class)))
    public Uni<MarkedRead> readAll(@QueryParam("kind") String kind) {
        return service.markAllRead(QueryParams.text("kind", kind, 100), caller);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("id", "a notification id (a whole number)");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField(name, "true or false");
        };
    }
}
