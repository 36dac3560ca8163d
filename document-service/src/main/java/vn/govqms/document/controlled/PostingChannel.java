package vn.govqms.document.controlled;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Where an issued version is made public. */
public enum PostingChannel implements Labelled {
    /** Niêm yết tại trụ sở (the office notice board, the one-stop-shop counter). */
    @Label("Niêm yết tại trụ sở") NOTICE_BOARD,
    /** Đăng tải trên cổng/trang thông tin điện tử của cơ quan. */
    @Label("Đăng tải trên cổng thông tin điện tử") PORTAL;
}
