package vn.govqms.document.legal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the legal-document API reads and writes. */
public final class LegalDtos {

    /** number / [year /] type-issuer: 19/2014/QĐ-TTg, 1113/QĐ-UBND, 684/UBND-KSTTHC. */
    public static final String NUMBER_PATTERN = "^\\d{1,6}/(\\d{4}/)?[\\p{L}\\d]+([-&][\\p{L}\\d]+)*$";

    private LegalDtos() {
    }

    @Schema(name = "LegalRelationInput", description = "How the new document acts on one already registered: by number "
            + "(resolved within the issuer's authority) or by id (exactly that document)")
    public record RelationInput(
            @NotNull @Schema(example = "AMENDS") RelationKind kind,
            @Size(max = 100) @Schema(description = "For a provincial document: its own province's document of that number; "
                    + "for a national one: the national document, else the one provincial document of that number",
                    example = "19/2014/QĐ-TTg") String targetNumber,
            @Schema(description = "Names the target exactly, e.g. one of the candidates of an ambiguous number") UUID targetId,
            @Size(max = 500) @Schema(example = "Điều 4, Điều 7") String articles) {
    }

    @Schema(name = "NewLegalDocument")
    public record NewLegalDocument(
            @NotBlank @Size(max = 100) @Pattern(regexp = NUMBER_PATTERN, message = "must look like 19/2014/QĐ-TTg")
            @Schema(example = "19/2014/QĐ-TTg") String number,
            @NotNull @Schema(example = "DECISION") LegalDocumentType type,
            @NotBlank @Size(max = 300) @Schema(example = "Thủ tướng Chính phủ") String issuer,
            @NotBlank @Size(max = 2000)
            @Schema(example = "Về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước")
            String title,
            @NotNull @Schema(example = "2014-03-05") LocalDate issuedDate,
            @NotNull @Schema(example = "2014-04-20") LocalDate effectiveDate,
            LocalDate expiryDate,
            @Pattern(regexp = "^\\d{2}$", message = "must be the two-digit province code")
            @Schema(description = "A province's own document (its number is unique in that province's register); absent for "
                    + "national ones", example = "37") String provinceCode,
            @Size(max = 50) List<@Valid @NotNull RelationInput> relations) {
    }

    @Schema(name = "LegalDocumentUpdate", description = "Corrections to a registered document (send If-Match)", example = """
            {"issuer": "Thủ tướng Chính phủ", "title": "Quy định về việc áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
             "issuedDate": "2014-03-05", "effectiveDate": "2014-04-20", "expiryDate": null}""")
    public record LegalDocumentUpdate(
            @NotBlank @Size(max = 300) String issuer,
            @NotBlank @Size(max = 2000) String title,
            @NotNull LocalDate issuedDate,
            @NotNull LocalDate effectiveDate,
            LocalDate expiryDate) {
    }

    @Schema(name = "LegalRelation")
    public record RelationView(
            @Schema(example = "AMENDS") RelationKind kind,
            @Schema(description = "OUTGOING: this document acts on the other; INCOMING: the other acts on this one",
                    example = "INCOMING") String direction,
            UUID otherId,
            @Schema(example = "26/2014/TT-BKHCN") String otherNumber,
            @Schema(description = "When the acting document takes effect", example = "2015-01-01") LocalDate effectiveDate,
            String articles) {
    }

    @Schema(name = "LegalDocument")
    public record LegalDocumentView(
            UUID id,
            @Schema(example = "19/2014/QĐ-TTg") String number,
            LegalDocumentType type,
            @Schema(example = "Quyết định") String typeLabel,
            String issuer,
            String title,
            LocalDate issuedDate,
            LocalDate effectiveDate,
            LocalDate expiryDate,
            @Schema(description = "Null for national documents") String provinceCode,
            @Schema(example = "PARTLY_AMENDED") LegalStatus status,
            @Schema(example = "Còn hiệu lực, đã được sửa đổi một phần") String statusLabel,
            @Schema(description = "The date the status is computed for") LocalDate statusAsOf,
            List<RelationView> relations,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }
}
