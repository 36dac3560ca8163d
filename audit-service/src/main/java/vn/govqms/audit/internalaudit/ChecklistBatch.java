package vn.govqms.audit.internalaudit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.audit.internalaudit.AuditParts.Answer;
import vn.govqms.audit.internalaudit.AuditParts.ChecklistItem;

import java.util.List;

/** An auditor's checklist answers uploaded in one batch after working offline, and what became of each. */
public final class ChecklistBatch {

    private ChecklistBatch() {
    }

    @Schema(name = "ChecklistBatch", example = """
            {"answers": [
              {"no": 1, "ifMatch": "\\"0\\"", "answer": "CONFORMING", "evidence": "Quyết định công bố số 125/QĐ-SKHCN ngày 12/3/2026"},
              {"no": 4, "ifMatch": "\\"2\\"", "answer": "NONCONFORMING", "evidence": "2/10 hồ sơ TTHC thiếu phiếu kiểm soát quá trình"}]}""")
    public record Answers(@NotEmpty @Size(max = 200) List<@Valid @NotNull Item> answers) {
    }

    @Schema(name = "ChecklistBatchAnswer")
    public record Item(
            @Schema(example = "4") int no,
            @NotBlank @Size(max = 40) @Schema(description = "The item's version as the app read it (its version field, quoted or not)",
                    example = "\"2\"") String ifMatch,
            @NotNull @Schema(example = "NONCONFORMING") Answer answer,
            @Size(max = 2000) @Schema(example = "2/10 hồ sơ TTHC thiếu phiếu kiểm soát quá trình") String evidence) {
    }

    /** Per item: 200 applied, 412 the item changed since it was read, 404 no such item; with the item as it now is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ChecklistBatchResult")
    public record Result(
            @Schema(example = "4") int no,
            @Schema(enumeration = {"200", "404", "412"}, example = "412") int status,
            @Schema(description = "The item's version now (absent for 404)", example = "3") Integer version,
            @Schema(description = "The item as it now is (absent for 404)") ChecklistItem item,
            @Schema(example = "Câu hỏi số 4 đã được trả lời lại sau khi bạn tải về (phiên bản 3); xem lại và gửi lại nếu cần.") String detail) {

        static Result applied(ChecklistItem item) {
            return new Result(item.no(), 200, item.version(), item, null);
        }

        static Result stale(ChecklistItem item) {
            return new Result(item.no(), 412, item.version(), item, "Câu hỏi số " + item.no() + " đã thay đổi sau khi bạn tải về (phiên bản "
                    + item.version() + "); xem lại và gửi lại nếu cần.");
        }

        static Result missing(int no) {
            return new Result(no, 404, null, null, "Danh mục kiểm tra không có câu hỏi số " + no + ".");
        }
    }

    @Schema(name = "ChecklistBatchOutcome")
    public record Outcome(List<Result> results,
                          @Schema(description = "The audit's version after the batch (its ETag)", example = "7") long auditVersion) {
    }
}
