package vn.govqms.audit.report;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.audit.audit.AuditMode;
import vn.govqms.audit.audit.AuditStatus;
import vn.govqms.audit.report.ReportDtos.MinistryReport;
import vn.govqms.audit.report.ReportDtos.MinistryRow;
import vn.govqms.audit.report.ReportDtos.MissingReports;
import vn.govqms.audit.report.ReportDtos.NewSubmission;
import vn.govqms.audit.report.ReportDtos.Submission;
import vn.govqms.audit.report.ReportDtos.SubmissionSummary;
import vn.govqms.audit.report.ReportDtos.Summary;
import vn.govqms.audit.report.ReportDtos.SummaryRow;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.text.CsvCells;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports", description = "Báo cáo tổng hợp tháng 11 và báo cáo tháng 12 gửi Bộ KH&CN, as JSON or CSV (UTF-8 with BOM, Vietnamese header); the December report's submissions")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "Missing or invalid year, province code or format", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not the province's steering committee or the national level", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportResource {

    static final String CSV = "text/csv; charset=UTF-8";

    private final ReportService service;
    private final MinistrySubmissions submissions;
    private final Caller caller;

    public ReportResource(ReportService service, MinistrySubmissions submissions, Caller caller) {
        this.service = service;
        this.submissions = submissions;
        this.caller = caller;
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

    @POST
    @Path("/ministry-report/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "submitMinistryReport", summary = "Submit the caller's province's December report of a year to the Ministry, as it reads now (publishes ministry-report.submitted)",
            description = "The report is stored exactly as GET /reports/ministry-report returns it at this moment, with who and when. A later correction is a new submission with the next number; the earlier ones are kept.")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(schema = @Schema(implementation = Submission.class)))
    @APIResponse(responseCode = "409", description = "Another submission of the same province and year was stored at the same moment; submit again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Submission>> submit(@Valid @NotNull NewSubmission body) {
        return submissions.submit(body, caller).map(s -> RestResponse.ResponseBuilder
                .<Submission>created(URI.create("/api/v1/reports/ministry-report/submissions/" + s.id())).entity(s).build());
    }

    @GET
    @Path("/ministry-report/submissions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "listMinistryReportSubmissions", summary = "Submissions of the December report, newest first: every province's (national level) or the caller's province's")
    @APIResponse(responseCode = "200", description = "A page of submissions")
    public Uni<Page<SubmissionSummary>> submissions(@QueryParam("year") @Parameter(example = "2026") String year,
                                                    @QueryParam("provinceCode") @Parameter(example = "24") String provinceCode,
                                                    @BeanParam PageParams paging) {
        return submissions.list(provinceCode(provinceCode), year == null || year.isBlank() ? null : year(year), paging.toRequest());
    }

    @GET
    @Path("/ministry-report/submissions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "getMinistryReportSubmission", summary = "A submission with the report exactly as it was submitted")
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(schema = @Schema(implementation = Submission.class)))
    @APIResponse(responseCode = "404", description = "Unknown submission", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Submission> submission(@PathParam("id") UUID id) {
        return submissions.get(id);
    }

    @GET
    @Path("/ministry-report/missing")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "missingMinistryReports", summary = "Provinces that owe the December report of a year and have not submitted it by the deadline (15 December by default)",
            description = "Expected: every province with agencies in the directory on the deadline that has not been merged into another by then (GOVQMS_AUDIT_MINISTRY_REPORT_DEADLINE).")
    @APIResponse(responseCode = "200", description = "The missing provinces", content = @Content(schema = @Schema(implementation = MissingReports.class)))
    public Uni<MissingReports> missing(@QueryParam("year") @Parameter(required = true, example = "2026") String year) {
        return submissions.missing(year(year));
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
        CsvCells.line(b, cells);
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
