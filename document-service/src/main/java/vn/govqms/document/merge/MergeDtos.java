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
            + "(successorId) or a new one (newSuccessor)", example = """
            {"sourceAgencyIds": ["0f8a5c1e-3d2b-4c8e-9a51-6f0e2b7d4a10", "8a2e4f60-1c3b-4d7a-b5e9-2f6a0c1d3e47"],
             "newSuccessor": {"code": "000.00.53.H48", "name": "Sở Nông nghiệp và Môi trường tỉnh Ninh Bình", "level": "DEPARTMENT",
                              "parentId": "5b2e9d47-8c1f-4e6a-b3d0-2a7c9e1f5d88", "provinceCode": "37", "validFrom": "2025-03-01"},
             "effectiveDate": "2025-03-01"}""")
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

    @Schema(name = "AgencySplit", description = "An agency that ends and the agencies that continue it, each taking the "
            + "documents and TTHCs listed for it; the primary successor takes everything not listed (and the agency's own history)", example = """
            {"sourceAgencyId": "0f8a5c1e-3d2b-4c8e-9a51-6f0e2b7d4a10",
             "successors": [{"successorId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "documentIds": [], "procedureIds": ["e2b7c9d1-4f6a-4b8e-9c3d-1a5f7e2b8d60"], "primary": true},
                            {"newSuccessor": {"code": "000.00.54.H48", "name": "Sở Dân tộc và Tôn giáo tỉnh Ninh Bình", "level": "DEPARTMENT",
                                              "parentId": "5b2e9d47-8c1f-4e6a-b3d0-2a7c9e1f5d88", "provinceCode": "37", "validFrom": "2025-03-01"},
                             "documentIds": [], "procedureIds": ["9d3a6c2e-7b1f-4e8a-a5c4-3f0d2b6e1a97"], "primary": false}],
             "effectiveDate": "2025-03-01"}""")
    public record Split(
            @NotNull UUID sourceAgencyId,
            @NotNull @Size(min = 2, max = 50) List<@NotNull @Valid SplitPart> successors,
            @NotNull @Schema(description = "The first day of the successors; the source ends the day before", example = "2025-07-01")
            LocalDate effectiveDate) {
    }

    @Schema(name = "AgencySplitPart")
    public record SplitPart(
            UUID successorId,
            @Valid NewAgency newSuccessor,
            @Size(max = 10_000) @Schema(description = "Controlled documents of the source this successor takes")
            List<@NotNull UUID> documentIds,
            @Size(max = 5_000) @Schema(description = "TTHCs of the source this successor handles")
            List<@NotNull UUID> procedureIds,
            @Schema(description = "Takes what no part lists; the first part when none says so") Boolean primary) {
    }

    @Schema(name = "AgencySplitResult")
    public record SplitView(UUID predecessorId, LocalDate effectiveDate, List<SplitPartView> successors) {
    }

    @Schema(name = "AgencySplitPartResult")
    public record SplitPartView(AgencyView successor, boolean primary, long movedDocuments, long renamedDocuments, long procedures) {
    }

    @Schema(name = "AgencyLineage", description = "Which agencies an agency continues, and which continue it")
    public record Lineage(UUID agencyId, List<Link> predecessors, List<Link> successors) {
    }

    @Schema(name = "AgencyLineageLink")
    public record Link(UUID agencyId, @Schema(example = "000.00.53.H48") String code,
                       @Schema(example = "UBND xã Thanh Nưa") String name, LocalDate effectiveDate) {
    }
}
