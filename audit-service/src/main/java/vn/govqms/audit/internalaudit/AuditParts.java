package vn.govqms.audit.internalaudit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The value objects an audit holds: its team and its checklist (stored as JSON with the audit). */
public final class AuditParts {

    private AuditParts() {
    }

    public enum TeamRole { LEAD, MEMBER }

    public enum Answer {
        CONFORMING("Phù hợp"),
        NONCONFORMING("Không phù hợp"),
        OBSERVATION("Cần lưu ý"),
        NOT_APPLICABLE("Không áp dụng");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A member of the audit team. {@code agencyId} is the agency the auditor works for (the
     * {@code agency_id} claim of the auditor's token) and {@code unit} the unit within it: together they
     * decide independence.
     */
    @Schema(name = "AuditTeamMember")
    public record TeamMember(
            @NotBlank @Size(max = 200) @Schema(description = "The auditor's token subject", example = "auditor-nguyen.van.an") String subject,
            @NotBlank @Size(max = 200) @Schema(example = "Nguyễn Văn An") String fullName,
            @NotNull @Schema(description = "The agency the auditor works for (agency_id of the auditor's token)") UUID agencyId,
            @Size(max = 200) @Schema(description = "The auditor's unit within that agency", example = "Phòng Hành chính - Tổng hợp") String unit,
            @NotNull @Schema(example = "LEAD") TeamRole role) {
    }

    @Schema(name = "ChecklistItem")
    public record ChecklistItem(
            @Schema(example = "1") int no,
            @Schema(description = "ISO 9001:2015 clause, when the item checks one", example = "8.5.1") String clause,
            @Schema(example = "Việc thực hiện các quá trình trên thực tế có tuân thủ quy trình đã ban hành?") String question,
            Answer answer,
            @Schema(example = "Kiểm tra 10 hồ sơ TTHC, 2 hồ sơ thiếu phiếu kiểm soát") String evidence,
            @Schema(description = "The item's own version, one more at each answer: the If-Match of an offline batch of answers "
                    + "(POST /audits/{id}/checklist/answers), so that answers to different items never conflict", example = "0")
            int version) {

        ChecklistItem reset() {
            return new ChecklistItem(no, clause, question, null, null, 0);
        }

        /** This item answered: its next version. */
        ChecklistItem answered(Answer answer, String evidence) {
            return new ChecklistItem(no, clause, question, answer, evidence, version + 1);
        }
    }

    /** Default checklists: by clause for internal audits and cross-checks; the Art. 36 list for inspections. */
    public static List<ChecklistItem> defaultChecklist(AuditKind kind, List<String> clauses) {
        List<ChecklistItem> items = new ArrayList<>();
        if (kind == AuditKind.PROVINCIAL_INSPECTION) {
            for (String q : ARTICLE_36) {
                items.add(new ChecklistItem(items.size() + 1, null, q, null, null, 0));
            }
        } else {
            for (String c : clauses) {
                items.add(new ChecklistItem(items.size() + 1, c, "Điều khoản " + c + " – " + IsoClauses.title(c)
                        + ": yêu cầu có được đáp ứng và duy trì?", null, null, 0));
            }
        }
        return items;
    }

    /** What an inspection checks (Article 36 of Circular 26/2014/TT-BKHCN). */
    static final List<String> ARTICLE_36 = List.of(
            "Phạm vi áp dụng HTQLCL bao quát đầy đủ các thủ tục hành chính",
            "Cán bộ, công chức được đào tạo, phổ biến các quy trình",
            "Sự phù hợp với tiêu chuẩn, chính sách chất lượng, mục tiêu chất lượng và quy định của pháp luật",
            "Việc thực hiện các quá trình trên thực tế",
            "Việc xem xét của lãnh đạo, đánh giá nội bộ và hành động khắc phục",
            "Việc giải quyết khiếu nại",
            "Hoạt động cải tiến",
            "Sự tham gia của lãnh đạo",
            "Xác nhận hiệu lực của HTQLCL của người đứng đầu",
            "Công bố, thông báo và niêm yết HTQLCL",
            "Cập nhật văn bản pháp luật vào HTQLCL trong vòng 3 tháng",
            "Công bố lại khi phạm vi áp dụng thay đổi",
            "Việc lựa chọn tổ chức tư vấn");
}
