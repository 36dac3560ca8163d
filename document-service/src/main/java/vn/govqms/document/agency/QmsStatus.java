package vn.govqms.document.agency;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** The four steps of an agency's quality management system (Decision 19/2014/QĐ-TTg). */
public enum QmsStatus implements Labelled {
    @Label("Chưa xây dựng") NOT_STARTED,
    @Label("Đang xây dựng") BUILDING,
    @Label("Đang áp dụng") APPLYING,
    @Label("Đã công bố") ANNOUNCED;
}
