package vn.govqms.document.controlled;

/** Where an issued version is made public. */
public enum PostingChannel {
    /** Niêm yết tại trụ sở (the office notice board, the one-stop-shop counter). */
    NOTICE_BOARD("Niêm yết tại trụ sở"),
    /** Đăng tải trên cổng/trang thông tin điện tử của cơ quan. */
    PORTAL("Đăng tải trên cổng thông tin điện tử");

    private final String label;

    PostingChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
