package vn.govqms.document.agency;

/** Where an agency stands in the administration. A value, not a fixed province/district/commune triple. */
public enum AgencyLevel {
    MINISTRY("Bộ, cơ quan ngang Bộ"),
    MINISTRY_UNIT("Đơn vị thuộc Bộ"),
    PROVINCIAL_PEOPLES_COMMITTEE("UBND tỉnh, thành phố"),
    DEPARTMENT("Sở, ban, ngành"),
    SUB_DEPARTMENT("Chi cục"),
    /** Abolished on 1 July 2025; kept so that old data loads. */
    DISTRICT("UBND huyện (trước 01/7/2025)"),
    COMMUNE("UBND xã"),
    WARD("UBND phường"),
    SPECIAL_ZONE("Đặc khu"),
    PUBLIC_SERVICE_UNIT("Đơn vị sự nghiệp công lập");

    private final String label;

    AgencyLevel(String label) {
        this.label = label;
    }

    /** The Vietnamese label officials use. */
    public String label() {
        return label;
    }
}
