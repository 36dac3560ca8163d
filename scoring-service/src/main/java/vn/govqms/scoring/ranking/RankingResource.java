package vn.govqms.scoring.ranking;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import vn.govqms.kit.web.YearParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;
import vn.govqms.scoring.criteria.CriteriaSetResource;
import vn.govqms.scoring.support.Params;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/api/v1/rankings")
@ExpensiveRead // rankings, distributions and progress read a province (or the country) at once
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings and statistics", description = "Xếp hạng, phân loại và tiến độ của các cơ quan trong tỉnh (hoặc trong một bộ), và của các tỉnh trên toàn quốc")
@APIResponse(responseCode = "403", description = "A province or ministry the token does not give access to")
public class RankingResource {

    static final String XLSX = CriteriaSetResource.XLSX;
    static final String READERS_DESCRIPTION = " A province-admin reads its province (the default) and the provinces merged into it, a ministry-admin "
            + "its ministry's units, an agency's people their agency's province (or ministry), national-admin any province it names "
            + "(provinceCode) or ministry (ministryId).";
    /** The national views list every province on one page by default. */
    static final int NATIONAL_PAGE = 100;

    static final String NATIONAL_PROGRESS_EXAMPLE = """
            {"year":2015,"items":[{"provinceCode":"24","year":2015,"agencies":48,"figures":[
              {"code":"QMS_ANNOUNCED","label":"Đã công bố HTQLCL phù hợp TCVN ISO 9001","count":45,"of":48,"share":93.75},
              {"code":"ACTIVITY_PLAN_APPROVED","label":"Có kế hoạch hoạt động ISO năm được phê duyệt","count":48,"of":48,"share":100.00},
              {"code":"INTERNAL_AUDIT_HELD","label":"Đã đánh giá nội bộ trong năm","count":40,"of":48,"share":83.33},
              {"code":"MANAGEMENT_REVIEW_HELD","label":"Đã xem xét của lãnh đạo trong năm","count":39,"of":48,"share":81.25},
              {"code":"SELF_ASSESSED","label":"Đã công bố kết quả tự đánh giá","count":44,"of":48,"share":91.67},
              {"code":"OFFICIALLY_ASSESSED","label":"Đã có kết quả đánh giá chính thức","count":43,"of":48,"share":89.58}]}],
             "page":0,"size":100,"total":63}""";
    static final String NATIONAL_DISTRIBUTION_EXAMPLE = """
            {"year":2014,"source":"OFFICIAL","items":[{"provinceCode":"24","year":2014,"source":"OFFICIAL","total":43,"bands":[
              {"band":"VERY_GOOD","label":"Rất tốt","count":6,"share":13.95},{"band":"GOOD","label":"Tốt","count":14,"share":32.56},
              {"band":"FAIR","label":"Khá","count":19,"share":44.19},{"band":"AVERAGE","label":"Trung bình","count":4,"share":9.30},
              {"band":"WEAK","label":"Yếu","count":0,"share":0.00}]}],
             "page":0,"size":100,"total":63}""";

    @Inject RankingService service;
    @Inject RankingReaders readers;
    @Inject NationalFigures national;
    @Inject Clock clock;

    private Uni<RankingService.Query> query(Filter f) {
        String province = f.provinceCode();
        UUID ministry = f.ministryId();
        int year = f.year() == null ? LocalDate.now(clock).getYear() : f.year();
        Source source = f.source() == null ? Source.OFFICIAL : f.source();
        UUID set = f.criteriaSetId();
        return readers.tenant(province, ministry).map(t -> new RankingService.Query(t.provinceCode(), t.ministryId(), year, source, set));
    }

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "ranking", summary = "The ranking of a province's agencies for a year, best first (ties share a rank: 1, 2, 2, 4)",
            description = "Answers with an ETag that changes with the ranking; send it back in If-None-Match to get 304 while nothing changed."
                    + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of the ranking", content = @Content(schema = @Schema(implementation = RankingDtos.Ranking.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Uni<Response> ranking(@Valid @BeanParam Filter f, @BeanParam PageParams paging, @Context Request request) {
        PageRequest page = paging.toRequest();
        return query(f).chain(service::ranking).map(s -> cached(request, s, () -> s.page(page)));
    }

    @GET
    @Path("/bottom")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "rankingBottom", summary = "The bottom N of the ranking, lowest first")
    @APIResponse(responseCode = "200", description = "The lowest-ranked agencies", content = @Content(schema = @Schema(implementation = RankingDtos.Ranking.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Uni<Response> bottom(@Valid @BeanParam Filter f, @QueryParam("n") @Min(1) @Max(200) @Parameter(description = "1 to 200 (default 10)", example = "5") Integer n,
                                @Context Request request) {
        int count = n == null ? 10 : n;
        return query(f).chain(service::ranking).map(s -> cached(request, s, () -> s.bottom(count)));
    }

    @GET
    @Path("/distribution")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "bandDistribution", summary = "Agencies per band with shares computed from the counts (6/14/19/4 of 43 → 13.95/32.56/44.19/9.30 %)")
    @APIResponse(responseCode = "200", description = "The distribution", content = @Content(schema = @Schema(implementation = RankingDtos.Distribution.class)))
    public Uni<RankingDtos.Distribution> distribution(@Valid @BeanParam Filter f) {
        return query(f).chain(service::ranking).map(RankingSnapshot::distribution);
    }

    @GET
    @Path("/year-over-year")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "yearOverYear", summary = "Each agency's score against the year before",
            description = "Under the same criteria set in both years the totals are compared (comparedOn TOTAL). When an agency's set "
                    + "changed between the years (criteriaSetChanged, both years' sets named with their maximums) the answer compares "
                    + "bands and totals normalised to 100 (comparedOn BAND_AND_NORMALISED_TOTAL). criteriaSetId names the set of the "
                    + "year asked; the year before takes each agency's latest score whatever its set." + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of changes", content = @Content(schema = @Schema(implementation = RankingDtos.Changes.class)))
    public Uni<RankingDtos.Changes> yearOverYear(@Valid @BeanParam Filter f, @BeanParam PageParams paging) {
        PageRequest page = paging.toRequest();
        return query(f).chain(q -> service.yearOverYear(q, page));
    }

    @GET
    @Path("/progress")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "progress", summary = "Progress figures of a province: announced, finished building, converted to ISO 9001:2015, "
            + "planned, audited, reviewed, assessed, of all its agencies",
            description = "Counts the agencies in force at some time of the year. The QMS figures (QMS_ANNOUNCED, QMS_BUILT: status APPLYING or "
                    + "ANNOUNCED, QMS_ISO_9001_2015: edition 2015) are as of asOf (default the year's last day), from the history of "
                    + "qms.status-changed and qms.announced: asOf=2015-04-30 gives Bắc Giang's 40 of 48 built. The other figures are over the year."
                    + READERS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = RankingDtos.Progress.class)))
    @APIResponse(responseCode = "400", description = "Invalid year or asOf, or an asOf outside the year")
    public Uni<RankingDtos.Progress> progress(@Valid @BeanParam Filter f,
                                              @QueryParam("asOf") @Parameter(description = "The day of the QMS figures; default the year's last day "
                                                      + "(the year defaults to asOf's)", example = "2015-04-30") LocalDate asOf) {
        LocalDate day = asOf;
        return query(day != null && f.year() == null ? f.inYear(day.getYear()) : f).chain(q -> service.progress(q, asOf(day, q.year())));
    }

    /** The day the QMS figures are as of: within the year asked, its last day by default. */
    private static LocalDate asOf(LocalDate day, int year) {
        if (day == null) {
            return LocalDate.of(year, 12, 31);
        }
        if (day.getYear() != year) {
            throw ProblemException.invalidField("asOf", "must fall in the year asked (" + year + ")");
        }
        return day;
    }

    @GET
    @Path("/national/progress")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "nationalProgress", summary = "The progress figures of every province, a row per province (national-admin)",
            description = "One row per province that exists on 31 December of the year, by province code, with the figures of /rankings/progress: "
                    + "the agencies in force that day and how many announced, finished building, converted to ISO 9001:2015 (these three as of "
                    + "asOf, default that day), planned, audited, reviewed and were assessed, with shares. "
                    + "A province merged into another by then is no row of its own: its agencies count in the province that continues it, "
                    + "so a merged province is counted once; for a year before the merger the old provinces are rows as they were. "
                    + "The central bodies (province 00) are no province. Up to 100 provinces a page (all 34, or the 63 before 2025, on one).")
    @APIResponse(responseCode = "200", description = "A page of provinces", content = @Content(schema = @Schema(implementation = RankingDtos.NationalProgress.class),
            examples = @ExampleObject(name = "2015", value = NATIONAL_PROGRESS_EXAMPLE)))
    public Uni<RankingDtos.NationalProgress> nationalProgress(@Valid @BeanParam YearParam year,
                                                              @QueryParam("asOf") @Parameter(description = "The day of the QMS figures; default the year's last day",
                                                                      example = "2015-04-30") LocalDate asOf,
                                                              @QueryParam("page") @Parameter(description = "From 0", example = "0") String page,
                                                              @QueryParam("size") @Parameter(description = "1 to 100 (default 100)", example = "100") String size) {
        LocalDate day = asOf;
        int y = year.year() == null && day != null ? day.getYear() : year(year);
        return national.progress(y, asOf(day, y), nationalPage(page, size));
    }

    @GET
    @Path("/national/distribution")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "nationalBandDistribution", summary = "The band distribution of every province, a row per province (national-admin)",
            description = "One row per province that exists on 31 December of the year, by province code, with what /rankings/distribution gives: "
                    + "agencies per band in the order of the province's band table, shares computed from the counts. Scores count in the province "
                    + "that continues theirs at the year's end, so a merged province is counted once; the 2014 Bắc Giang row stays 6/14/19/4 of 43. "
                    + "The central bodies (province 00) are no province. Up to 100 provinces a page.")
    @APIResponse(responseCode = "200", description = "A page of provinces", content = @Content(schema = @Schema(implementation = RankingDtos.NationalDistribution.class),
            examples = @ExampleObject(name = "2014", value = NATIONAL_DISTRIBUTION_EXAMPLE)))
    public Uni<RankingDtos.NationalDistribution> nationalDistribution(
            @Valid @BeanParam YearParam year,
            @QueryParam("source") @Parameter(description = "OFFICIAL (finalised official assessments, default) or LIVE (live scores)", example = "OFFICIAL") Source source,
            @QueryParam("page") @Parameter(description = "From 0", example = "0") String page,
            @QueryParam("size") @Parameter(description = "1 to 100 (default 100)", example = "100") String size) {
        return national.distribution(year(year), source == null ? Source.OFFICIAL : source, nationalPage(page, size));
    }

    private int year(YearParam year) {
        return year.year() == null ? LocalDate.now(clock).getYear() : year.year();
    }

    private static PageRequest nationalPage(String page, String size) {
        return new PageRequest(Params.integer("page", page, 0, 0, 1_000), Params.integer("size", size, NATIONAL_PAGE, 1, NATIONAL_PAGE));
    }

    @GET
    @Path("/export")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "exportRanking", summary = "The whole ranking and the band distribution as a spreadsheet (sheets \"Xếp hạng\", \"Phân loại\")")
    @APIResponse(responseCode = "200", description = "The XLSX file", content = @Content(mediaType = XLSX))
    public Uni<Response> export(@Valid @BeanParam Filter f) {
        return query(f).chain(q -> service.ranking(q).map(s -> Response
                .ok(CriteriaSetResource.file(RankingSheets.write(s.ranking(new PageRequest(0, s.size())), s.distribution())), XLSX)
                .header("Content-Disposition", "attachment; filename=\"xep-hang-" + (q.ministryId() == null ? q.provinceCode() : q.ministryId())
                        + "-" + q.year() + "-" + q.source().name().toLowerCase() + ".xlsx\"").build()));
    }

    /**
     * The snapshot's bytes with its ETag, or 304 when the caller already has them; private (the answer depends
     * on the token) and to be checked again before each use.
     */
    private static Response cached(Request request, RankingSnapshot s, Supplier<byte[]> body) {
        EntityTag tag = s.etag();
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        CacheControl revalidate = new CacheControl();
        revalidate.setPrivate(true);
        revalidate.setNoCache(true);
        return (unchanged != null ? unchanged : Response.ok(body.get(), MediaType.APPLICATION_JSON_TYPE)).tag(tag).cacheControl(revalidate).build();
    }

    /** The common query parameters. */
    public record Filter(
            @QueryParam("provinceCode") @Pattern(regexp = "[0-9]{2}", message = "a province code of two digits, such as 24")
            @Parameter(description = "Default: the caller's own province (national-admin names one)", example = "24")
            String provinceCode,
            @QueryParam("ministryId")
            @Parameter(description = "A ministry's root agency: the ranking of its units among the central bodies (national-admin; "
                    + "a ministry's own people get it by default)")
            UUID ministryId,
            @QueryParam("year") @Min(2000) @Max(2100)
            @Parameter(description = "Default: the current year", example = "2026")
            Integer year,
            @QueryParam("source")
            @Parameter(description = "OFFICIAL (finalised official assessments, default) or LIVE (live scores)", example = "OFFICIAL")
            Source source,
            @QueryParam("criteriaSetId")
            @Parameter(description = "Only scores under this criteria set")
            UUID criteriaSetId) {

        Filter inYear(int y) {
            return new Filter(provinceCode, ministryId, y, source, criteriaSetId);
        }
    }
}
