package vn.govqms.audit.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the management-review API reads and writes. */
public final class ReviewDtos {

    private ReviewDtos() {
    }

    @Schema(name = "ManagementReviewInput")
    public record InputItem(@NotNull @Schema(example = "AUDIT_RESULTS") ReviewInput topic,
                            @Schema(example = "Kết quả đánh giá") String label,
                            @NotBlank @Size(max = 5000) @Schema(example = "Đánh giá nội bộ tháng 9: 01 điểm không phù hợp nhẹ, đã khắc phục") String summary) {
    }

    @Schema(name = "ManagementReviewOutput")
    public record OutputItem(@NotNull @Schema(example = "RESOURCE_NEEDS") ReviewOutput kind,
                             @Schema(example = "Nhu cầu về nguồn lực") String label,
                             @NotBlank @Size(max = 5000) @Schema(example = "Bố trí thêm 01 công chức tại Bộ phận Một cửa") String decision,
                             @Size(max = 200) @Schema(example = "chanh.van.phong") String owner,
                             @Schema(example = "2027-03-31") LocalDate dueDate) {
    }

    @Schema(name = "NewManagementReview")
    public record NewReview(
            @NotNull UUID agencyId,
            @NotNull @Schema(example = "2026-12-15") LocalDate heldOn,
            @NotBlank @Size(max = 200) @Schema(example = "Nguyễn Văn Hùng - Giám đốc Sở") String chair,
            @NotNull @Size(max = 100) List<@NotBlank @Size(max = 200) String> attendees,
            @NotEmpty @Size(max = 12) List<@Valid @NotNull InputItem> inputs,
            @NotNull @Size(max = 100) List<@Valid @NotNull OutputItem> outputs) {
    }

    @Schema(name = "ManagementReviewAction", description = "An action opened by an output naming an owner and a due date")
    public record ActionView(UUID id, ReviewOutput kind, String decision, String owner, LocalDate dueDate,
                             @Schema(example = "OPEN", enumeration = {"OPEN", "DONE"}) String status, boolean overdue,
                             LocalDate doneOn, String doneNote, String doneBy, long version) {
    }

    @Schema(name = "ManagementReviewActionCompletion")
    public record ActionCompletion(@NotNull @Schema(example = "2027-02-20") LocalDate doneOn,
                                   @NotBlank @Size(max = 2000) @Schema(example = "Quyết định điều động 01 công chức về Bộ phận Một cửa") String note) {
    }

    @Schema(name = "ManagementReview")
    public record ReviewView(UUID id, UUID agencyId, int year, LocalDate heldOn, String chair, List<String> attendees,
                             List<InputItem> inputs,
                             @Schema(description = "9.3.2 inputs the review did not consider") List<ReviewInput> missingInputs,
                             List<OutputItem> outputs, List<ActionView> actions, String createdBy, OffsetDateTime createdAt) {
    }

    @Schema(name = "AgencyWithoutReview")
    public record AgencyWithoutReview(UUID agencyId, @Schema(example = "000.00.53.H37") String agencyCode,
                                      @Schema(example = "Sở Xây dựng tỉnh Ninh Bình") String agencyName) {
    }
}
