package vn.govqms.document.tthc;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Where an administrative procedure stands in the catalogue. */
public enum ProcedureStatus implements Labelled {
    @Label("Đang thực hiện") IN_FORCE,
    @Label("Đã sửa đổi, bổ sung") AMENDED,
    @Label("Đã bãi bỏ") ABOLISHED;
}
