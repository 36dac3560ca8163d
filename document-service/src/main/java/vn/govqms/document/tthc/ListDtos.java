package vn.govqms.document.tthc;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the API of the province's TTHC list decisions and the agencies' list updates reads and writes. */
public final class ListDtos {

    private ListDtos() {
    }

    @Schema(name = "NewTthcListDecision", description = "A province's decision publishing a change to the TTHCs: the procedures "
            + "it adds, amends or abolishes in the province, and the agencies it names as handling them (new assignments)", example = """
            {"provinceCode": "37", "number": "1113/QĐ-UBND", "decisionDate": "2026-03-11", "procedureIds": ["e2b7c9d1-4f6a-4b8e-9c3d-1a5f7e2b8d60", "9d3a6c2e-7b1f-4e8a-a5c4-3f0d2b6e1a97"], "agencyIds": ["3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15"]}""")
    public record NewDecision(
            @NotBlank @Pattern(regexp = "^\\d{2}$", message = "must be the two-digit province code") @Schema(example = "24") String provinceCode,
            @NotBlank @Size(max = 100) @Schema(example = "1234/QĐ-UBND") String number,
            @NotNull @Schema(example = "2026-02-13") LocalDate decisionDate,
            @NotNull @Size(min = 1, max = 2000) List<@NotNull UUID> procedureIds,
            @Size(max = 500) @Schema(description = "Agencies the decision names as handling its procedures, besides those handling them already")
            List<@NotNull UUID> agencyIds) {
    }

    @Schema(name = "TthcListDecision")
    public record DecisionView(
            UUID id,
            @Schema(example = "24") String provinceCode,
            @Schema(example = "1234/QĐ-UBND") String number,
            @Schema(example = "2026-02-13") LocalDate decisionDate,
            @Schema(description = "The last day for the agencies to update their lists (working days from the decision date, by the "
                    + "deployment's calendar)", example = "2026-02-27") LocalDate dueDate,
            List<UUID> procedureIds,
            List<UUID> agencyIds,
            @Schema(description = "Agencies that owe an updated list because of this decision", example = "3") long agenciesToUpdate,
            String recordedBy,
            OffsetDateTime createdAt) {

        static DecisionView of(ListDecision d, long agencies) {
            return new DecisionView(d.id, d.provinceCode, d.number, d.decisionDate, d.dueDate, Arrays.asList(d.procedureIds),
                    Arrays.asList(d.agencyIds), agencies, d.recordedBy, d.createdAt);
        }
    }

    @Schema(name = "TthcListUpdate", description = "An agency's updating of its handled-TTHC list after a province's decision")
    public record UpdateView(
            UUID id,
            UUID decisionId,
            @Schema(example = "1234/QĐ-UBND") String decisionNumber,
            @Schema(example = "2026-02-13") LocalDate decisionDate,
            UUID agencyId,
            @Schema(example = "000.00.53.H24") String agencyCode,
            @Schema(example = "Sở Khoa học và Công nghệ tỉnh Bắc Ninh") String agencyName,
            @Schema(example = "2026-02-27") LocalDate dueDate,
            @Schema(example = "OPEN") ListUpdateStatus status,
            @Schema(example = "Chờ cập nhật danh mục") String statusLabel,
            OffsetDateTime overdueAt,
            LocalDate clearedOn,
            @Schema(description = "Updated after the due date") boolean clearedLate,
            OffsetDateTime createdAt) {
    }
}
