package vn.govqms.audit.report;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.audit.audit.AuditMode;
import vn.govqms.audit.audit.AuditStatus;
import vn.govqms.audit.report.ReportDtos.MinistryReport;
import vn.govqms.audit.report.ReportDtos.MinistryRow;
import vn.govqms.audit.report.ReportDtos.Summary;
import vn.govqms.audit.report.ReportDtos.SummaryRow;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;

import java.util.List;

@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports", description = "Báo cáo tổng hợp tháng 11 và báo cáo tháng 12 gửi Bộ KH&CN, as JSON or CSV (UTF-8 with BOM, Vietnamese header)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "Missing or invalid year, province code or format", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not the province's steering committee or the national level", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportResource {

    static final String CSV = "text/csv; charset=UTF-8";

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Path("/province-summary")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "provinceSummaryReport", summary = "The November province-wide summary of a province (by default the caller's): per agency, inspected how, findings by type, actions open/overdue")
    @APIResponse(responseCode = "200", description = "The report", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)),
            @Content(mediaType = "text/csv")})
    public Uni<Response> summary(@QueryParam("year") @Parameter(required = true, example = "2026") String year,
                                 @QueryParam("provinceCode") @Parameter(description = "Required at the national level; a province's committee reads its own and those merged into it", example = "24") String provinceCode,
                                 @QueryParam("format") @Parameter(description = "json (default) or csv", example = "csv") String format) {
        int y = year(year);
        boolean csv = csv(format);
        String province = service.readableProvince(provinceCode(provinceCode));
        return service.summary(province, y).map(s -> csv
                ? file(summaryCsv(s), "bao-cao-tong-hop-kiem-tra-" + province + "-" + y + ".csv")
                : Response.ok(s, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/ministry-report")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "ministryReport", summary = "The December report to the Ministry of Science and Technology of a province (by default the caller's): per agency, announcement, internal audit and management review held this year, legal updates within 3 months")
    @APIResponse(responseCode = "200", description = "The report", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MinistryReport.class)),
            @Content(mediaType = "text/csv")})
    public Uni<Response> ministry(@QueryParam("year") @Parameter(required = true, example = "2026") String year,
                                  @QueryParam("provinceCode") @Parameter(description = "Required at the national level; a province's committee reads its own and those merged into it", example = "24") String provinceCode,
                                  @QueryParam("format") @Parameter(description = "json (default) or csv", example = "csv") String format) {
        int y = year(year);
        boolean csv = csv(format);
        String province = service.readableProvince(provinceCode(provinceCode));
        return service.ministry(province, y).map(r -> csv
                ? file(ministryCsv(r), "bao-cao-bo-khcn-" + province + "-" + y + ".csv")
                : Response.ok(r, MediaType.APPLICATION_JSON).build());
    }

    private static String provinceCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim();
        if (!code.matches("[0-9]{2}")) {
            throw ProblemException.invalidField("provinceCode", "a province code of two digits, such as 24");
        }
        return code;
    }

    static String summaryCsv(Summary s) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, List.of("Mã cơ quan", "Tên cơ quan", "Hình thức kiểm tra", "Tình trạng kiểm tra", "Điểm không phù hợp nặng",
                "Điểm không phù hợp nhẹ", "Điểm cần lưu ý", "Cơ hội cải tiến", "Hành động khắc phục chưa hoàn thành",
                "Hành động khắc phục quá hạn"));
        for (SummaryRow r : s.rows()) {
            line(b, List.of(r.agencyCode(), r.agencyName(),
                    r.inspectionMode() == null ? "Chưa kiểm tra" : AuditMode.valueOf(r.inspectionMode()).label(),
                    r.inspectionStatus() == null ? "" : AuditStatus.valueOf(r.inspectionStatus()).label(),
                    String.valueOf(r.majorNonconformities()), String.valueOf(r.minorNonconformities()), String.valueOf(r.observations()),
                    String.valueOf(r.improvementOpportunities()), String.valueOf(r.actionsOpen()), String.valueOf(r.actionsOverdue())));
        }
        return b.toString();
    }

    static String ministryCsv(MinistryReport m) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, List.of("Mã cơ quan", "Tên cơ quan", "Đã công bố HTQLCL", "Số quyết định công bố", "Ngày công bố", "Phiên bản tiêu chuẩn",
                "Đánh giá nội bộ trong năm", "Xem xét của lãnh đạo trong năm", "Cập nhật VBQPPL đúng hạn 3 tháng",
                "Cập nhật VBQPPL trễ hạn", "Rà soát quy trình đang quá hạn"));
        for (MinistryRow r : m.rows()) {
            line(b, List.of(r.agencyCode(), r.agencyName(), yes(r.announced()), nz(r.announcementDecision()),
                    r.announcementDate() == null ? "" : r.announcementDate().toString(), nz(r.standardEdition()), yes(r.internalAuditHeld()),
                    yes(r.managementReviewHeld()), String.valueOf(r.legalUpdatesOnTime()), String.valueOf(r.legalUpdatesLate()),
                    String.valueOf(r.legalUpdatesOverdue())));
        }
        return b.toString();
    }

    private static String yes(boolean b) {
        return b ? "Có" : "Không";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(i == 0 ? "" : ",");
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append("\r\n");
    }

    private static Response file(String body, String name) {
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static boolean csv(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw ProblemException.invalidField("format", "json or csv");
    }

    private static int year(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("year", "is required");
        }
        int year;
        try {
            year = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("year", "a year such as 2026");
        }
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalidField("year", "between 2000 and 2100");
        }
        return year;
    }
}
