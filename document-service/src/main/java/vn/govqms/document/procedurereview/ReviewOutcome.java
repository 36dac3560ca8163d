package vn.govqms.document.procedurereview;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** How the agency resolved a review (rà soát): nothing to change, revised and re-issued, or abolished. */
public enum ReviewOutcome implements Labelled {
    @Label("Không cần sửa đổi") NO_CHANGE,
    @Label("Đã sửa đổi, ban hành lại") REVISED,
    @Label("Đã bãi bỏ quy trình") PROCEDURE_ABOLISHED;
}
