package vn.govqms.notification.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.Responses;
import vn.govqms.notification.webhook.WebhookDtos.DeliveryView;
import vn.govqms.notification.webhook.WebhookDtos.ReplayRange;
import vn.govqms.notification.webhook.WebhookDtos.Replayed;
import vn.govqms.notification.webhook.WebhookDtos.SecretRotation;
import vn.govqms.notification.webhook.WebhookDtos.WebhookInput;
import vn.govqms.notification.webhook.WebhookDtos.WebhookView;

import java.util.UUID;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Webhook cho hệ thống một cửa, ứng dụng di động và bảng điều khiển: sự kiện ký HMAC theo Standard Webhooks, gửi lại khi lỗi")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.INTEGRATION})
public class WebhookResource {

    @Inject WebhookService service;
    @Inject Caller caller;

    @POST
    @Operation(operationId = "createWebhook", summary = "Subscribe a receiver to event types of the caller's province (or one agency in it)",
            description = "The answer carries the signing secret, once. Each delivery is a POST of the event as JSON with its CloudEvents "
                    + "attributes and the headers webhook-id, webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of "
                    + "id.timestamp.body keyed with the base64-decoded secret after whsec_>).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (URL, unknown event type)")
    @APIResponse(responseCode = "422", description = "Target refused (internal address) or unknown agency")
    public Uni<RestResponse<WebhookView>> create(@Valid @NotNull WebhookInput body) {
        return service.create(body, caller).map(w -> Responses.created("/api/v1/webhooks/" + w.id(), w, w.version()));
    }

    @GET
    @RolesAllowed(Roles.REGISTER_KEEPERS_OR_INTEGRATION)
    @Operation(operationId = "listWebhooks", summary = "Subscriptions of the provinces whose records the caller reads (a one-stop-shop system: those of its kind)")
    @APIResponse(responseCode = "200", description = "A page of subscriptions")
    public Uni<Page<WebhookView>> list(@BeanParam PageParams paging) {
        return service.list(paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTER_KEEPERS_OR_INTEGRATION)
    @Operation(operationId = "getWebhook", summary = "A subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Uni<RestResponse<WebhookView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(w -> Responses.tagged(w, w.version()));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateWebhook", summary = "Change or pause a subscription (If-Match required)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Uni<RestResponse<WebhookView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid @NotNull WebhookInput body) {
        return service.update(id, body, ifMatch, caller).map(w -> Responses.tagged(w, w.version()));
    }

    @POST
    @Path("/{id}/secret-rotations")
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a subscription a new signing secret; the old one keeps signing during an overlap",
            description = "The answer carries the new secret, once. Until previousSecretExpiresAt every delivery's webhook-signature carries "
                    + "two space-separated entries, v1,<signature with the new secret> v1,<signature with the old one>, as Standard "
                    + "Webhooks allows; then only the new one. The body: {\"overlap\":\"PT24H\"}, or {} for the default (PT0S drops the old "
                    + "secret at once, at most P30D; default govqms.webhooks.secret-overlap). A secret still in an overlap is dropped at once.")
    @APIResponse(responseCode = "200", description = "Rotated; the new secret", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Overlap out of range")
    @APIResponse(responseCode = "409", description = "The current secret cannot be read to keep signing")
    public Uni<RestResponse<WebhookView>> rotateSecret(@PathParam("id") UUID id, @Valid @NotNull SecretRotation body) {
        return service.rotateSecret(id, body, caller).map(w -> Responses.tagged(w, w.version()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return service.delete(id, caller);
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed(Roles.REGISTER_KEEPERS_OR_INTEGRATION)
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription, newest first")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id,
                                              @QueryParam("status") @Size(max = 20) @Parameter(example = "DEAD") String status,
                                              @QueryParam("from") @Parameter(example = "2026-11-01") LocalDate from,
                                              @QueryParam("to") @Parameter(example = "2026-11-22") LocalDate to,
                                              @BeanParam PageParams paging) {
        return service.deliveries(id, status, from, to, paging.toRequest());
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @RolesAllowed(Roles.REGISTER_KEEPERS_OR_INTEGRATION)
    @Operation(operationId = "getWebhookDelivery", summary = "A delivery with every attempt (time, status code, latency, error)")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Uni<DeliveryView> delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return service.delivery(id, deliveryId);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayWebhookDelivery", summary = "Send one delivery again (also a dead one), with a fresh budget of attempts")
    @APIResponse(responseCode = "200", description = "Queued again", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Uni<DeliveryView> replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return service.replay(id, deliveryId);
    }

    @POST
    @Path("/{id}/replays")
    @Operation(operationId = "replayWebhookRange", summary = "Send again every delivery created in a range of days")
    @APIResponse(responseCode = "200", description = "How many were queued again", content = @Content(schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", description = "Invalid range")
    public Uni<Replayed> replayRange(@PathParam("id") UUID id, @Valid @NotNull ReplayRange body) {
        return service.replay(id, body);
    }
}
