package vn.govqms.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookInput")
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
            @Schema(description = "Only in the answer to its creation: the signing key (Standard Webhooks)", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,
            long version,
            OffsetDateTime createdAt) {

        public static WebhookView of(WebhookSubscription s, boolean withSecret) {
            return new WebhookView(s.id, s.provinceCode, s.agencyId, s.url, List.of(s.eventTypes), s.description, s.active, s.forIntegration, s.createdBy,
                    withSecret ? s.secret : null, s.version, s.createdAt);
        }
    }

    @Schema(name = "WebhookAttempt")
    public record AttemptView(OffsetDateTime at, @Schema(example = "503") Integer statusCode, @Schema(example = "12") int latencyMs,
                              @Schema(example = "HTTP 503") String error) {
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
            String lastError,
            @Schema(example = "8") Integer lastLatencyMs,
            OffsetDateTime createdAt,
            OffsetDateTime deliveredAt,
            OffsetDateTime nextAttemptAt,
            @Schema(description = "Every attempt (only when one delivery is read)") List<AttemptView> attemptLog) {
    }

    @Schema(name = "WebhookReplay", description = "Deliveries created in this range (dates inclusive) are sent again")
    public record ReplayRange(@Schema(example = "2026-11-01") @NotNull LocalDate from, @Schema(example = "2026-11-22") @NotNull LocalDate to) {
    }

    @Schema(name = "WebhookReplayed")
    public record Replayed(@Schema(example = "42") long requeued) {
    }
}
