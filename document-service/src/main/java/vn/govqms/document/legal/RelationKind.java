package vn.govqms.document.legal;

/** How a newer legal document acts on an older one. */
public enum RelationKind {
    /** Sửa đổi, bổ sung (optionally some articles). */
    AMENDS,
    /** Thay thế. */
    REPLACES,
    /** Bãi bỏ. */
    REPEALS,
    /** Hướng dẫn thi hành. */
    GUIDES;

    /** The change it makes to its target, or null when it changes nothing (guidance). */
    public ChangeKind change() {
        return switch (this) {
            case AMENDS -> ChangeKind.AMENDED;
            case REPLACES -> ChangeKind.REPLACED;
            case REPEALS -> ChangeKind.REPEALED;
            case GUIDES -> null;
        };
    }
}
