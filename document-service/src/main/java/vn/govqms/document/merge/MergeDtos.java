package vn.govqms.document.merge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.document.agency.AgencyDtos.AgencyView;
import vn.govqms.document.agency.AgencyDtos.NewAgency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the merger API reads and writes. */
public final class MergeDtos {

    private MergeDtos() {
    }

    @Schema(name = "AgencyMerger", description = "Agencies that end and the one that continues them: an existing agency "
            + "(successorId) or a new one (newSuccessor)")
    public record Merger(
            @NotNull @Size(min = 1, max = 200) List<@NotNull UUID> sourceAgencyIds,
            UUID successorId,
            @Valid NewAgency newSuccessor,
            @NotNull @Schema(description = "The first day of the successor; the sources end the day before", example = "2025-07-01")
            LocalDate effectiveDate) {
    }

    @Schema(name = "AgencyMergerResult")
    public record MergerView(AgencyView successor, List<UUID> predecessorIds, LocalDate effectiveDate,
                             @Schema(description = "Controlled documents moved to the successor") long movedDocuments,
                             @Schema(description = "Moved documents renamed because their code was taken at the successor")
                             long renamedDocuments) {
    }
}
