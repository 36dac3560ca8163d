package vn.govqms.document.controlled;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.document.controlled.DocumentDtos.Abolition;
import vn.govqms.document.controlled.DocumentDtos.DocumentView;
import vn.govqms.document.controlled.DocumentDtos.Issue;
import vn.govqms.document.controlled.DocumentDtos.NewDocument;
import vn.govqms.document.controlled.DocumentDtos.VersionEdit;
import vn.govqms.document.controlled.DocumentDtos.VersionView;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.kit.web.Responses;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Controlled documents", description = "An agency's documented information (tài liệu) with versions and their lifecycle")
public class DocumentResource {

    private static final String NEW_DOCUMENT_EXAMPLE = """
            {"agencyId": "5b7d0c1e-5a7f-4d6e-9f0a-1c2b3d4e5f60", "code": "QT-KHCN-01",
             "title": "Quy trình cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "type": "TTHC_PROCEDURE",
             "owningUnit": "Phòng Quản lý khoa học", "nextReviewDate": "2026-12-31",
             "content": {"purpose": "Quy định trình tự, thời gian giải quyết", "scope": "Áp dụng tại Sở Khoa học và Công nghệ",
               "tthcCode": "1.001612.000.00.00.H24",
               "steps": [{"order": 1, "name": "Tiếp nhận hồ sơ", "responsibleUnit": "Bộ phận Một cửa", "durationDays": 0.5},
                         {"order": 2, "name": "Thẩm định hồ sơ", "responsibleUnit": "Phòng Quản lý khoa học", "durationDays": 10},
                         {"order": 3, "name": "Trình ký, trả kết quả", "responsibleUnit": "Lãnh đạo Sở", "durationDays": 2}],
               "records": [{"name": "Hồ sơ đề nghị", "place": "Phòng Quản lý khoa học", "retention": "10 năm"}],
               "forms": ["BM-01: Đơn đề nghị cấp Giấy chứng nhận"]}}""";
    private static final String DISTRIBUTION_EXAMPLE = """
            {"recipients": [{"kind": "PERSON", "subject": "nguyen.van.an", "name": "Nguyễn Văn An"},
                            {"kind": "UNIT", "unitId": "9a1f6c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"}]}""";
    private static final String PAPER_EXAMPLE = """
            {"recipient": {"kind": "PERSON", "subject": "tran.thi.binh"},
             "paper": {"signedOn": "2026-01-06", "evidence": "Sổ giao nhận tài liệu năm 2026, trang 12, dòng 4"}}""";
    /** Seconds a client may reuse a document whose newest version is issued before asking again. */
    static final int ISSUED_MAX_AGE = 60;
    private static final String VERSION_STATES = "409 when the version's state does not allow it (the problem lists allowedActions)";

    @Inject DocumentService service;
    @Inject CirculationService circulation;
    @Inject PostingService postings;
    @Inject AttachmentService attachments;
    @Inject Caller caller;

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "createDocument", summary = "Draft a controlled document (revision 1)")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewDocument.class),
            examples = @ExampleObject(name = "TTHC procedure", value = NEW_DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "The code is taken in this agency")
    @APIResponse(responseCode = "422", description = "Unknown agency, legal basis or TTHC")
    public Uni<RestResponse<DocumentView>> create(@Valid @NotNull NewDocument body) {
        return service.create(body, caller).map(d -> Responses.created("/api/v1/documents/" + d.id(), d));
    }

    @GET
    @Path("/changes")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "syncDocuments", summary = "Documents of the caller's agencies changed since a sync token (mobile sync)",
            description = "Oldest change first, by (updatedAt, id); a document moved to an agency out of the caller's reach comes as a "
                    + "tombstone {id, deleted: true, at}. Pass next back as since; call again at once while more is true.")
    public Uni<Changes<DocumentView>> changes(@BeanParam SyncParams params) {
        return service.changes(params);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getDocument", summary = "A controlled document with its newest version",
            description = "Answers with a strong ETag (it changes with any byte of the answer); send it back in If-None-Match to get 304 "
                    + "while nothing changed. Cache-Control: a document whose newest version is issued may be reused for "
                    + ISSUED_MAX_AGE + " s before asking again (an issued version does not change; a new revision or a posting "
                    + "shows within that time), any other is asked for again before each use.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Uni<Response> get(@PathParam("id") UUID id, @Context Request request) {
        return service.read(id, caller, tag -> request.evaluatePreconditions(tag) != null).map(read -> {
            Response.ResponseBuilder unchanged = read.body() == null ? Response.notModified() : request.evaluatePreconditions(read.tag());
            CacheControl cache = new CacheControl();
            cache.setPrivate(true);
            if (read.issued()) {
                cache.setMaxAge(ISSUED_MAX_AGE);
            } else {
                cache.setNoCache(true);
            }
            return (unchanged != null ? unchanged : Response.ok(read.body(), MediaType.APPLICATION_JSON_TYPE))
                    .tag(read.tag()).cacheControl(cache).build();
        });
    }

    @GET
    @ExpensiveRead(when = "q")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listDocuments", summary = "Controlled documents in the caller's scope, by code")
    @APIResponse(responseCode = "200", description = "A page of documents")
    public Uni<Page<DocumentView>> list(
            @Valid @BeanParam DocumentQuery query, @BeanParam PageParams paging) {
        return service.list(new DocumentRepository.Filter(query.agencyId(), null, query.type(), query.q(), query.status(),
                query.tthcCode(), query.legalBasisId(), false), paging.toRequest(), caller);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listDocumentVersions", summary = "Every version of a document, oldest first")
    @APIResponse(responseCode = "200", description = "The versions")
    public Uni<List<VersionView>> versions(@PathParam("id") UUID id) {
        return service.versions(id, caller);
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "startDocumentVersion", summary = "Start the next revision as a draft copied from the newest one")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = "A revision is still open")
    public Uni<RestResponse<VersionView>> startVersion(@PathParam("id") UUID id) {
        return service.newVersion(id, caller).map(v -> Responses.created("/api/v1/documents/" + id + "/versions/" + v.revision(), v, v.version()));
    }

    @GET
    @Path("/{id}/comparison")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "compareDocumentVersions", summary = "What changed from one revision to another: fields, steps, legal bases, records, forms")
    @APIResponse(responseCode = "200", description = "The changes", content = @Content(schema = @Schema(implementation = VersionComparison.class)))
    public Uni<VersionComparison> compare(@PathParam("id") UUID id,
                                          @QueryParam("from") @Parameter(example = "1", required = true) String from,
                                          @QueryParam("to") @Parameter(example = "2", required = true) String to) {
        return service.compare(id, revision(from), revision(to), caller);
    }

    @GET
    @Path("/{id}/versions/{revision}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getDocumentVersion", summary = "One version with its content and the actions allowed now")
    @APIResponse(responseCode = "200", description = "The version, with its ETag", content = @Content(schema = @Schema(implementation = VersionView.class)))
    public Uni<RestResponse<VersionView>> version(@PathParam("id") UUID id, @PathParam("revision") String revision) {
        return service.version(id, revision(revision), caller).map(v -> Responses.tagged(v, v.version()));
    }

    @PUT
    @Path("/{id}/versions/{revision}")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "editDocumentVersion", summary = "Change a draft's content (If-Match required)")
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = VERSION_STATES)
    public Uni<RestResponse<VersionView>> edit(@PathParam("id") UUID id, @PathParam("revision") String revision,
                                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull VersionEdit body) {
        return service.edit(id, revision(revision), body.content(), ifMatch, caller)
                .map(v -> Responses.tagged(v, v.version()));
    }

    @POST
    @Path("/{id}/versions/{revision}/submit")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "submitDocumentVersion", summary = "Submit a draft for the head's review (document.submitted)")
    @APIResponse(responseCode = "200", description = "In review", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = VERSION_STATES)
    public Uni<VersionView> submit(@PathParam("id") UUID id, @PathParam("revision") String revision) {
        return service.act(id, revision(revision), VersionAction.SUBMIT, null, caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/return")
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "returnDocumentVersion", summary = "Send a version in review or approved back to draft")
    @APIResponse(responseCode = "200", description = "Back to draft", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = VERSION_STATES)
    public Uni<VersionView> sendBack(@PathParam("id") UUID id, @PathParam("revision") String revision) {
        return service.act(id, revision(revision), VersionAction.RETURN, null, caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/approve")
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "approveDocumentVersion", summary = "Approve a version in review (document.approved)")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = VERSION_STATES)
    @APIResponse(responseCode = "422", description = "A TTHC procedure's steps exceed the legal processing time (both numbers named)")
    public Uni<VersionView> approve(@PathParam("id") UUID id, @PathParam("revision") String revision) {
        return service.act(id, revision(revision), VersionAction.APPROVE, null, caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/issue")
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "issueDocumentVersion", summary = "Issue an approved version; the previous issued one is superseded (document.issued)")
    @APIResponse(responseCode = "200", description = "Issued", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = VERSION_STATES)
    @APIResponse(responseCode = "422", description = "A legal basis is repealed, replaced or expired by the issue (or effective) date "
            + "(legal-basis-not-in-force, naming each and what replaced it)")
    public Uni<VersionView> issue(@PathParam("id") UUID id, @PathParam("revision") String revision, @Valid Issue body) {
        return service.act(id, revision(revision), VersionAction.ISSUE, body == null ? null : body.effectiveDate(), caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/abolish")
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "abolishDocumentVersion", summary = "Abolish a version, with a reason (document.abolished)")
    @APIResponse(responseCode = "200", description = "Abolished", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = VERSION_STATES)
    public Uni<VersionView> abolish(@PathParam("id") UUID id, @PathParam("revision") String revision, @Valid @NotNull Abolition body) {
        return service.act(id, revision(revision), VersionAction.ABOLISH, body.reason().trim(), caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/distribution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "distributeDocumentVersion", summary = "Distribute an issued version to named people (by the subject of "
            + "their token) or units of the agency (by agency id) (phân phối)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DocumentDtos.Distribution.class),
            examples = @ExampleObject(name = "A person and a sub-department", value = DISTRIBUTION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The entries named in this request, with their receipts")
    @APIResponse(responseCode = "400", description = "A person without subject or name, a unit without unitId")
    @APIResponse(responseCode = "409", description = "The version is not issued")
    @APIResponse(responseCode = "422", description = "recipient-not-a-unit: a unitId that is not an agency under the issuing one")
    public Uni<List<DocumentDtos.DistributionView>> distribute(@PathParam("id") UUID id, @PathParam("revision") String revision,
                                                               @Valid @NotNull DocumentDtos.Distribution body) {
        return circulation.distribute(id, revision(revision), body.recipients(), caller);
    }

    @GET
    @Path("/{id}/distribution")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listDocumentDistribution", summary = "Recipients and their receipts: who has (acknowledged=true) and has not "
            + "(acknowledged=false, or pending=true) signed")
    @APIResponse(responseCode = "200", description = "A page of the distribution, by revision and recipient")
    public Uni<Page<DocumentDtos.DistributionView>> distribution(@PathParam("id") UUID id,
                                                                 @QueryParam("revision") @Parameter(description = "One revision (default all)") String revision,
                                                                 @QueryParam("acknowledged") @Parameter(description = "true: who has signed; false: who has not") Boolean acknowledged,
                                                                 @QueryParam("pending") @Parameter(description = "true: only those who have not signed (acknowledged=false)") Boolean pending,
                                                                 @BeanParam PageParams paging) {
        Boolean signed = acknowledged;
        if (Boolean.TRUE.equals(pending)) {
            if (Boolean.TRUE.equals(signed)) {
                throw ProblemException.invalidField("pending", "contradicts acknowledged=true");
            }
            signed = false;
        }
        return circulation.distribution(id, revision == null || revision.isBlank() ? 0 : revision(revision), signed, paging.toRequest(), caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANY_AGENCY_ROLE)
    @Operation(operationId = "acknowledgeDocumentVersion", summary = "Sign for receipt of an issued version (once per recipient and version): "
            + "by the recipient's own token, or recorded by the ISO officer from a paper receipt (paper); publishes document.acknowledged")
    @RequestBody(content = @Content(schema = @Schema(implementation = DocumentDtos.Acknowledgement.class), examples = {
            @ExampleObject(name = "The recipient signs", value = "{\"recipient\": {\"kind\": \"PERSON\", \"subject\": \"nguyen.van.an\"}}"),
            @ExampleObject(name = "Signed on paper", value = PAPER_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "400", description = "No recipient named, a paper receipt dated in the future or before the issue")
    @APIResponse(responseCode = "404", description = "Paper receipt for someone the distribution does not name")
    @APIResponse(responseCode = "409", description = "Acknowledged already, or the version is not issued")
    public Uni<DocumentDtos.DistributionView> acknowledge(@PathParam("id") UUID id, @PathParam("revision") String revision,
                                                          @Valid @NotNull DocumentDtos.Acknowledgement body) {
        return circulation.acknowledge(id, revision(revision), body, caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/postings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "postDocumentVersion", summary = "Record that an issued version was posted at the office (NOTICE_BOARD, niêm yết) "
            + "or published on the portal (PORTAL, đăng tải); publishes document.posted")
    @RequestBody(content = @Content(schema = @Schema(implementation = DocumentDtos.NewPosting.class), examples = {
            @ExampleObject(name = "Portal", value = "{\"channel\": \"PORTAL\", \"postedOn\": \"2026-01-06\", "
                    + "\"url\": \"https://skhcn.bacgiang.gov.vn/thu-tuc-hanh-chinh/qt-khcn-01\"}"),
            @ExampleObject(name = "Notice board", value = "{\"channel\": \"NOTICE_BOARD\", \"postedOn\": \"2026-01-05\", "
                    + "\"place\": \"Bộ phận Tiếp nhận và Trả kết quả\"}")}))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = DocumentDtos.PostingView.class)))
    @APIResponse(responseCode = "200", description = "The same posting was recorded before: nothing changes, no event", content = @Content(schema = @Schema(implementation = DocumentDtos.PostingView.class)))
    @APIResponse(responseCode = "400", description = "PORTAL without url, a date in the future or before the issue")
    @APIResponse(responseCode = "422", description = "version-not-issued: a draft, approved, superseded or abolished version")
    public Uni<RestResponse<DocumentDtos.PostingView>> post(@PathParam("id") UUID id, @PathParam("revision") String revision,
                                                            @Valid @NotNull DocumentDtos.NewPosting body) {
        return postings.record(id, revision(revision), body, caller).map(r -> r.created()
                ? Responses.created("/api/v1/documents/" + id + "/postings?revision="
                + r.posting().revision(), r.posting())
                : RestResponse.ok(r.posting()));
    }

    @GET
    @Path("/{id}/postings")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listDocumentPostings", summary = "Where and when each issued version was posted and published, newest revision first")
    @APIResponse(responseCode = "200", description = "A page of postings")
    public Uni<Page<DocumentDtos.PostingView>> postings(@PathParam("id") UUID id,
                                                        @QueryParam("revision") @Parameter(description = "One revision (default all)") String revision,
                                                        @BeanParam PageParams paging) {
        return postings.list(id, revision == null || revision.isBlank() ? 0 : revision(revision), paging.toRequest());
    }

    @PUT
    @Path("/{id}/publication")
    @RolesAllowed(Roles.ISO_OFFICER)
    @Operation(operationId = "publishDocument", deprecated = true, summary = "Record posting at the office (niêm yết) and publication on the "
            + "portal (đăng tải) of the revision in force; each date given is recorded as a posting of that revision (use postings)")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "No revision is issued")
    public Uni<DocumentView> publication(@PathParam("id") UUID id, @Valid @NotNull DocumentDtos.Publication body) {
        return circulation.publish(id, body, caller).chain(() -> service.get(id, caller));
    }

    @POST
    @Path("/{id}/periodic-reviews")
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "recordPeriodicReview", summary = "Record a periodic review and the next review date")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = DocumentDtos.PeriodicReviewView.class)))
    public Uni<DocumentDtos.PeriodicReviewView> periodicReview(@PathParam("id") UUID id, @Valid @NotNull DocumentDtos.NewPeriodicReview body) {
        return circulation.review(id, body, caller);
    }

    @GET
    @Path("/{id}/periodic-reviews")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listPeriodicReviews", summary = "The document's periodic reviews, oldest first")
    @APIResponse(responseCode = "200", description = "The reviews")
    public Uni<List<DocumentDtos.PeriodicReviewView>> periodicReviews(@PathParam("id") UUID id) {
        return circulation.reviews(id, caller);
    }

    @POST
    @Path("/{id}/versions/{revision}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "attachFile", summary = "Attach a file (the signed PDF, Word, Excel, images) to a version; the body is the file")
    @APIResponse(responseCode = "201", description = "Stored, with its SHA-256", content = @Content(schema = @Schema(implementation = AttachmentService.AttachmentView.class)))
    @APIResponse(responseCode = "400", description = "Empty file")
    @APIResponse(responseCode = "409", description = "The version is superseded or abolished")
    @APIResponse(responseCode = "413", description = "Over the size limit (25 MB)")
    @APIResponse(responseCode = "415", description = "Not a PDF, Word, Excel, PNG or JPEG file")
    @APIResponse(responseCode = "422", description = "The content is not of the declared type (checked by its bytes)")
    @Blocking // the body is read as it arrives, on a worker thread, into a temporary file: never whole in memory
    public Uni<RestResponse<AttachmentService.AttachmentView>> attach(@PathParam("id") UUID id, @PathParam("revision") String revision,
                                                                      @QueryParam("fileName") @Parameter(example = "QT-KHCN-01-ky-so.pdf") String fileName,
                                                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return attachments.upload(id, revision(revision), fileName, contentType, body, caller).map(a -> Responses.created("/api/v1/documents/" + id + "/versions/" + a.revision()
                        + "/attachments/" + a.id(), a));
    }

    @GET
    @Path("/{id}/versions/{revision}/attachments")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listAttachments", summary = "The files of a version")
    @APIResponse(responseCode = "200", description = "The files (without content)")
    public Uni<List<AttachmentService.AttachmentView>> attachments(@PathParam("id") UUID id, @PathParam("revision") String revision) {
        return attachments.list(id, revision(revision), caller);
    }

    @GET
    @Path("/{id}/versions/{revision}/attachments/{attachmentId}")
    // one type for the streamed body (Quarkus REST streams a Multi under a single @Produces); the file's own type is
    // set per response by the download's headers
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "downloadAttachment", summary = "Download a file; its ETag is its SHA-256")
    @APIResponse(responseCode = "200", description = "The file")
    public RestMulti<byte[]> download(@PathParam("id") UUID id, @PathParam("revision") String revision,
                                      @PathParam("attachmentId") UUID attachmentId) {
        // the content goes out piece by piece as the client takes it (chunked: the length is in the attachment's metadata)
        return RestMulti.fromUniResponse(attachments.download(id, revision(revision), attachmentId, caller),
                AttachmentService.Download::content, d -> Map.of(
                        HttpHeaders.CONTENT_TYPE, List.of(d.contentType()),
                        HttpHeaders.ETAG, List.of("\"" + d.sha256() + "\""),
                        "Content-Disposition", List.of("attachment; filename*=UTF-8''" + URLEncoder
                                .encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))));
    }

    private static int revision(String value) {
        try {
            int r = Integer.parseInt(value);
            if (r < 1) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new ProblemException(404, "not-found", "Not found", "No revision " + value + ".");
        }
    }

    /** The filters of a list of controlled documents. */
    public record DocumentQuery(
            @QueryParam("agencyId") @Parameter(description = "One agency") UUID agencyId,
            @QueryParam("type") @Parameter(example = "TTHC_PROCEDURE") DocumentType type,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Words of the code, title or content, with or without diacritics", example = "quy trinh cap giay phep") String q,
            @QueryParam("status") @Parameter(description = "Has a version in this status", example = "ISSUED") VersionStatus status,
            @QueryParam("tthcCode") @Size(max = 40) @Parameter(description = "Implements this TTHC", example = "1.001612.000.00.00.H24") String tthcCode,
            @QueryParam("legalBasisId") @Parameter(description = "Cites this legal document") UUID legalBasisId) {
    }
}
