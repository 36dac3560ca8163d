package vn.govqms.notification.inbox;

import io.quarkus.qute.TemplateData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** What a notification says, in the reader's language: the same content in the inbox, e-mails and the stream. */
@TemplateData
@Schema(name = "NotificationText")
public record NotificationText(
        @Schema(example = "Cần rà soát quy trình QT-TP-01") String title,
        @Schema(description = "What happened", example = "Nghị định 61/2018/NĐ-CP được thay thế bởi 118/2025/NĐ-CP. Quy trình QT-TP-01 «Quy trình chứng thực» dựa trên văn bản này.") String happened,
        @Schema(description = "Why it concerns the reader", example = "Bạn là Cán bộ ISO của Sở Tư pháp tỉnh Bắc Giang.") String why,
        @Schema(description = "What to do", example = "Rà soát quy trình; sửa đổi, ban hành lại hoặc bãi bỏ, rồi ghi nhận kết quả rà soát.") String action,
        @Schema(description = "By when, if there is a due date", example = "2026-04-01") LocalDate dueBy,
        @Schema(description = "The due date as the reader reads it", example = "01/04/2026") String dueByText) {
}
