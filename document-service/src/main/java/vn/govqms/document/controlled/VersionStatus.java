package vn.govqms.document.controlled;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

import java.util.List;

/**
 * The lifecycle of a document version: draft → in review → approved → issued → superseded (by the
 * next issued version) or abolished. Who may act: the ISO officer drafts, edits and submits; the
 * agency head returns, approves, issues and abolishes.
 */
public enum VersionStatus implements Labelled {
    @Label("Dự thảo") DRAFT,
    @Label("Đang xem xét") IN_REVIEW,
    @Label("Đã phê duyệt") APPROVED,
    @Label("Đã ban hành") ISSUED,
    @Label("Đã được thay thế") SUPERSEDED,
    @Label("Đã bãi bỏ") ABOLISHED;

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
