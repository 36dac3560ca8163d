package vn.govqms.scoring.ranking;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.QueryParams;
import vn.govqms.scoring.support.Params;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings and statistics", description = "Xếp hạng, phân loại và tiến độ của các cơ quan trong tỉnh")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Another province than the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RankingResource {

    private final RankingService service;
    private final Caller caller;
    private final Clock clock;

    public RankingResource(RankingService service, Caller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "ranking", summary = "The ranking of a province's agencies for a year, best first (ties share a rank: 1, 2, 2, 4)",
            description = "Answers with an ETag that changes with the ranking; send it back in If-None-Match to get 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "A page of the ranking", content = @Content(schema = @Schema(implementation = RankingDtos.Ranking.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Uni<Response> ranking(@BeanParam Filter f, @BeanParam PageParams paging, @Context Request request) {
        PageRequest page = paging.toRequest();
        return service.ranking(f.query(caller, clock)).map(s -> cached(request, s, () -> s.page(page)));
    }

    @GET
    @Path("/bottom")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "rankingBottom", summary = "The bottom N of the ranking, lowest first")
    @APIResponse(responseCode = "200", description = "The lowest-ranked agencies", content = @Content(schema = @Schema(implementation = RankingDtos.Ranking.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Uni<Response> bottom(@BeanParam Filter f, @QueryParam("n") @Parameter(description = "1 to 200 (default 10)", example = "5") String n,
                                @Context Request request) {
        int count = Params.integer("n", n, 10, 1, 200);
        return service.ranking(f.query(caller, clock)).map(s -> cached(request, s, () -> s.bottom(count)));
    }

    @GET
    @Path("/distribution")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "bandDistribution", summary = "Agencies per band with shares computed from the counts (6/14/19/4 of 43 → 13.95/32.56/44.19/9.30 %)")
    @APIResponse(responseCode = "200", description = "The distribution", content = @Content(schema = @Schema(implementation = RankingDtos.Distribution.class)))
    public Uni<RankingDtos.Distribution> distribution(@BeanParam Filter f) {
        return service.ranking(f.query(caller, clock)).map(RankingSnapshot::distribution);
    }

    @GET
    @Path("/year-over-year")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "yearOverYear", summary = "Each agency's score against the year before")
    @APIResponse(responseCode = "200", description = "A page of changes", content = @Content(schema = @Schema(implementation = RankingDtos.Changes.class)))
    public Uni<RankingDtos.Changes> yearOverYear(@BeanParam Filter f, @BeanParam PageParams paging) {
        return service.yearOverYear(f.query(caller, clock), paging.toRequest());
    }

    @GET
    @Path("/progress")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "progress", summary = "Progress figures of a province: announced, planned, audited, reviewed, assessed, of all its agencies")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = RankingDtos.Progress.class)))
    public Uni<RankingDtos.Progress> progress(@BeanParam Filter f) {
        RankingService.Query q = f.query(caller, clock);
        return service.progress(q.provinceCode(), q.year());
    }

    @GET
    @Path("/export")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER})
    @Operation(operationId = "exportRanking", summary = "The whole ranking and the band distribution as a spreadsheet (sheets \"Xếp hạng\", \"Phân loại\")")
    @APIResponse(responseCode = "200", description = "The XLSX file", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    public Uni<Response> export(@BeanParam Filter f) {
        RankingService.Query q = f.query(caller, clock);
        return service.ranking(q).map(s -> Response
                .ok(vn.govqms.scoring.criteria.CriteriaSetResource.file(RankingSheets.write(s.ranking(new PageRequest(0, s.size())),
                        s.distribution())), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"xep-hang-" + q.provinceCode() + "-" + q.year() + "-"
                        + q.source().name().toLowerCase() + ".xlsx\"").build());
    }

    /**
     * The snapshot's bytes with its ETag, or 304 when the caller already has them; private (the answer depends
     * on the token's province) and to be checked again before each use.
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
    public static class Filter {
        @QueryParam("provinceCode")
        @Parameter(description = "Default: the token's province (no other is allowed)", example = "24")
        String provinceCode;
        @QueryParam("year")
        @Parameter(description = "Default: the current year", example = "2026")
        String year;
        @QueryParam("source")
        @Parameter(description = "OFFICIAL (finalised official assessments, default) or LIVE (live scores)", example = "OFFICIAL")
        String source;
        @QueryParam("criteriaSetId")
        @Parameter(description = "Only scores under this criteria set")
        String criteriaSetId;

        RankingService.Query query(Caller caller, Clock clock) {
            Integer y = Params.year("year", year);
            Source s = QueryParams.enumValue("source", source, Source.class);
            return new RankingService.Query(RankingService.province(QueryParams.text("provinceCode", provinceCode, 2), caller),
                    y == null ? LocalDate.now(clock).getYear() : y, s == null ? Source.OFFICIAL : s,
                    QueryParams.uuid("criteriaSetId", criteriaSetId));
        }
    }
}
