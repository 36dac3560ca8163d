package vn.govqms.document.legal;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** Kinds of legal documents, as the register names them. */
public enum LegalDocumentType implements Labelled {
    @Label("Luật") LAW,
    @Label("Pháp lệnh") ORDINANCE,
    @Label("Nghị định") DECREE,
    @Label("Quyết định") DECISION,
    @Label("Thông tư") CIRCULAR,
    @Label("Thông tư liên tịch") JOINT_CIRCULAR,
    @Label("Chỉ thị") DIRECTIVE,
    @Label("Kế hoạch") PLAN,
    @Label("Công văn") OFFICIAL_LETTER;
}
