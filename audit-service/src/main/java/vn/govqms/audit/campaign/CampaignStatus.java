package vn.govqms.audit.campaign;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

import java.util.List;

/** A campaign is drafted by the Department of S&T and approved by decision of the Provincial People's Committee. */
public enum CampaignStatus implements Labelled {
    @Label("Dự thảo") DRAFT,
    @Label("Đã phê duyệt") APPROVED;

    public List<String> allowed() {
        return this == DRAFT ? List.of("edit-agencies", "approve") : List.of();
    }
}
