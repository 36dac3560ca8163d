package vn.govqms.document.legal;

/** Kinds of legal documents, as the register names them. */
public enum LegalDocumentType {
    LAW("Luật"),
    ORDINANCE("Pháp lệnh"),
    DECREE("Nghị định"),
    DECISION("Quyết định"),
    CIRCULAR("Thông tư"),
    JOINT_CIRCULAR("Thông tư liên tịch"),
    DIRECTIVE("Chỉ thị"),
    PLAN("Kế hoạch"),
    OFFICIAL_LETTER("Công văn");

    private final String label;

    LegalDocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
