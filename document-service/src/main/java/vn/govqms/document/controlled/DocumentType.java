package vn.govqms.document.controlled;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Kinds of documented information in an agency's quality system. */
public enum DocumentType implements Labelled {
    @Label("Sổ tay chất lượng") QUALITY_MANUAL,
    @Label("Chính sách chất lượng") QUALITY_POLICY,
    @Label("Mục tiêu chất lượng") QUALITY_OBJECTIVES,
    @Label("Quy trình hệ thống") SYSTEM_PROCEDURE,
    @Label("Quy trình tác nghiệp") OPERATIONAL_PROCEDURE,
    @Label("Quy trình giải quyết thủ tục hành chính") TTHC_PROCEDURE,
    @Label("Biểu mẫu") FORM,
    @Label("Hướng dẫn") GUIDELINE;

    /** Procedures rest on legal documents and are reviewed when those change. */
    public boolean isProcedure() {
        return this == SYSTEM_PROCEDURE || this == OPERATIONAL_PROCEDURE || this == TTHC_PROCEDURE;
    }
}
