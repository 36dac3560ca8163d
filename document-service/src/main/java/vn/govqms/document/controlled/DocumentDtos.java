package vn.govqms.document.controlled;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the controlled-document API reads and writes. */
public final class DocumentDtos {

    /** Upper-case segments joined by hyphens: QT-VP-01, STCL, MTCL-2025. */
    public static final String CODE_PATTERN = "^[A-Z0-9Đ]{1,12}(-[A-Z0-9Đ]{1,12}){0,5}$";

    private DocumentDtos() {
    }

    @Schema(name = "ProcedureStep")
    public record Step(
            @NotNull @Min(1) @Max(100) @Schema(example = "1") Integer order,
            @NotBlank @Size(max = 500) @Schema(example = "Tiếp nhận hồ sơ, kiểm tra tính hợp lệ") String name,
            @NotBlank @Size(max = 300) @Schema(example = "Bộ phận Một cửa") String responsibleUnit,
            @NotNull @DecimalMin("0") @DecimalMax("365") @Digits(integer = 3, fraction = 2)
            @Schema(description = "Working days", example = "0.5") BigDecimal durationDays) {
    }

    @Schema(name = "RecordKept")
    public record RecordKept(
            @NotBlank @Size(max = 300) @Schema(example = "Hồ sơ đề nghị cấp giấy chứng nhận") String name,
            @NotBlank @Size(max = 300) @Schema(example = "Phòng Quản lý khoa học") String place,
            @NotBlank @Size(max = 100) @Schema(example = "10 năm") String retention) {
    }

    @Schema(name = "DocumentContent", description = "Structured content of a version")
    public record DocumentContent(
            @Size(max = 5000) @Schema(example = "Quy định trình tự cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ") String purpose,
            @Size(max = 5000) @Schema(example = "Áp dụng tại Sở Khoa học và Công nghệ") String scope,
            @Size(max = 100) List<@NotNull UUID> legalBasisIds,
            @Size(max = 40) @Schema(description = "For TTHC procedures: the code in the TTHC catalogue", example = "1.001612.000.00.00.H24") String tthcCode,
            @Size(max = 100) List<@Valid @NotNull Step> steps,
            @Size(max = 100) List<@Valid @NotNull RecordKept> records,
            @Size(max = 100) List<@NotBlank @Size(max = 300) String> forms) {

        List<UUID> legalBases() {
            return legalBasisIds == null ? List.of() : legalBasisIds;
        }

        List<Step> stepList() {
            return steps == null ? List.of() : steps;
        }

        BigDecimal totalDays() {
            return stepList().stream().map(Step::durationDays).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @Schema(name = "NewControlledDocument")
    public record NewDocument(
            @NotNull UUID agencyId,
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "must look like QT-VP-01") @Schema(example = "QT-KHCN-01") String code,
            @NotBlank @Size(max = 500) @Schema(example = "Quy trình cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ") String title,
            @NotNull @Schema(example = "TTHC_PROCEDURE") DocumentType type,
            @Size(max = 300) @Schema(example = "Phòng Quản lý khoa học") String owningUnit,
            @Schema(example = "2026-12-31") LocalDate nextReviewDate,
            @NotNull @Valid DocumentContent content) {
    }

    @Schema(name = "DocumentVersionEdit", description = "New content for a draft (send If-Match)", example = """
            {"content": {"purpose": "Quy định trình tự cấp Phiếu lý lịch tư pháp", "scope": "Áp dụng tại Bộ phận Một cửa và Phòng Hành chính tư pháp",
             "legalBasisIds": ["7c5e1b9a-2d4f-4a3e-8b6c-0e9f1d2a5c38"], "tthcCode": "1.001612.000.00.00.H48",
             "steps": [{"order": 1, "name": "Tiếp nhận hồ sơ", "responsibleUnit": "Bộ phận Một cửa", "durationDays": 0.5},
                       {"order": 2, "name": "Thẩm định, trình ký", "responsibleUnit": "Phòng Hành chính tư pháp", "durationDays": 8.5},
                       {"order": 3, "name": "Trả kết quả", "responsibleUnit": "Bộ phận Một cửa", "durationDays": 1}],
             "records": [{"name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "place": "Phòng Hành chính tư pháp", "retention": "05 năm"}],
             "forms": ["Mẫu số 03/2013/TT-LLTP"]}}""")
    public record VersionEdit(@NotNull @Valid DocumentContent content) {
    }

    @Schema(name = "DocumentIssue", example = """
            {"effectiveDate": "2026-04-01"}""")
    public record Issue(@Schema(description = "Effective date (default today)", example = "2026-01-01") LocalDate effectiveDate) {
    }

    @Schema(name = "DocumentAbolition", example = """
            {"reason": "Thủ tục hành chính đã bị bãi bỏ theo Quyết định 1113/QĐ-UBND"}""")
    public record Abolition(@NotBlank @Size(max = 1000) @Schema(example = "Thủ tục hành chính đã bị bãi bỏ") String reason) {
    }

    @Schema(name = "DistributionRecipient", description = "A person, by the subject of their token (the subject of their contact in "
            + "notification-service), or a unit of the agency, by its agency id")
    public record Recipient(@NotNull @Schema(example = "PERSON", description = "PERSON or UNIT") RecipientKind kind,
                            @Size(max = 200) @Schema(description = "PERSON: the subject of the person's token", example = "nguyen.van.an")
                            String subject,
                            @Schema(description = "UNIT: the agency id of a unit under the issuing agency (a chi cục, a ministry's unit)")
                            UUID unitId,
                            @Size(max = 300) @Schema(description = "The name to show; required for a PERSON, a UNIT's defaults to its registered "
                                    + "name; alone, it names an entry recorded before recipients were identified", example = "Nguyễn Văn An")
                            String name) {

        /** How the entry is keyed: the subject, the unit id, or (entries named by name only) the name. */
        String key() {
            if (kind == RecipientKind.PERSON && subject != null && !subject.isBlank()) {
                return subject.trim();
            }
            if (kind == RecipientKind.UNIT && unitId != null) {
                return unitId.toString();
            }
            return name == null || name.isBlank() ? null : name.trim();
        }
    }

    public enum RecipientKind { UNIT, PERSON }

    @Schema(name = "Distribution", description = "Who receives the issued version")
    public record Distribution(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Recipient> recipients) {
    }

    @Schema(name = "PaperReceipt", description = "The recipient signed on paper (sổ giao nhận); the ISO officer records it")
    public record PaperReceipt(@NotNull @Schema(example = "2026-01-06") LocalDate signedOn,
                               @NotBlank @Size(max = 1000) @Schema(description = "Where the signature is",
                                       example = "Sổ giao nhận tài liệu năm 2026, trang 12, dòng 4") String evidence) {
    }

    @Schema(name = "Acknowledgement", description = "Signed receipt of one recipient (giao nhận): by the recipient's own token, "
            + "or, with paper, recorded by the agency's ISO officer")
    public record Acknowledgement(@NotNull @Valid Recipient recipient, @Valid PaperReceipt paper) {
    }

    @Schema(name = "DistributionEntry")
    public record DistributionView(UUID id, RecipientKind kind,
                                   @Schema(description = "The subject (PERSON) or unit id (UNIT); the name for an entry named by name only",
                                           example = "nguyen.van.an") String recipient,
                                   @Schema(example = "Nguyễn Văn An") String name,
                                   @Schema(description = "Named before recipients were identified: only a paper receipt closes it") boolean namedOnly,
                                   int revision,
                                   boolean acknowledged,
                                   String acknowledgedBy, OffsetDateTime acknowledgedAt,
                                   @Schema(example = "TOKEN") AcknowledgementMethod method,
                                   @Schema(example = "Người nhận tự xác nhận") String methodLabel,
                                   @Schema(description = "Who recorded it: the recipient, or the ISO officer for a paper receipt") String recordedBy,
                                   @Schema(description = "Paper receipts: the date on the paper") LocalDate signedOn,
                                   @Schema(description = "Paper receipts: where the signature is") String evidence) {
    }

    @Schema(name = "DocumentPublication", description = "Posting at the office and publication on the portal of the revision in force "
            + "(kept for existing clients: each date given is also recorded as a posting of that revision)", example = """
            {"postedOn": "2026-03-20", "portalUrl": "https://sotuphap.ninhbinh.gov.vn/thu-tuc-hanh-chinh/qt-tp-05", "publishedOn": "2026-03-20"}""")
    public record Publication(@Schema(example = "2026-01-05") LocalDate postedOn,
                              @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) address")
                              @Schema(example = "https://skhcn.bacgiang.gov.vn/thu-tuc-hanh-chinh/qt-khcn-01") String portalUrl,
                              @Schema(example = "2026-01-06") LocalDate publishedOn) {
    }

    @Schema(name = "NewPosting", description = "A posting of an issued version: at the office notice board or on the portal")
    public record NewPosting(@NotNull @Schema(example = "PORTAL") PostingChannel channel,
                             @NotNull @Schema(example = "2026-01-06") LocalDate postedOn,
                             @Size(max = 300) @Schema(description = "Where at the office", example = "Bộ phận Tiếp nhận và Trả kết quả") String place,
                             @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) address")
                             @Schema(description = "The page (required for PORTAL)",
                                     example = "https://skhcn.bacgiang.gov.vn/thu-tuc-hanh-chinh/qt-khcn-01") String url) {
    }

    @Schema(name = "Posting")
    public record PostingView(UUID id, UUID documentId, int revision, PostingChannel channel,
                              @Schema(example = "Đăng tải trên cổng thông tin điện tử") String channelLabel,
                              LocalDate postedOn, String place, String url, String recordedBy, OffsetDateTime createdAt) {
    }

    public enum PeriodicOutcome { NO_CHANGE, REVISION_NEEDED, ABOLISH }

    @Schema(name = "NewPeriodicReview", example = """
            {"reviewedOn": "2026-06-30", "outcome": "NO_CHANGE", "note": "Nội dung còn phù hợp với quy định hiện hành", "nextReviewDate": "2027-06-30"}""")
    public record NewPeriodicReview(@NotNull @Schema(example = "2026-06-30") LocalDate reviewedOn,
                                    @NotNull @Schema(example = "NO_CHANGE") PeriodicOutcome outcome,
                                    @Size(max = 2000) @Schema(example = "Nội dung còn phù hợp") String note,
                                    @Schema(example = "2027-06-30") LocalDate nextReviewDate) {
    }

    @Schema(name = "PeriodicReview")
    public record PeriodicReviewView(UUID id, String reviewer, LocalDate reviewedOn, PeriodicOutcome outcome, String note,
                                     LocalDate nextReviewDate, OffsetDateTime createdAt) {
    }

    @Schema(name = "DocumentVersion")
    public record VersionView(
            UUID id,
            UUID documentId,
            @Schema(example = "1") int revision,
            VersionStatus status,
            @Schema(example = "Dự thảo") String statusLabel,
            @Schema(description = "What may be done now", example = "[\"edit\", \"submit\", \"abolish\"]") List<String> allowedActions,
            DocumentContent content,
            UUID tthcProcedureId,
            LocalDate effectiveDate,
            String abolishedReason,
            String submittedBy, OffsetDateTime submittedAt,
            String approvedBy, OffsetDateTime approvedAt,
            String issuedBy, OffsetDateTime issuedAt,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "ControlledDocument")
    public record DocumentView(
            UUID id,
            UUID agencyId,
            @Schema(example = "QT-KHCN-01") String code,
            String title,
            DocumentType type,
            @Schema(example = "Quy trình giải quyết thủ tục hành chính") String typeLabel,
            String owningUnit,
            @Schema(description = "The revision in force, if any") Integer currentRevision,
            LocalDate nextReviewDate,
            @Schema(description = "Posted at the office on") LocalDate postedOn,
            @Schema(example = "https://skhcn.bacgiang.gov.vn/thu-tuc-hanh-chinh/qt-khcn-01") String portalUrl,
            LocalDate publishedOn,
            @Schema(description = "The newest version") VersionView latest,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }
}
