package vn.govqms.document.controlled;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** How a receipt was given. */
public enum AcknowledgementMethod implements Labelled {
    /** The recipient signed with their own token (the unit's head or ISO officer for a unit). */
    @Label("Người nhận tự xác nhận") TOKEN,
    /** The recipient signed on paper; the agency's ISO officer recorded it with the evidence. */
    @Label("Ký nhận trên giấy, cán bộ ISO ghi nhận") PAPER,
    /** Recorded before recipients were identified: whoever's token recorded it, not necessarily the recipient's. */
    @Label("Ghi nhận trước khi xác định người nhận") RECORDED;
}
