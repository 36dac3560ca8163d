package vn.govqms.scoring.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.scoring.criteria.Method;

import java.math.BigDecimal;
import java.util.List;

/** The points of one criterion in an assessment, with evidence and comment. */
@Schema(name = "AssessmentItem")
public record Item(
        @Schema(example = "1.2") String criterionCode,
        Method method,
        @Schema(example = "30") BigDecimal maxPoints,
        @Schema(description = "Null until given (manual) or computed at submission (automatic)", example = "25") BigDecimal points,
        @Schema(description = "For automatic criteria: the indicator value used", example = "1") BigDecimal indicatorValue,
        @Schema(description = "Automatic points are frozen once the assessment is finalised") boolean frozen,
        @Schema(example = "[\"https://stp.bacgiang.gov.vn/iso/so-tay-chat-luong.pdf\"]") List<String> evidenceLinks,
        @Schema(example = "Đã ban hành đủ sổ tay, chính sách và mục tiêu chất lượng") String comment) {
}
