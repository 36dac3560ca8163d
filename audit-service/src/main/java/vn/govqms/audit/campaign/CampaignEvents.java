package vn.govqms.audit.campaign;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Campaign facts on {@code audit.events}; a province-wide fact, keyed by the campaign id. */
public final class CampaignEvents {

    public static final String APPROVED = EventTypes.of("audit", "inspection-campaign.approved");

    private CampaignEvents() {
    }

    public record ApprovedData(UUID campaignId, String provinceCode, int year, String decisionNumber, LocalDate decisionDate,
                               long onSiteCount, long recordsCount, List<UUID> agencyIds) {
    }

    static OutgoingEvent approved(InspectionCampaign c, long onSite, long records, List<UUID> agencies, OffsetDateTime now) {
        return OutgoingEvent.of("audit.events", c.id.toString(), APPROVED, "inspection-campaigns/" + c.id, now,
                new ApprovedData(c.id, c.provinceCode, c.year, c.decisionNumber, c.decisionDate, onSite, records, agencies));
    }
}
