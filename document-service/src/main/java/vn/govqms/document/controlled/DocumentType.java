package vn.govqms.document.controlled;

/** Kinds of documented information in an agency's quality system. */
public enum DocumentType {
    QUALITY_MANUAL("Sổ tay chất lượng"),
    QUALITY_POLICY("Chính sách chất lượng"),
    QUALITY_OBJECTIVES("Mục tiêu chất lượng"),
    SYSTEM_PROCEDURE("Quy trình hệ thống"),
    OPERATIONAL_PROCEDURE("Quy trình tác nghiệp"),
    TTHC_PROCEDURE("Quy trình giải quyết thủ tục hành chính"),
    FORM("Biểu mẫu"),
    GUIDELINE("Hướng dẫn");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Procedures rest on legal documents and are reviewed when those change. */
    public boolean isProcedure() {
        return this == SYSTEM_PROCEDURE || this == OPERATIONAL_PROCEDURE || this == TTHC_PROCEDURE;
    }
}
