package vn.govqms.audit.report;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import vn.govqms.kit.web.ProvinceParam;
import vn.govqms.kit.web.YearParam;
import vn.govqms.kit.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.audit.internalaudit.AuditMode;
import vn.govqms.audit.internalaudit.AuditStatus;
import vn.govqms.audit.report.ReportDtos.MinistryReport;
import vn.govqms.audit.report.ReportDtos.MinistryRow;
import vn.govqms.audit.report.ReportDtos.MissingReports;
import vn.govqms.audit.report.ReportDtos.NewSubmission;
import vn.govqms.audit.report.ReportDtos.Submission;
import vn.govqms.audit.report.ReportDtos.SubmissionSummary;
import vn.govqms.audit.report.ReportDtos.Summary;
import vn.govqms.audit.report.ReportDtos.SummaryRow;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.text.CsvCells;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv", ReportResource.XLSX, ReportResource.DOCX})
@Tag(name = "Reports", description = "Báo cáo tổng hợp tháng 11 và báo cáo tháng 12 gửi Bộ KH&CN, as JSON, CSV (UTF-8 with BOM, Vietnamese header), "
        + "XLSX or the .docx document officials sign (Decree 30/2020/NĐ-CP layout); their submissions and deadlines")
@APIResponse(responseCode = "400", description = "Missing or invalid year, province code or format")
@APIResponse(responseCode = "403", description = "Not the province's steering committee or the national level")
public class ReportResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FORMATS = "JSON, CSV, XLSX or the signed document (.docx), by format= or the Accept header.";
    private static final String FORMAT = "json (default), csv, xlsx or docx; without it the Accept header decides";

    /** The forms a report is read in: {@code format=} when given, else the first the Accept header names. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON), CSV("text/csv"), XLSX(ReportResource.XLSX), DOCX(ReportResource.DOCX);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    @Inject ReportService service;
    @Inject ReportSubmissions submissions;
    @Inject Caller caller;

    @GET
    @Path("/province-summary")
    @ExpensiveRead
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "provinceSummaryReport", summary = "The November province-wide summary of a province (by default the caller's): per agency, inspected how, findings by type, actions open/overdue, the corrective-action report owed",
            description = FORMATS)
    @APIResponse(responseCode = "200", description = "The report", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = XLSX), @Content(mediaType = DOCX)})
    public Uni<Response> summary(@Valid @BeanParam YearParam year,
                                 @Valid @BeanParam ProvinceParam provinceCode,
                                 @QueryParam("format") @Parameter(description = FORMAT, example = "docx") String format,
                                 @Context HttpHeaders headers) {
        return report(ReportKind.PROVINCE_SUMMARY, "bao-cao-tong-hop-kiem-tra-", year, provinceCode, format, headers, service::summary,
                ReportResource::summaryCsv, ReportExports::summary);
    }

    @GET
    @Path("/ministry-report")
    @ExpensiveRead
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "ministryReport", summary = "The December report to the Ministry of Science and Technology of a province (by default the caller's): per agency, announcement, internal audit and management review held this year, legal updates within 3 months",
            description = FORMATS)
    @APIResponse(responseCode = "200", description = "The report", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MinistryReport.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = XLSX), @Content(mediaType = DOCX)})
    public Uni<Response> ministry(@Valid @BeanParam YearParam year,
                                  @Valid @BeanParam ProvinceParam provinceCode,
                                  @QueryParam("format") @Parameter(description = FORMAT, example = "xlsx") String format,
                                  @Context HttpHeaders headers) {
        return report(ReportKind.MINISTRY_REPORT, "bao-cao-bo-khcn-", year, provinceCode, format, headers, service::ministry,
                ReportResource::ministryCsv, ReportExports::ministry);
    }

    /**
     * A report of the province asked for (by default the caller's) in the format asked for, its file named by
     * {@code filePrefix}, province and year; the signed document carries the letterhead of the province's science department.
     */
    private <R> Uni<Response> report(ReportKind kind, String filePrefix, YearParam year, ProvinceParam provinceCode, String format,
                                     HttpHeaders headers, BiFunction<String, Integer, Uni<R>> load, Function<R, String> csv,
                                     Function<R, ReportFiles.Table> table) {
        int y = year.required();
        Format f = format(format, headers);
        String province = service.readableProvince(provinceCode.provinceCode());
        String name = filePrefix + province + "-" + y;
        return load.apply(province, y).chain(report -> switch (f) {
            case JSON -> Uni.createFrom().item(Response.ok(report, MediaType.APPLICATION_JSON).build());
            case CSV -> Uni.createFrom().item(file(csv.apply(report), CSV, name + ".csv"));
            case XLSX -> Uni.createFrom().item(file(ReportFiles.xlsx(table.apply(report)), XLSX, name + ".xlsx"));
            case DOCX -> service.scienceDepartment(province).map(issuer -> file(ReportFiles.docx(table.apply(report),
                    ReportExports.letterhead(kind, issuer, service.today())), DOCX, name + ".docx"));
        });
    }

    @POST
    @Path("/{report}/submissions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "submitReport", summary = "Submit the caller's province's November summary (province-summary) or December report to the Ministry (ministry-report) of a year, as it reads now (publishes province-summary.submitted / ministry-report.submitted)",
            description = "The report is stored exactly as GET /reports/{report} returns it at this moment, with who and when. A later correction is a new submission with the next number; the earlier ones are kept.")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(schema = @Schema(implementation = Submission.class)))
    @APIResponse(responseCode = "409", description = "Another submission of the same province and year was stored at the same moment; submit again")
    public Uni<RestResponse<Submission>> submit(@PathParam("report") @Parameter(example = "province-summary", schema = @Schema(enumeration = {"province-summary", "ministry-report"})) String report,
                                                @Valid @NotNull NewSubmission body) {
        ReportKind kind = kind(report);
        return submissions.submit(kind, body, caller).map(s -> Responses.created("/api/v1/reports/" + kind.path() + "/submissions/" + s.id(), s));
    }

    @GET
    @Path("/{report}/submissions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "listReportSubmissions", summary = "Submissions of the November summary or the December report, newest first: every province's (national level) or the caller's province's")
    @APIResponse(responseCode = "200", description = "A page of submissions")
    public Uni<Page<SubmissionSummary>> submissions(@PathParam("report") @Parameter(example = "ministry-report", schema = @Schema(enumeration = {"province-summary", "ministry-report"})) String report,
                                                    @Valid @BeanParam YearParam year,
                                                    @Valid @BeanParam ProvinceParam provinceCode,
                                                    @BeanParam PageParams paging) {
        return submissions.list(kind(report), provinceCode.provinceCode(), year.year(), paging.toRequest());
    }

    @GET
    @Path("/{report}/submissions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "getReportSubmission", summary = "A submission with the report exactly as it was submitted")
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(schema = @Schema(implementation = Submission.class)))
    public Uni<Submission> submission(@PathParam("report") @Parameter(example = "ministry-report", schema = @Schema(enumeration = {"province-summary", "ministry-report"})) String report, @PathParam("id") UUID id) {
        return submissions.get(kind(report), id);
    }

    @GET
    @Path("/{report}/missing")
    @ExpensiveRead
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "missingReports", summary = "Provinces that owe the November summary (30 November by default) or the December report (15 December) of a year and have not submitted it by the deadline",
            description = "Expected: every province with agencies in the directory on the deadline that has not been merged into another by then (GOVQMS_AUDIT_PROVINCE_SUMMARY_DEADLINE, GOVQMS_AUDIT_MINISTRY_REPORT_DEADLINE).")
    @APIResponse(responseCode = "200", description = "The missing provinces", content = @Content(schema = @Schema(implementation = MissingReports.class)))
    public Uni<MissingReports> missing(@PathParam("report") @Parameter(example = "ministry-report", schema = @Schema(enumeration = {"province-summary", "ministry-report"})) String report,
                                       @Valid @BeanParam YearParam year) {
        return submissions.missing(kind(report), year.required());
    }

    /** The routes take any report name, so that a call without a token is 401 before an unknown report is 404. */
    private static ReportKind kind(String path) {
        for (ReportKind k : ReportKind.values()) {
            if (k.path().equals(path)) {
                return k;
            }
        }
        throw ProblemException.notFound("report", path);
    }

    static Format format(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            for (Format f : Format.values()) {
                if (f.name().equalsIgnoreCase(format.trim())) {
                    return f;
                }
            }
            throw ProblemException.invalidField("format", "json, csv, xlsx or docx");
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return Format.JSON;
            }
            for (Format f : Format.values()) {
                if (accepted.isCompatible(MediaType.valueOf(f.mediaType))) {
                    return f;
                }
            }
        }
        return Format.JSON;
    }

    static String summaryCsv(Summary s) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, ReportExports.SUMMARY_HEADERS);
        for (SummaryRow r : s.rows()) {
            line(b, List.of(r.agencyCode(), r.agencyName(),
                    r.inspectionMode() == null ? "Chưa kiểm tra" : AuditMode.valueOf(r.inspectionMode()).label(),
                    r.inspectionStatus() == null ? "" : AuditStatus.valueOf(r.inspectionStatus()).label(),
                    String.valueOf(r.majorNonconformities()), String.valueOf(r.minorNonconformities()), String.valueOf(r.observations()),
                    String.valueOf(r.improvementOpportunities()), String.valueOf(r.actionsOpen()), String.valueOf(r.actionsOverdue()),
                    ReportExports.correctiveReport(r), r.correctiveReportDue() == null ? "" : r.correctiveReportDue().toString()));
        }
        return b.toString();
    }

    static String ministryCsv(MinistryReport m) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, ReportExports.MINISTRY_HEADERS);
        for (MinistryRow r : m.rows()) {
            line(b, List.of(r.agencyCode(), r.agencyName(), ReportExports.yes(r.announced()), nz(r.announcementDecision()),
                    r.announcementDate() == null ? "" : r.announcementDate().toString(), nz(r.standardEdition()),
                    ReportExports.yes(r.internalAuditHeld()), ReportExports.yes(r.managementReviewHeld()),
                    String.valueOf(r.legalUpdatesOnTime()), String.valueOf(r.legalUpdatesLate()), String.valueOf(r.legalUpdatesOverdue())));
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void line(StringBuilder b, List<String> cells) {
        CsvCells.line(b, cells);
    }

    private static Response file(Object body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

}
