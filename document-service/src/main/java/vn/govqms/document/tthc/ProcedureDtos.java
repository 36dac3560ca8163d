package vn.govqms.document.tthc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.kit.calendar.ProcessingTime;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the administrative-procedure API reads and writes. */
public final class ProcedureDtos {

    public static final String CODE_PATTERN = "^\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?$";

    private ProcedureDtos() {
    }

    @Schema(name = "NewAdministrativeProcedure", example = """
            {"code": "1.001612.000.00.00.H48", "name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
             "field": "Lý lịch tư pháp", "level": "PROVINCIAL", "processingDays": 10, "legalBasisIds": ["7c5e1b9a-2d4f-4a3e-8b6c-0e9f1d2a5c38"], "publishedByDecision": "1113/QĐ-UBND",
             "provinceCode": "37", "processingTime": {"unit": "WORKING_DAYS", "amount": 10}}""")
    public record NewProcedure(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "must look like 1.001612 or 1.001612.000.00.00.H48")
            @Schema(example = "1.001612.000.00.00.H48") String code,
            @NotBlank @Size(max = 500) @Schema(example = "Thủ tục cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ") String name,
            @NotBlank @Size(max = 300) @Schema(example = "Hoạt động khoa học và công nghệ") String field,
            @NotNull @Schema(example = "PROVINCIAL") ProcedureLevel level,
            @Min(1) @Max(365) @Schema(description = "Legal processing time in working days (or give processingTime)", example = "15")
            Integer processingDays,
            @Size(max = 50) List<@NotNull UUID> legalBasisIds,
            @Size(max = 100) @Schema(example = "1234/QĐ-UBND") String publishedByDecision,
            @Pattern(regexp = "^\\d{2}$", message = "must be the two-digit province code")
            @Schema(description = "The province a localised code is localised to; absent for a national code", example = "24") String provinceCode,
            @Valid @Schema(description = "The processing time when it is not whole days (hours, \"trong ngày\"); instead of processingDays")
            ProcessingTimeInput processingTime) {
    }

    @Schema(name = "AdministrativeProcedureAmendment", description = "The procedure as amended, and from when (send If-Match)", example = """
            {"name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "field": "Lý lịch tư pháp",
             "level": "PROVINCIAL", "processingDays": 10, "legalBasisIds": ["7c5e1b9a-2d4f-4a3e-8b6c-0e9f1d2a5c38"], "publishedByDecision": "1113/QĐ-UBND", "effectiveDate": "2026-07-01",
             "reason": "Rút ngắn thời hạn giải quyết", "processingTime": {"unit": "WORKING_DAYS", "amount": 10}}""")
    public record Amendment(
            @NotBlank @Size(max = 500) String name,
            @NotBlank @Size(max = 300) String field,
            @NotNull ProcedureLevel level,
            @Min(1) @Max(365) Integer processingDays,
            @Size(max = 50) List<@NotNull UUID> legalBasisIds,
            @Size(max = 100) String publishedByDecision,
            @NotNull @Schema(example = "2025-07-01") LocalDate effectiveDate,
            @Size(max = 1000) @Schema(example = "Rút ngắn thời hạn giải quyết theo Nghị định 118/2025/NĐ-CP") String reason,
            @Valid ProcessingTimeInput processingTime) {
    }

    @Schema(name = "ProcessingTimeInput", description = "A legal processing time: working days (1-365), working hours (1-2920) "
            + "or WITHIN_DAY (\"trong ngày\", no amount)")
    public record ProcessingTimeInput(
            @NotNull @Schema(example = "WORKING_HOURS") ProcessingTime.Unit unit,
            @Min(0) @Max(2920) @Schema(example = "4") Integer amount) {
    }

    @Schema(name = "ProcessingTime")
    public record ProcessingTimeView(
            @Schema(example = "WORKING_HOURS") ProcessingTime.Unit unit,
            @Schema(example = "4") int amount,
            @Schema(example = "4 giờ làm việc") String label) {

        static ProcessingTimeView of(ProcessingTime t) {
            return new ProcessingTimeView(t.unit(), t.amount(), t.label());
        }
    }

    @Schema(name = "ProcedureDueDate", description = "When a dossier of the procedure received at receivedAt is due, by the "
            + "deployment's working-day calendar")
    public record DueDateView(
            UUID procedureId,
            @Schema(example = "1.001612.000.00.00.H48") String code,
            ProcessingTimeView processingTime,
            @Schema(example = "2026-02-13T15:00:00+07:00") OffsetDateTime receivedAt,
            @Schema(example = "2026-02-27T17:00:00+07:00") OffsetDateTime dueAt) {
    }

    /**
     * The processing time of a request: {@code processingTime}, or {@code processingDays} working days; one of them is
     * required, and when both are given they must say the same.
     */
    static ProcessingTime processingTime(Integer days, ProcessingTimeInput time) {
        if (time == null) {
            if (days == null) {
                throw ProblemException.invalidField("processingDays", "processingDays or processingTime is required");
            }
            return ProcessingTime.days(days);
        }
        ProcessingTime t;
        try {
            t = new ProcessingTime(time.unit(), time.amount() == null ? 0 : time.amount());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("processingTime.amount", e.getMessage());
        }
        if (days != null && (t.unit() != ProcessingTime.Unit.WORKING_DAYS || t.amount() != days)) {
            throw ProblemException.invalidField("processingDays", "says " + days + " working days, processingTime says "
                    + t.label() + ": give one of them");
        }
        return t;
    }

    @Schema(name = "AdministrativeProcedureAbolition", example = """
            {"effectiveDate": "2026-07-01", "reason": "Bãi bỏ theo Quyết định số 1113/QĐ-UBND ngày 11/3/2026 của Chủ tịch UBND tỉnh Ninh Bình"}""")
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
            @Schema(description = "The whole working days the processing time spans (at least 1)", example = "15") int processingDays,
            ProcessingTimeView processingTime,
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
            return new ProcedureView(p.id, p.code, p.nationalCode, p.name, p.field, p.level, p.processingDays,
                    ProcessingTimeView.of(p.processingTime()), p.status,
                    p.status.label(), bases, p.publishedByDecision, p.provinceCode, p.changedAt, p.changeReason, p.version,
                    p.createdAt, p.updatedAt);
        }
    }
}
