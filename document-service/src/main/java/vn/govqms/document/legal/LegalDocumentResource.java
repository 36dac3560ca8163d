package vn.govqms.document.legal;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.govqms.kit.web.ProvinceParam;
import vn.govqms.kit.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.govqms.document.legal.LegalDtos.LegalDocumentView;
import vn.govqms.document.legal.LegalDtos.NewLegalDocument;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.document.legal.LegalDtos.LegalDocumentUpdate;

import java.util.UUID;

@Path("/api/v1/legal-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Legal documents", description = "The register of legal documents (văn bản quy phạm pháp luật) and their relations")
public class LegalDocumentResource {

    private static final String AMENDING_EXAMPLE = """
            {"number": "101/2019/QĐ-BKHCN", "type": "DECISION", "issuer": "Bộ Khoa học và Công nghệ",
             "title": "Công bố mô hình khung hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 cho các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước tại địa phương",
             "issuedDate": "2019-01-21", "effectiveDate": "2019-01-21",
             "relations": [{"kind": "GUIDES", "targetNumber": "19/2014/QĐ-TTg"}]}""";

    private static final String PROVINCIAL_EXAMPLE = """
            {"number": "1113/QĐ-UBND", "type": "DECISION", "issuer": "UBND tỉnh Ninh Bình",
             "title": "Phê duyệt Kế hoạch kiểm tra việc xây dựng, áp dụng, duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001 năm 2021",
             "issuedDate": "2021-10-11", "effectiveDate": "2021-10-11", "provinceCode": "37",
             "relations": [{"kind": "GUIDES", "targetNumber": "19/2014/QĐ-TTg"}]}""";

    private static final String AMBIGUOUS_EXAMPLE = """
            {"type": "https://govqms.vn/problems/ambiguous-reference", "title": "Ambiguous reference", "status": 422,
             "detail": "relations[0]: 2 registers hold a document 1113/QĐ-UBND; name the one meant by targetId.",
             "field": "relations[0]",
             "candidates": [{"id": "0f8a5c1e-3d2b-4c8e-9a51-6f0e2b7d4a10", "provinceCode": "24", "issuer": "UBND tỉnh Bắc Ninh",
                             "title": "Phê duyệt Kế hoạch kiểm tra công tác cải cách hành chính năm 2025"},
                            {"id": "5b2e9d47-8c1f-4e6a-b3d0-2a7c9e1f5d88", "provinceCode": "37", "issuer": "UBND tỉnh Ninh Bình",
                             "title": "Phê duyệt Kế hoạch kiểm tra việc xây dựng, áp dụng Hệ thống quản lý chất lượng năm 2021"}]}""";

    @Inject LegalDocumentService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "registerLegalDocument", summary = "Register a legal document and how it acts on others",
            description = "A national document (no provinceCode) is registered by national-admin, a province's own by that "
                    + "province's province-admin. Its relations resolve within the issuer's authority: a provincial document "
                    + "amends, replaces or repeals only its own province's documents (it may guide national ones); a national "
                    + "document names a national one, else the one provincial document of that number. A document that "
                    + "amends, replaces or repeals others publishes legal-document.changed for each of them.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewLegalDocument.class),
            examples = {@ExampleObject(name = "101/2019/QĐ-BKHCN", value = AMENDING_EXAMPLE),
                    @ExampleObject(name = "1113/QĐ-UBND (Ninh Bình)", value = PROVINCIAL_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = LegalDocumentView.class)))
    @APIResponse(responseCode = "403", description = "The register is another's: national documents are national-admin's, a province's its province-admin's")
    @APIResponse(responseCode = "409", description = "The number is in the issuer's register already")
    @APIResponse(responseCode = "422", description = "A relation names a document not in the register (unknown-reference), one of "
            + "another register (relation-outside-authority), or a number several provinces hold (ambiguous-reference, listing the candidates)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "ambiguous-reference", value = AMBIGUOUS_EXAMPLE)))
    public Uni<RestResponse<LegalDocumentView>> register(@Valid @NotNull NewLegalDocument body) {
        return service.register(body, caller).map(d -> Responses.created("/api/v1/legal-documents/" + d.id(), d, d.version()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getLegalDocument", summary = "A legal document with its relations and its status on a date")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = LegalDocumentView.class)))
    public Uni<RestResponse<LegalDocumentView>> get(@PathParam("id") UUID id,
                                                    @QueryParam("asOf") @Parameter(description = "Status as of this date (default today)", example = "2015-06-30") LocalDate asOf) {
        return service.get(id, asOf).map(d -> Responses.tagged(d, d.version()));
    }

    @GET
    @ExpensiveRead(when = "q")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listLegalDocuments", summary = "The register, newest effective first",
            description = "National documents and a province's own: by default the caller's province (with the provinces merged "
                    + "into it); national-admin sees every province's. The register is public: provinceCode names another province.")
    @APIResponse(responseCode = "200", description = "A page of documents")
    public Uni<Page<LegalDocumentView>> list(
            @Valid @BeanParam LegalQuery query, @Valid @BeanParam ProvinceParam province, @BeanParam PageParams paging) {
        Boolean national = query.scope() == null ? null : query.scope() == RegisterScope.NATIONAL;
        return service.list(query.q(), query.type(), national, province.provinceCode(), paging.toRequest(), query.asOf());
    }

    /** Which registers a list reads: the national one or the provinces' own. */
    public enum RegisterScope { NATIONAL, PROVINCE }

    /** The filters of the register of legal documents. */
    public record LegalQuery(
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Number or words of the title, with or without diacritics", example = "he thong quan ly chat luong") String q,
            @QueryParam("type") @Parameter(example = "DECISION") LegalDocumentType type,
            @QueryParam("scope") @Parameter(description = "NATIONAL (national documents only) or PROVINCE (provinces' own only)", example = "NATIONAL") RegisterScope scope,
            @QueryParam("asOf") @Parameter(description = "Status as of this date (default today)", example = "2015-06-30") LocalDate asOf) {
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "updateLegalDocument", summary = "Correct a registered document (If-Match required)",
            description = "By the register's owner only (national: national-admin; a province's: its province-admin). Publishes "
                    + "legal-document.changed (UPDATED); when the effective date moves, the documents it acts on are announced again.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = LegalDocumentView.class)))
    public Uni<RestResponse<LegalDocumentView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                       @Valid @NotNull LegalDocumentUpdate body) {
        return service.update(id, body, ifMatch, caller).map(d -> Responses.tagged(d, d.version()));
    }
}
