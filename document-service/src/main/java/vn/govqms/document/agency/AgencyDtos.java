package vn.govqms.document.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the agency API reads and writes. */
public final class AgencyDtos {

    /** QCVN 102:2016 electronic identifier, e.g. {@code 000.00.53.H48}. */
    public static final String CODE_PATTERN = "^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$";
    /** Two-digit administrative code of the province; {@code 00} for central bodies (ministries). */
    public static final String PROVINCE_PATTERN = "^\\d{2}$";

    private AgencyDtos() {
    }

    @Schema(name = "NewAgency", description = "An agency to register")
    public record NewAgency(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "must look like 000.00.53.H48")
            @Schema(example = "000.00.53.H48", description = "Electronic identifier (QCVN 102:2016)") String code,
            @NotBlank @Size(max = 300)
            @Schema(example = "Sở Khoa học và Công nghệ tỉnh Bắc Giang") String name,
            @NotNull @Schema(example = "DEPARTMENT") AgencyLevel level,
            @Schema(description = "The parent agency, in the same province") UUID parentId,
            @NotBlank @Pattern(regexp = PROVINCE_PATTERN, message = "must be the two-digit province code")
            @Schema(example = "24", description = "Province code (00 for central bodies)") String provinceCode,
            @Schema(example = "2008-04-01") LocalDate validFrom,
            @Schema(example = "2025-06-30", description = "Last day, for agencies that ended (mergers)") LocalDate validTo) {
    }

    @Schema(name = "AgencyUpdate", description = "The changeable description of an agency (send If-Match)", example = """
            {"name": "Sở Tư pháp tỉnh Ninh Bình", "parentId": "5b2e9d47-8c1f-4e6a-b3d0-2a7c9e1f5d88", "validFrom": "2025-07-01", "validTo": null}""")
    public record AgencyUpdate(
            @NotBlank @Size(max = 300) @Schema(example = "Sở Khoa học và Công nghệ tỉnh Bắc Giang") String name,
            UUID parentId,
            @Schema(example = "2008-04-01") LocalDate validFrom,
            @Schema(example = "2025-06-30") LocalDate validTo) {
    }

    @Schema(name = "Agency", description = "An agency")
    public record AgencyView(
            UUID id,
            @Schema(example = "000.00.53.H48") String code,
            @Schema(example = "Sở Khoa học và Công nghệ tỉnh Bắc Giang") String name,
            @Schema(example = "DEPARTMENT") AgencyLevel level,
            @Schema(example = "Sở, ban, ngành") String levelLabel,
            UUID parentId,
            @Schema(example = "24") String provinceCode,
            @Schema(description = "The root of its tree: its ministry for a central unit (a ministry's tenant), itself without a parent")
            UUID rootId,
            LocalDate validFrom,
            LocalDate validTo,
            @Schema(example = "ANNOUNCED") QmsStatus qmsStatus,
            @Schema(example = "ISO_9001_2015") StandardEdition standardEdition,
            @Schema(description = "The scope changed since the last announcement") boolean reannouncementRequired,
            @Schema(example = "Bổ sung 3 thủ tục hành chính vào phạm vi") String reannouncementReason,
            @Schema(description = "The day the scope changed", example = "2025-07-01") LocalDate reannouncementSince,
            @Schema(description = "The day the re-announcement is due (govqms.qms.reannounce-within after the change)", example = "2025-10-01")
            LocalDate reannouncementDue,
            @Schema(description = "The re-announcement is past its due date") boolean reannouncementOverdue,
            @Schema(description = "Revision, also sent as the ETag", example = "0") long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public static AgencyView of(Agency a) {
            return new AgencyView(a.id, a.code, a.name, a.level, a.level.label(), a.parentId, a.provinceCode, a.rootId,
                    a.validFrom, a.validTo, a.qmsStatus, a.standardEdition, a.reannouncementRequired, a.reannouncementReason,
                    a.reannouncementSince, a.reannouncementDue, a.reannouncementOverdueAt != null,
                    a.version, a.createdAt, a.updatedAt);
        }
    }
}
