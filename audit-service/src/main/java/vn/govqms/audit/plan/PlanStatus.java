package vn.govqms.audit.plan;

import java.util.List;

/** A plan is drafted by the ISO officer, then approved by the head; items are done once it is approved. */
public enum PlanStatus {
    DRAFT("Dự thảo"),
    APPROVED("Đã phê duyệt");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public List<String> allowed() {
        return this == DRAFT ? List.of("edit-items", "approve") : List.of("complete-item");
    }
}
