package vn.govqms.audit.managementreview;

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
public final class ManagementReviewDtos {

    private ManagementReviewDtos() {
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

    @Schema(name = "NewManagementReview", example = """
            {"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "heldOn": "2026-12-10", "chair": "Trần Thị Bình, Giám đốc Sở",
             "attendees": ["Lê Văn Cường", "Phạm Thị Dung"],
             "inputs": [{"topic": "AUDIT_RESULTS", "summary": "Đánh giá nội bộ tháng 10 phát hiện 03 điểm không phù hợp nhỏ, đã khắc phục"}],
             "outputs": [{"kind": "RESOURCE_NEEDS", "decision": "Bổ sung 02 cán bộ tiếp nhận hồ sơ tại Bộ phận Một cửa", "owner": "chanh.van.phong", "dueDate": "2027-01-31"}]}""")
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

    @Schema(name = "ManagementReviewActionCompletion", example = """
            {"doneOn": "2026-06-15", "note": "Đã bổ sung 02 cán bộ tiếp nhận hồ sơ tại Bộ phận Một cửa"}""")
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
