package vn.govqms.document.legal;

/** What happened to a legal document, as {@code legal-document.changed} tells it. */
public enum ChangeKind {
    AMENDED,
    REPLACED,
    REPEALED,
    /** Its own dates or text were corrected in the register. */
    UPDATED,
    /** Its expiry date passed with no document repealing or replacing it first. */
    EXPIRED
}
