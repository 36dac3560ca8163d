package vn.govqms.notification.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
            boolean read,
            @Schema(description = "The agency's notice of a change reaching several of its procedures: one notification for all of "
                    + "them, updated by the change's later events; absent for other notifications") Notice notice) {
    }

    @Schema(name = "Notice", description = "A change (a legal document or a TTHC amended, replaced, repealed) told to an agency once")
    public record Notice(
            @Schema(description = "procedure-review.required, or procedure-review.overdue for the change's overdue reviews",
                    example = "procedure-review.required") String kind,
            @Schema(description = "The changed legal document or TTHC", example = "5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4") String causeId,
            @Schema(example = "Nghị định 61/2018/NĐ-CP được thay thế bởi 118/2025/NĐ-CP") String causeSummary,
            @Schema(description = "Procedures listed", example = "9") int taskCount,
            @Schema(description = "Of which not yet resolved", example = "8") int openCount,
            @Schema(example = "0") int overdueCount,
            @Schema(example = "1") int resolvedCount,
            @Schema(description = "The nearest due date of the open reviews", example = "2030-10-01") LocalDate dueDate,
            List<NoticeTask> tasks) {
    }

    @Schema(name = "NoticeTask", description = "One review task of the notice, with its link on document-service")
    public record NoticeTask(
            @Schema(example = "3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b") String taskId,
            String documentId,
            @Schema(example = "QT-TP-01") String documentCode,
            @Schema(example = "Quy trình chứng thực bản sao từ bản chính") String documentTitle,
            LocalDate dueDate,
            @Schema(description = "OPEN, OVERDUE or RESOLVED", example = "OPEN") String status,
            @Schema(example = "REVISED") String outcome,
            @Schema(example = "/api/v1/review-tasks/3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b") String link) {
    }

    @Schema(name = "UnreadCount")
    public record UnreadCount(@Schema(example = "3") long unread) {
    }

    @Schema(name = "MarkedRead")
    public record MarkedRead(@Schema(description = "Notifications marked read now", example = "12") long marked) {
    }
}
