package vn.govqms.scoring.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What the dossier ingestion and KPI endpoints read and return. */
public final class DossierDtos {

    private DossierDtos() {
    }

    @Schema(name = "DossierEventBatch", description = "Up to 5,000 dossier status events; each item is checked on its own")
    public record Batch(@NotNull @Size(min = 1, max = 5000) @Schema(implementation = DossierEventItem[].class) List<JsonNode> items) {
    }

    /** The documented shape of one item (also the data of vn.govqms.onestop.dossier-status.v1 on onestop.dossier-events). */
    @Schema(name = "DossierEvent")
    public record DossierEventItem(
            @Schema(required = true, example = "000.00.53.H48-220921-0099") String dossierCode,
            @Schema(description = "The agency's electronic code, or agencyId", example = "000.00.53.H48") String agencyCode,
            @Schema(description = "The agency's id, or agencyCode") UUID agencyId,
            @Schema(required = true, example = "1.001612.000.00.00.H48") String tthcCode,
            @Schema(required = true, enumeration = {"ONLINE", "DIRECT", "POST"}, example = "ONLINE") String channel,
            @Schema(required = true, enumeration = {"RECEIVED", "RESOLVED", "RETURNED", "WITHDRAWN"}, example = "RESOLVED") String status,
            @Schema(required = true, description = "When the dossier reached this status (with the time zone); with dossierCode and status it identifies the event",
                    example = "2022-09-28T15:30:00+07:00") String occurredAt,
            @Schema(description = "Default for RECEIVED: occurredAt", example = "2022-09-21T08:15:00+07:00") String receivedAt,
            @Schema(description = "The legal due date and time", example = "2022-09-30T17:00:00+07:00") String dueAt,
            @Schema(description = "Default for RESOLVED: occurredAt", example = "2022-09-28T15:30:00+07:00") String resolvedAt,
            @Schema(description = "An apology slip (phiếu xin lỗi) was issued with this new due date", example = "2022-10-05T17:00:00+07:00")
            String apologyNewDueAt) {
    }

    @Schema(name = "DossierItemError")
    public record ItemError(@Schema(example = "3") int index, @Schema(example = "000.00.53.H48-220921-0099") String dossierCode,
                            @Schema(example = "status") String field, @Schema(example = "one of RECEIVED, RESOLVED, RETURNED, WITHDRAWN") String message) {
    }

    @Schema(name = "DossierIngestResult", description = "Always 200 for a well-formed batch: good items are stored, bad ones listed in errors")
    public record Result(@Schema(example = "5000") int received, @Schema(description = "New events stored", example = "4990") int accepted,
                         @Schema(description = "Events seen before (same dossier code, status and time): nothing changed", example = "8") int duplicates,
                         @Schema(example = "2") int rejected, List<ItemError> errors) {
    }

    @Schema(name = "DossierKpi")
    public record Kpi(UUID agencyId, @Schema(example = "000.00.53.H48") String agencyCode, @Schema(example = "Sở Tư pháp tỉnh Bắc Giang") String agencyName,
                      @Schema(description = "Null when grouped by agency", example = "1.001612.000.00.00.H48") String tthcCode,
                      @Schema(example = "120") long received, @Schema(example = "100") long resolved,
                      @Schema(description = "Resolved on a day before the due day", example = "60") long resolvedEarly,
                      @Schema(description = "Resolved on the due day, by the due time", example = "38") long resolvedOnTime,
                      @Schema(description = "Resolved after the due time", example = "2") long resolvedLate,
                      @Schema(description = "Resolved by the due time over resolved, percent", example = "98.00") BigDecimal onTimeRate,
                      @Schema(example = "4.25") BigDecimal averageProcessingDays,
                      @Schema(description = "Apology slips issued", example = "2") long apologySlips) {
    }

    @Schema(name = "DossierKpiPage")
    public record KpiPage(String from, String to, List<Kpi> items, int page, int size, long total) {
    }
}
