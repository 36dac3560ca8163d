package vn.govqms.document.procedurereview;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Where a procedure review stands. */
public enum ReviewStatus implements Labelled {
    @Label("Cần rà soát") OPEN,
    @Label("Quá hạn rà soát") OVERDUE,
    @Label("Đã rà soát") COMPLETED;
}
