package vn.govqms.document.tthc;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the administrative-procedure API reads and writes. */
public final class ProcedureDtos {

    public static final String CODE_PATTERN = "^\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?$";

    private ProcedureDtos() {
    }

    @Schema(name = "NewAdministrativeProcedure")
    public record NewProcedure(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "must look like 1.001612 or 1.001612.000.00.00.H48")
            @Schema(example = "1.001612.000.00.00.H48") String code,
            @NotBlank @Size(max = 500) @Schema(example = "Thủ tục cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ") String name,
            @NotBlank @Size(max = 300) @Schema(example = "Hoạt động khoa học và công nghệ") String field,
            @NotNull @Schema(example = "PROVINCIAL") ProcedureLevel level,
            @NotNull @Min(1) @Max(365) @Schema(description = "Legal processing time in working days", example = "15") Integer processingDays,
            @Size(max = 50) List<@NotNull UUID> legalBasisIds,
            @Size(max = 100) @Schema(example = "1234/QĐ-UBND") String publishedByDecision,
            @Pattern(regexp = "^\\d{2}$", message = "must be the two-digit province code")
            @Schema(description = "The province a localised code is localised to; absent for a national code", example = "24") String provinceCode) {
    }

    @Schema(name = "AdministrativeProcedureAmendment", description = "The procedure as amended, and from when (send If-Match)")
    public record Amendment(
            @NotBlank @Size(max = 500) String name,
            @NotBlank @Size(max = 300) String field,
            @NotNull ProcedureLevel level,
            @NotNull @Min(1) @Max(365) Integer processingDays,
            @Size(max = 50) List<@NotNull UUID> legalBasisIds,
            @Size(max = 100) String publishedByDecision,
            @NotNull @Schema(example = "2025-07-01") LocalDate effectiveDate,
            @Size(max = 1000) @Schema(example = "Rút ngắn thời hạn giải quyết theo Nghị định 118/2025/NĐ-CP") String reason) {
    }

    @Schema(name = "AdministrativeProcedureAbolition")
    public record Abolition(
            @NotNull @Schema(example = "2025-07-01") LocalDate effectiveDate,
            @NotBlank @Size(max = 1000) @Schema(example = "Bãi bỏ theo Quyết định 1568/QĐ-BKHCN") String reason) {
    }

    @Schema(name = "AdministrativeProcedure")
    public record ProcedureView(
            UUID id,
            @Schema(example = "1.001612.000.00.00.H48") String code,
            @Schema(example = "1.001612") String nationalCode,
            String name,
            String field,
            ProcedureLevel level,
            @Schema(example = "15") int processingDays,
            ProcedureStatus status,
            @Schema(example = "Đang thực hiện") String statusLabel,
            List<UUID> legalBasisIds,
            String publishedByDecision,
            String provinceCode,
            LocalDate changedAt,
            String changeReason,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static ProcedureView of(AdministrativeProcedure p, List<UUID> bases) {
            return new ProcedureView(p.id, p.code, p.nationalCode, p.name, p.field, p.level, p.processingDays, p.status,
                    p.status.label(), bases, p.publishedByDecision, p.provinceCode, p.changedAt, p.changeReason, p.version,
                    p.createdAt, p.updatedAt);
        }
    }
}
