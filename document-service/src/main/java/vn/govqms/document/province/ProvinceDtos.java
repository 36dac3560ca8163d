package vn.govqms.document.province;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** What the province register's API reads and writes. */
public final class ProvinceDtos {

    /** The two-digit code of a province (00, the central bodies, is none). */
    public static final String CODE_PATTERN = "^\\d{2}$";

    private ProvinceDtos() {
    }

    @Schema(name = "ProvinceMerger", description = "Provinces that merge: the province `code` (one of the sources, which keeps "
            + "its code) continues all of them under `name` from `effectiveDate`; the other sources end the day before")
    public record NewMerger(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "must be a two-digit province code")
            @Schema(example = "24", description = "The code the merged province carries: one of sourceCodes") String code,
            @NotBlank @Size(max = 100) @Schema(example = "Bắc Ninh", description = "Its name from effectiveDate") String name,
            @NotNull @Schema(example = "2025-07-01", description = "The merged province's first day") LocalDate effectiveDate,
            @NotNull @Size(max = 10) @Schema(example = "[\"24\", \"27\"]", description = "Every province merged, the continuing one included")
            List<@NotNull @Pattern(regexp = CODE_PATTERN, message = "must be a two-digit province code") String> sourceCodes,
            @NotBlank @Size(max = 100) @Schema(example = "202/2025/QH15", description = "The resolution that made the merger")
            String decision) {
    }

    @Schema(name = "ProvinceMergerResult")
    public record MergerView(
            @Schema(example = "24") String code,
            @Schema(example = "Bắc Ninh") String name,
            @Schema(example = "2025-07-01") LocalDate effectiveDate,
            @Schema(example = "[\"24\", \"27\"]") List<String> sourceCodes,
            @Schema(example = "[\"27\"]", description = "The provinces that ended the day before effectiveDate") List<String> mergedCodes,
            @Schema(example = "202/2025/QH15") String decision) {

        static MergerView of(ProvinceMerger m) {
            return new MergerView(m.code, m.name, m.effectiveDate, m.sources(), m.mergedCodes(), m.decision);
        }
    }

    @Schema(name = "Province", description = "A province as of a day")
    public record ProvinceView(
            @Schema(example = "24") String code,
            @Schema(example = "Bắc Giang", description = "Its name on the day asked for") String name,
            @Schema(description = "Its first day, when the register knows it") LocalDate validFrom,
            @Schema(example = "2025-06-30", description = "Its last day, for a province merged into another") LocalDate validTo,
            @Schema(example = "24", description = "The province that continues it") String successorCode,
            @Schema(example = "202/2025/QH15", description = "The decision of its latest change") String decision) {

        static ProvinceView of(Province p, String name) {
            return new ProvinceView(p.code, name, p.validFrom, p.validTo, p.successorCode, p.decision);
        }
    }

    @Schema(name = "ProvinceHistory", description = "A province with its names over time, what it merged into and what merged into it")
    public record ProvinceDetail(
            @Schema(example = "27") String code,
            @Schema(example = "Bắc Ninh", description = "Its name today, or its last name") String name,
            LocalDate validFrom,
            @Schema(example = "2025-06-30") LocalDate validTo,
            @Schema(example = "202/2025/QH15") String decision,
            @Schema(description = "Its names, oldest first") List<NameView> names,
            @Schema(description = "The province that continues it, when it was merged into another") Link successor,
            @Schema(description = "The provinces merged into it") List<Link> predecessors) {
    }

    @Schema(name = "ProvinceName")
    public record NameView(
            @Schema(example = "Bắc Giang") String name,
            @Schema(description = "null: since before the register's records") LocalDate validFrom,
            @Schema(example = "2025-06-30") LocalDate validTo,
            @Schema(example = "202/2025/QH15") String decision) {

        static NameView of(ProvinceName n) {
            return new NameView(n.name, n.validFrom, n.validTo, n.decision);
        }
    }

    @Schema(name = "ProvinceLink", description = "A province at the day of a merger")
    public record Link(
            @Schema(example = "24") String code,
            @Schema(example = "Bắc Ninh") String name,
            @Schema(example = "2025-07-01", description = "The merged province's first day") LocalDate effectiveDate,
            @Schema(example = "202/2025/QH15") String decision) {
    }
}
