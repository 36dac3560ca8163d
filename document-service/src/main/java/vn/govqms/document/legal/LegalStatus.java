package vn.govqms.document.legal;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Where a legal document stands on a given date; follows from its dates and the relations to it. */
public enum LegalStatus implements Labelled {
    @Label("Chưa có hiệu lực") NOT_YET_EFFECTIVE,
    @Label("Còn hiệu lực") IN_FORCE,
    @Label("Còn hiệu lực, đã được sửa đổi một phần") PARTLY_AMENDED,
    @Label("Hết hiệu lực") EXPIRED,
    @Label("Hết hiệu lực, bị thay thế") REPLACED,
    @Label("Hết hiệu lực, bị bãi bỏ") REPEALED;
}
