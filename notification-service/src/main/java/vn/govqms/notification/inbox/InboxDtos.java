package vn.govqms.notification.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class InboxDtos {

    private InboxDtos() {
    }

    @Schema(name = "Notification")
    public record NotificationView(
            @Schema(example = "1024") long id,
            @Schema(description = "The event it comes from", example = "7d1f0c2e-8a3b-4c5d-9e6f-0a1b2c3d4e5f") String eventId,
            @Schema(example = "vn.govqms.document.procedure-review.required.v1") String eventType,
            @Schema(description = "The fact, used by the kind filter", example = "procedure-review.required") String kind,
            UUID agencyId,
            @Schema(example = "Sở Tư pháp tỉnh Bắc Giang") String agencyName,
            @Schema(description = "Token subject of the reader", example = "iso-officer-sotuphap") String recipient,
            @Schema(description = "Why the reader is told: ROLE:<role>, OWNER, STEERING_COMMITTEE, CONTACT, ESCALATION:<days>", example = "ROLE:ISO_OFFICER") String reason,
            @Schema(example = "NORMAL") String urgency,
            @Schema(example = "vi") String language,
            NotificationText text,
            @Schema(description = "Path of the resource in the service that owns it", example = "/api/v1/review-tasks/3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b") String link,
            @Schema(example = "document-service") String linkService,
            LocalDate dueDate,
            OffsetDateTime createdAt,
            OffsetDateTime readAt,
            boolean read) {
    }

    @Schema(name = "UnreadCount")
    public record UnreadCount(@Schema(example = "3") long unread) {
    }

    @Schema(name = "MarkedRead")
    public record MarkedRead(@Schema(description = "Notifications marked read now", example = "12") long marked) {
    }
}
