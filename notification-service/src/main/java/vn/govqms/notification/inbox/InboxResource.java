package vn.govqms.notification.inbox;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
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
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.QueryParams;
import vn.govqms.notification.inbox.InboxDtos.MarkedRead;
import vn.govqms.notification.inbox.InboxDtos.NotificationView;
import vn.govqms.notification.inbox.InboxDtos.UnreadCount;
import vn.govqms.notification.stream.LiveStream;

import java.time.Duration;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "Hộp thư thông báo: việc gì đã xảy ra, vì sao liên quan đến bạn, cần làm gì và hạn khi nào")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Outside the caller's role or scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InboxResource {

    /** How long opening a stream waits for the agency it narrows to. */
    static final Duration LOOKUP = Duration.ofSeconds(10);

    private final InboxService service;
    private final LiveStream stream;
    private final Caller caller;

    private final Scope scope;

    public InboxResource(InboxService service, LiveStream stream, Caller caller, Scope scope) {
        this.service = service;
        this.stream = stream;
        this.caller = caller;
        this.scope = scope;
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
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(operationId = "streamNotifications", summary = "Server-sent events of the agencies the caller reads (its agency, a ministry's "
            + "units, a province, every agency; agencyId= narrows to one): events that notified someone there and score changes, as they "
            + "happen; a one-stop-shop system receives only what its REST reads allow",
            description = "Each SSE has the event log's sequence number as id and the kind as event name; reconnect with Last-Event-ID "
                    + "to receive what was missed.")
    @APIResponse(responseCode = "200", description = "The stream (text/event-stream)")
    @APIResponse(responseCode = "400", description = "Last-Event-ID not sent by this stream", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Blocking // the agency asked for is looked up before the stream answers: a refusal must come before the stream's headers
    public Multi<OutboundSseEvent> stream(@QueryParam("agencyId") @Parameter(description = "Narrow the stream to one agency the caller reads") String agencyId,
                                          @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Long after = LiveStream.after(lastEventId);
        LiveStream.Watch watch = stream.watch(scope, QueryParams.uuid("agencyId", agencyId)).await().atMost(LOOKUP);
        return stream.open(watch, after).map(item -> sse.newEventBuilder().id(Long.toString(item.seq())).name(item.kind())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(item.json()).reconnectDelay(3000).build());
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
