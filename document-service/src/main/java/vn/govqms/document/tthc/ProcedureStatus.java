package vn.govqms.document.tthc;

/** Where an administrative procedure stands in the catalogue. */
public enum ProcedureStatus {
    IN_FORCE("Đang thực hiện"),
    AMENDED("Đã sửa đổi, bổ sung"),
    ABOLISHED("Đã bãi bỏ");

    private final String label;

    ProcedureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
