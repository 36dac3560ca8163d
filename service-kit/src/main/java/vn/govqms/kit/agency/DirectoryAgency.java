package vn.govqms.kit.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.kit.security.AgencyRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An agency as this service knows it from document-service's events. */
@Schema(name = "DirectoryAgency", description = "An agency in this service's read model, kept current from document.events")
public record DirectoryAgency(
        UUID id,
        @Schema(example = "000.00.53.H48") String code,
        @Schema(example = "Sở Khoa học và Công nghệ tỉnh Bắc Giang") String name,
        @Schema(example = "DEPARTMENT") String level,
        UUID parentId,
        @Schema(example = "24") String provinceCode,
        @Schema(description = "The root of the agency's tree: its ministry for a central unit, itself when it has no parent") UUID rootId,
        LocalDate validFrom,
        LocalDate validTo,
        @Schema(description = "The agency's revision in document-service this copy reflects", example = "1") long revision,
        OffsetDateTime updatedAt) {

    public AgencyRef ref() {
        return new AgencyRef(id, provinceCode, rootId, validTo);
    }
}
