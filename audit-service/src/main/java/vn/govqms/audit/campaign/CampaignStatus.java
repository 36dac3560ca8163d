package vn.govqms.audit.campaign;

import java.util.List;

/** A campaign is drafted by the Department of S&T and approved by decision of the Provincial People's Committee. */
public enum CampaignStatus {
    DRAFT("Dự thảo"),
    APPROVED("Đã phê duyệt");

    private final String label;

    CampaignStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public List<String> allowed() {
        return this == DRAFT ? List.of("edit-agencies", "approve") : List.of();
    }
}
