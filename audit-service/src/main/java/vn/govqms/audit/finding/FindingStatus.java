package vn.govqms.audit.finding;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** A nonconformity closes when all its corrective actions are verified effective; other findings when acknowledged. */
public enum FindingStatus implements Labelled {
    @Label("Chưa khắc phục xong") OPEN,
    @Label("Đã đóng") CLOSED;
}
