package vn.govqms.notification.stream;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.QueryParams;
import vn.govqms.notification.stream.StreamDtos.StreamTicketInput;
import vn.govqms.notification.stream.StreamDtos.StreamTicketView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

@Path("/api/v1/notifications")
@Tag(name = "Live stream", description = "Dòng sự kiện trực tiếp cho bảng điều khiển: thông báo và thay đổi điểm khi chúng xảy ra")
public class StreamResource {

    /** How long opening a stream waits for the agency it narrows to, or for its ticket. */
    static final Duration LOOKUP = Duration.ofSeconds(10);

    @Inject LiveStream stream;
    @Inject StreamTickets tickets;
    @Inject SecurityIdentity identity;
    @Inject Caller caller;
    @Inject Scope scope;

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @PermitAll // a bearer token (any GovQMS role: Scope refuses the others) or a stream ticket, checked below
    @Operation(operationId = "streamNotifications", summary = "Server-sent events of the agencies the caller reads (its agency, a ministry's "
            + "units, a province, every agency; agencyId= narrows to one): events that notified someone there and score changes, as they "
            + "happen; a one-stop-shop system receives only what its REST reads allow",
            description = "Each SSE has the event log's sequence number as id and the kind as event name; reconnect with Last-Event-ID "
                    + "to receive what was missed. A browser's EventSource, which cannot send an Authorization header, opens it with "
                    + "?ticket= from POST /api/v1/notifications/stream-tickets (once per ticket). Streams are bounded per caller and per "
                    + "instance: 429 with Retry-After beyond.")
    @APIResponse(responseCode = "200", description = "The stream (text/event-stream)")
    @APIResponse(responseCode = "400", description = "Last-Event-ID not sent by this stream, or an agencyId the ticket was not issued for")
    @APIResponse(responseCode = "422", description = "Unknown agency")
    @APIResponse(responseCode = "429", description = "Too many streams open (the caller's or this instance's)")
    @Blocking // the agency or the ticket is looked up before the stream answers: a refusal must come before the stream's headers
    public Multi<OutboundSseEvent> stream(
            @QueryParam("agencyId") @Parameter(description = "Narrow the stream to one agency the caller reads (with a ticket: the agency it was issued for)") String agencyId,
            @QueryParam("ticket") @Parameter(description = "A stream ticket, in place of the Authorization header (single use, short-lived)") String ticket,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("lastEventId") @Parameter(description = "The Last-Event-ID of a stream opened anew with a new ticket (a browser's "
                    + "EventSource sends the header only when it reconnects by itself, and a ticket opens one stream)") String lastEventIdParam,
            @Context Sse sse) {
        Long after = LiveStream.after(lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventIdParam);
        UUID narrow = QueryParams.uuid("agencyId", agencyId);
        String subject;
        LiveStream.Watch watch;
        if (ticket != null) {
            StreamTickets.Redeemed redeemed = tickets.redeem(ticket, narrow).await().atMost(LOOKUP);
            subject = redeemed.subject();
            watch = redeemed.watch();
        } else {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            subject = caller.subject();
            watch = stream.watch(scope, narrow).await().atMost(LOOKUP);
        }
        return stream.open(subject, watch, after).map(item -> sse.newEventBuilder().id(Long.toString(item.seq())).name(item.kind())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(item.json()).reconnectDelay(3000).build());
    }

    @POST
    @Path("/stream-tickets")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "createStreamTicket", summary = "A ticket that opens the live stream once without an Authorization header (a browser's EventSource)",
            description = "Bound to the caller and to its scope as of now (and to one agency when agencyId is given); valid for a minute "
                    + "(govqms.stream.ticket-validity), used once. Not a token: it grants nothing but opening that one stream.")
    @APIResponse(responseCode = "200", description = "The ticket", content = @Content(schema = @Schema(implementation = StreamTicketView.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<StreamTicketView> ticket(StreamTicketInput input) {
        String subject = caller.subject();
        return stream.watch(scope, input == null ? null : input.agencyId())
                .chain(watch -> tickets.issue(subject, watch))
                .map(issued -> new StreamTicketView(issued.ticket(), issued.expiresAt(), "/api/v1/notifications/stream?ticket="
                        + URLEncoder.encode(issued.ticket(), StandardCharsets.UTF_8)
                        + (input == null || input.agencyId() == null ? "" : "&agencyId=" + input.agencyId())));
    }
}
