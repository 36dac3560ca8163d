package vn.govqms.document.tthc;

/** The level of government that handles an administrative procedure. */
public enum ProcedureLevel {
    CENTRAL("Cấp Trung ương"),
    PROVINCIAL("Cấp tỉnh"),
    DISTRICT("Cấp huyện (trước 01/7/2025)"),
    COMMUNE("Cấp xã"),
    MULTI_LEVEL("Liên thông nhiều cấp");

    private final String label;

    ProcedureLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
