package vn.govqms.document.controlled;

/** How a receipt was given. */
public enum AcknowledgementMethod {
    /** The recipient signed with their own token (the unit's head or ISO officer for a unit). */
    TOKEN("Người nhận tự xác nhận"),
    /** The recipient signed on paper; the agency's ISO officer recorded it with the evidence. */
    PAPER("Ký nhận trên giấy, cán bộ ISO ghi nhận"),
    /** Recorded before recipients were identified: whoever's token recorded it, not necessarily the recipient's. */
    RECORDED("Ghi nhận trước khi xác định người nhận");

    private final String label;

    AcknowledgementMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
