package vn.govqms.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookInput", example = """
            {"url": "https://motcua.ninhbinh.gov.vn/govqms/su-kien", "eventTypes": ["vn.govqms.document.procedure-review.required.v1", "vn.govqms.scoring.score.changed.v1"],
             "agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "description": "Hệ thống thông tin giải quyết TTHC tỉnh Ninh Bình", "active": true}""")
    public record WebhookInput(
            @Schema(description = "https:// address of the receiver", example = "https://motcua.bacgiang.gov.vn/govqms/webhook")
            @NotBlank @Size(max = 2000) String url,
            @Schema(description = "Event types delivered", example = "[\"vn.govqms.document.procedure-review.required.v1\",\"vn.govqms.scoring.score.changed.v1\"]")
            @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes,
            @Schema(description = "Only this agency's events; otherwise the whole province of the caller") UUID agencyId,
            @Schema(example = "Hệ thống một cửa điện tử tỉnh Bắc Giang") @Size(max = 500) String description,
            @Schema(description = "false pauses deliveries (PUT only)", example = "true") Boolean active) {
    }

    @Schema(name = "Webhook")
    public record WebhookView(
            UUID id,
            @Schema(example = "24") String provinceCode,
            UUID agencyId,
            @Schema(example = "https://motcua.bacgiang.gov.vn/govqms/webhook") String url,
            List<String> eventTypes,
            @Schema(example = "Hệ thống một cửa điện tử tỉnh Bắc Giang") String description,
            boolean active,
            @Schema(description = "Made by a one-stop-shop system: it receives only the event types and fields its REST reads allow "
                    + "(see the README's table)") boolean forIntegration,
            @Schema(example = "integration-24") String createdBy,
            @Schema(description = "Only in the answer to its creation or to a rotation: the signing key (Standard Webhooks)",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,
            @Schema(description = "When the secret was last rotated") OffsetDateTime secretRotatedAt,
            @Schema(description = "Until then deliveries are signed with the previous secret too (two v1 signatures in webhook-signature); "
                    + "null when no previous secret is in use") OffsetDateTime previousSecretExpiresAt,
            long version,
            OffsetDateTime createdAt) {

        /** The subscription; {@code secret} the plain secret to show once (creation, rotation), else null. */
        public static WebhookView of(WebhookSubscription s, String secret) {
            return new WebhookView(s.id, s.provinceCode, s.agencyId, s.url, List.of(s.eventTypes), s.description, s.active, s.forIntegration, s.createdBy,
                    secret, s.secretRotatedAt, s.previousSecretExpiresAt, s.version, s.createdAt);
        }
    }

    @Schema(name = "WebhookSecretRotation", description = "A new secret; the current one keeps signing too for the overlap, then is dropped", example = """
            {"overlap": "PT24H"}""")
    public record SecretRotation(
            @Schema(description = "How long the old secret still signs too (ISO-8601, PT0S drops it at once, at most P30D); "
                    + "govqms.webhooks.secret-overlap (24 h) when absent", example = "PT24H") Duration overlap) {
    }

    @Schema(name = "WebhookAttempt")
    public record AttemptView(OffsetDateTime at, @Schema(example = "503") Integer statusCode, @Schema(example = "12") int latencyMs,
                              @Schema(description = "Why it failed: TIMEOUT, REFUSED, CLOSED, TLS, HTTP_STATUS, REDIRECT, DNS, BLOCKED_ADDRESS, "
                                      + "BLOCKED_TARGET, WITHHELD, BODY, SECRET_UNAVAILABLE, OTHER; null when delivered", example = "HTTP_STATUS") String reason,
                              @Schema(description = "The reason's text (never the raw connection error)", example = "HTTP 503") String error) {
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(
            UUID id,
            UUID subscriptionId,
            String eventId,
            @Schema(example = "vn.govqms.document.procedure-review.required.v1") String eventType,
            @Schema(description = "PENDING, DELIVERED, or DEAD after the last attempt failed", example = "DELIVERED") String status,
            @Schema(example = "2") int attempts,
            @Schema(example = "200") Integer lastStatusCode,
            @Schema(description = "The last attempt's reason (see WebhookAttempt)", example = "TIMEOUT") String lastReason,
            @Schema(example = "no answer within the timeout") String lastError,
            @Schema(example = "8") Integer lastLatencyMs,
            OffsetDateTime createdAt,
            OffsetDateTime deliveredAt,
            OffsetDateTime nextAttemptAt,
            @Schema(description = "Every attempt (only when one delivery is read)") List<AttemptView> attemptLog) {
    }

    @Schema(name = "WebhookReplay", description = "Deliveries created in this range (dates inclusive) are sent again", example = """
            {"from": "2026-03-01", "to": "2026-03-02"}""")
    public record ReplayRange(@Schema(example = "2026-11-01") @NotNull LocalDate from, @Schema(example = "2026-11-22") @NotNull LocalDate to) {
    }

    @Schema(name = "WebhookReplayed")
    public record Replayed(@Schema(example = "42") long requeued) {
    }
}
