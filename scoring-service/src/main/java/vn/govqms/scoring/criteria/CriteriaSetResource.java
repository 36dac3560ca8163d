package vn.govqms.scoring.criteria;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import vn.govqms.kit.web.ProvinceParam;
import vn.govqms.kit.web.YearParam;
import vn.govqms.kit.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetChange;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetInput;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetSummary;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetView;

import java.util.UUID;

@Path("/api/v1/criteria-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets", description = "Bộ tiêu chí đánh giá HTQLCL: groups, criteria, points and bands, per province and version")
@APIResponse(responseCode = "403", description = "Outside the caller's role, or a set the caller does not own (a national template: national-admin; a province's set: its province-admin)")
public class CriteriaSetResource {

    static final String EXAMPLE = """
            {"provinceCode":"24","name":"Bộ tiêu chí đánh giá việc xây dựng, áp dụng HTQLCL tỉnh Bắc Giang","appliesFromYear":2026,
             "groups":[{"code":"1","name":"Xây dựng và công bố HTQLCL","criteria":[
               {"code":"1.1","text":"Công bố HTQLCL phù hợp TCVN ISO 9001:2015","maxPoints":20,"method":"AUTOMATIC",
                "indicator":"QMS_ANNOUNCED","rule":"ALL_OR_NOTHING"},
               {"code":"1.2","text":"Sổ tay chất lượng, chính sách và mục tiêu chất lượng","maxPoints":30,"method":"MANUAL",
                "guidance":"Đủ tài liệu theo mô hình khung (Quyết định 101/2019/QĐ-BKHCN)"}]},
              {"code":"2","name":"Duy trì, cải tiến","criteria":[
               {"code":"2.1","text":"Rà soát quy trình ISO khi VBQPPL thay đổi","maxPoints":20,"method":"AUTOMATIC",
                "indicator":"PROCEDURE_REVIEWS_OVERDUE","rule":"DEDUCTION_PER_ITEM","pointsPerItem":5},
               {"code":"2.2","text":"Tỷ lệ hồ sơ TTHC giải quyết đúng hạn","maxPoints":30,"method":"AUTOMATIC",
                "indicator":"DOSSIER_ON_TIME_RATE","rule":"PROPORTIONAL","target":100}]}]}""";

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject CriteriaSetService service;
    @Inject Validator validator;

    @Inject XlsxImportConfig importLimits;

    @GET
    @Path("/{id}/export")
    @ExpensiveRead
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "exportCriteriaSet", summary = "The criteria set as a spreadsheet (sheets \"Tiêu chí\" and \"Xếp loại\"), the layout import reads")
    @APIResponse(responseCode = "200", description = "The XLSX file", content = @Content(mediaType = XLSX))
    public Uni<Response> export(@PathParam("id") UUID id) {
        return service.load(id).map(set -> Response.ok(file(CriteriaSheets.write(set)), XLSX)
                .header("Content-Disposition", "attachment; filename=\"bo-tieu-chi-" + (set.provinceCode == null ? "quoc-gia" : set.provinceCode)
                        + "-v" + set.versionNo + ".xlsx\"").build());
    }

    /** The bytes as a streamed body (a byte[] inside a reactive response is not written as bytes). */
    public static StreamingOutput file(byte[] bytes) {
        return out -> out.write(bytes);
    }

    @POST
    @Path("/import")
    @Consumes(XLSX)
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "importCriteriaSet", summary = "Draft a criteria set from a spreadsheet in the export's layout")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    @APIResponse(responseCode = "400", description = "Unreadable workbook, or a cell or parameter that does not fit (named as sheet!row:column)")
    @APIResponse(responseCode = "413", description = "The workbook inflates past govqms.xlsx-import.max-inflated-size")
    @APIResponse(responseCode = "422", description = "A sheet has more rows than govqms.xlsx-import.max-rows")
    public Uni<RestResponse<CriteriaSetView>> importSheet(@QueryParam("provinceCode") @Parameter(example = "24") String provinceCode,
                                                          @QueryParam("name") @Parameter(required = true, example = "Bộ tiêu chí đánh giá HTQLCL tỉnh Bắc Giang") String name,
                                                          @QueryParam("appliesFromYear") @Parameter(required = true, example = "2026") Integer year,
                                                          byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("file", "an XLSX workbook is required");
        }
        Definition d = CriteriaSheets.read(body, importLimits.maxInflatedSize().asLongValue(), importLimits.maxRows());
        // the set's own constraints (code, name, year) apply to these parameters as to a JSON body
        CriteriaSetInput in = new CriteriaSetInput(provinceCode, name, year, d.groups(), d.bands());
        var violations = validator.validate(in);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return create(in);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "createCriteriaSet", summary = "Draft a criteria set (version 1): a province's (its province-admin) or a national template (national-admin)",
            description = "Bands default to the Bắc Giang table (≥ 90 Rất tốt, ≥ 80 Tốt, ≥ 70 Khá, ≥ 50 Trung bình, below Yếu).")
    @RequestBody(content = @Content(schema = @Schema(implementation = CriteriaSetInput.class), examples = @ExampleObject(name = "Bắc Giang", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (duplicate codes, missing rule parameters, bands out of order)")
    public Uni<RestResponse<CriteriaSetView>> create(@Valid @NotNull CriteriaSetInput body) {
        return service.create(body).map(v -> Responses.created("/api/v1/criteria-sets/" + v.view().id(), v.view(), v.version()));
    }

    @GET
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listCriteriaSets", summary = "Criteria sets, newest first per province")
    @APIResponse(responseCode = "200", description = "A page of sets")
    public Uni<Page<CriteriaSetSummary>> list(@Valid @BeanParam ProvinceParam province,
                                              @QueryParam("status") @Parameter(example = "ACTIVE") CriteriaSetStatus status,
                                              @Valid @BeanParam YearParam year, @BeanParam PageParams paging) {
        return service.list(new CriteriaSetService.Filter(province.provinceCode(), status, year.year()), paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getCriteriaSet", summary = "A criteria set with its groups, criteria and bands")
    @APIResponse(responseCode = "200", description = "The set; ETag for If-Match", content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Uni<RestResponse<CriteriaSetView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "updateCriteriaSet", summary = "Replace a draft's content (If-Match required); an active set cannot change")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft (make a new version)")
    public Uni<RestResponse<CriteriaSetView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                     @Valid @NotNull CriteriaSetChange body) {
        return service.update(id, body, ifMatch).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @POST
    @Path("/{id}/activation")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "activateCriteriaSet", summary = "Activate a draft whose maximum points add up to 100",
            description = "Retires the set it replaces (same province and starting year) and recomputes the live scores of the province.")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "422", description = "Points do not add up to 100 (the problem names the sum)")
    public Uni<RestResponse<CriteriaSetView>> activate(@PathParam("id") UUID id) {
        return service.activate(id).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "retireCriteriaSet", summary = "Retire an active set")
    @APIResponse(responseCode = "200", description = "Retired", content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    @APIResponse(responseCode = "409", description = "Not active")
    public Uni<RestResponse<CriteriaSetView>> retire(@PathParam("id") UUID id) {
        return service.retire(id).map(v -> Responses.tagged(v.view(), v.version()));
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "newCriteriaSetVersion", summary = "Start a new draft version from this set (how an active set is changed)")
    @APIResponse(responseCode = "201", description = "The new draft", content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Uni<RestResponse<CriteriaSetView>> newVersion(@PathParam("id") UUID id) {
        return service.newVersion(id).map(v -> Responses.created("/api/v1/criteria-sets/" + v.view().id(), v.view(), v.version()));
    }
}
