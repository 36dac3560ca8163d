package vn.govqms.document.controlled;

import java.util.List;

/**
 * The lifecycle of a document version: draft → in review → approved → issued → superseded (by the
 * next issued version) or abolished. Who may act: the ISO officer drafts, edits and submits; the
 * agency head returns, approves, issues and abolishes.
 */
public enum VersionStatus {
    DRAFT("Dự thảo"),
    IN_REVIEW("Đang xem xét"),
    APPROVED("Đã phê duyệt"),
    ISSUED("Đã ban hành"),
    SUPERSEDED("Đã được thay thế"),
    ABOLISHED("Đã bãi bỏ");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The actions allowed in this status. */
    public List<VersionAction> allowed() {
        return switch (this) {
            case DRAFT -> List.of(VersionAction.EDIT, VersionAction.SUBMIT, VersionAction.ABOLISH);
            case IN_REVIEW -> List.of(VersionAction.APPROVE, VersionAction.RETURN, VersionAction.ABOLISH);
            case APPROVED -> List.of(VersionAction.ISSUE, VersionAction.RETURN, VersionAction.ABOLISH);
            case ISSUED -> List.of(VersionAction.ABOLISH);
            case SUPERSEDED, ABOLISHED -> List.of();
        };
    }
}
