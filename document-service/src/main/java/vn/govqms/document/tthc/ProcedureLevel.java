package vn.govqms.document.tthc;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** The level of government that handles an administrative procedure. */
public enum ProcedureLevel implements Labelled {
    @Label("Cấp Trung ương") CENTRAL,
    @Label("Cấp tỉnh") PROVINCIAL,
    @Label("Cấp huyện (trước 01/7/2025)") DISTRICT,
    @Label("Cấp xã") COMMUNE,
    @Label("Liên thông nhiều cấp") MULTI_LEVEL;
}
