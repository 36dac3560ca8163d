package vn.govqms.document.controlled;

/** What can be done to a document version; who does it is {@link DocumentPolicy}'s. */
public enum VersionAction {
    EDIT,
    SUBMIT,
    RETURN,
    APPROVE,
    ISSUE,
    ABOLISH
}
