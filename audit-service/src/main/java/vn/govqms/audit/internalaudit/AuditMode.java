package vn.govqms.audit.internalaudit;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** How an audit is done. */
public enum AuditMode implements Labelled {
    @Label("Kiểm tra trực tiếp tại cơ quan") ON_SITE,
    @Label("Kiểm tra qua hồ sơ, báo cáo") RECORDS;
}
