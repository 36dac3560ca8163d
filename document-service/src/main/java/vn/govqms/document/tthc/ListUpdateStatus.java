package vn.govqms.document.tthc;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Where an agency stands with updating its handled-TTHC list after a province's decision. */
public enum ListUpdateStatus implements Labelled {
    @Label("Chờ cập nhật danh mục") OPEN,
    @Label("Quá hạn cập nhật") OVERDUE,
    @Label("Đã cập nhật danh mục") CLEARED;
}
