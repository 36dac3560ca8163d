package vn.govqms.notification.contact;

/** A contact's roles in an agency: who the rules address. */
public enum ContactRole {
    /** Người đứng đầu cơ quan. */
    HEAD("Người đứng đầu", "Head of the agency"),
    /** Cán bộ ISO (thư ký ISO). */
    ISO_OFFICER("Cán bộ ISO", "ISO officer"),
    /** Chuyên gia đánh giá nội bộ. */
    AUDITOR("Chuyên gia đánh giá nội bộ", "Internal auditor"),
    /** Lãnh đạo phòng, đơn vị. */
    UNIT_LEAD("Lãnh đạo đơn vị", "Unit lead");

    private final String vi;
    private final String en;

    ContactRole(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String label(String language) {
        return "en".equals(language) ? en : vi;
    }
}
