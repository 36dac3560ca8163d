package vn.govqms.audit.plan;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

import java.util.List;

/** A plan is drafted by the ISO officer, then approved by the head; items are done once it is approved. */
public enum PlanStatus implements Labelled {
    @Label("Dự thảo") DRAFT,
    @Label("Đã phê duyệt") APPROVED;

    public List<String> allowed() {
        return this == DRAFT ? List.of("edit-items", "approve") : List.of("complete-item");
    }
}
