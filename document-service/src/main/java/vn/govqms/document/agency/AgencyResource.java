package vn.govqms.document.agency;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.govqms.kit.web.ProvinceParam;
import vn.govqms.kit.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.document.agency.AgencyDtos.AgencyUpdate;
import vn.govqms.document.agency.AgencyDtos.AgencyView;
import vn.govqms.document.agency.AgencyDtos.NewAgency;
import vn.govqms.document.merge.MergeDtos;
import vn.govqms.document.merge.MergeService;
import vn.govqms.document.merge.SplitService;
import vn.govqms.document.qms.QmsDtos;
import vn.govqms.document.qms.QmsService;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "State agencies (cơ quan hành chính nhà nước) and their place in the administration")
public class AgencyResource {

    private static final String NEW_AGENCY_EXAMPLE = """
            {"code": "000.00.53.H48", "name": "Sở Khoa học và Công nghệ tỉnh Bắc Giang", "level": "DEPARTMENT",
             "provinceCode": "24", "validFrom": "2008-04-01"}""";

    @Inject AgencyService service;
    @Inject QmsService qms;
    @Inject MergeService merges;
    @Inject SplitService splits;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.ANY_ADMIN)
    @Operation(operationId = "registerAgency", summary = "Register an agency of the caller's province, ministry or (national-admin) a ministry itself")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewAgency.class),
            examples = @ExampleObject(name = "Sở KH&CN Bắc Giang", value = NEW_AGENCY_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; agency.registered is published",
            content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "409", description = "The code is taken")
    @APIResponse(responseCode = "422", description = "Unknown parent or province, parent in another province, or a level that ended before validFrom")
    public Uni<RestResponse<AgencyView>> register(@Valid @NotNull NewAgency body) {
        return service.register(body, caller).map(a -> Responses.created("/api/v1/agencies/" + a.id(), a, a.version()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getAgency", summary = "An agency")
    @APIResponse(responseCode = "200", description = "The agency, with its ETag", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    public Uni<RestResponse<AgencyView>> get(@PathParam("id") UUID id) {
        return service.get(id, caller).map(a -> Responses.tagged(a, a.version()));
    }

    @GET
    @ExpensiveRead(when = "q")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listAgencies", summary = "Agencies in the caller's scope, by province and code")
    @APIResponse(responseCode = "200", description = "A page of agencies")
    public Uni<Page<AgencyView>> list(
            @Valid @BeanParam ProvinceParam province, @Valid @BeanParam AgencyQuery query, @BeanParam PageParams paging) {
        return service.list(new AgencyRepository.Filter(province.provinceCode(), query.level(), query.q()), paging.toRequest(), caller);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.HEAD_OR_TENANT_ADMINS)
    @Operation(operationId = "updateAgency", summary = "Change an agency's name, parent or validity (If-Match required)")
    @APIResponse(responseCode = "200", description = "Updated; agency.updated is published", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    public Uni<RestResponse<AgencyView>> update(@PathParam("id") UUID id,
                                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag read", example = "\"0\"") String ifMatch,
                                                @Valid @NotNull AgencyUpdate body) {
        return service.update(id, body, ifMatch, caller).map(a -> Responses.tagged(a, a.version()));
    }

    @POST
    @Path("/merges")
    @RolesAllowed(Roles.TENANT_ADMINS)
    @Operation(operationId = "mergeAgencies", summary = "Merge agencies into an existing or a new successor (2025 reorganisation)",
            description = "The sources end the day before effectiveDate (they may be in provinces merged into the successor's); a new successor "
                    + "starts on effectiveDate. Their documents, review tasks, history and TTHCs move to the successor, "
                    + "whose QMS must be announced again. Publishes agency.updated (sources), agency.merged and qms.reannouncement-required.")
    @APIResponse(responseCode = "200", description = "Merged", content = @Content(schema = @Schema(implementation = MergeDtos.MergerView.class)))
    @APIResponse(responseCode = "409", description = "A source already ended")
    @APIResponse(responseCode = "422", description = "Unknown agency; a successor outside the province that continues the sources' "
            + "provinces on the effective date, not existing on it, or of a level that ended (district, township)")
    public Uni<MergeDtos.MergerView> merge(@Valid @NotNull MergeDtos.Merger body) {
        return merges.merge(body, caller);
    }

    @POST
    @Path("/splits")
    @RolesAllowed(Roles.TENANT_ADMINS)
    @Operation(operationId = "splitAgency", summary = "Split an agency into existing or new successors (2025 reorganisation)",
            description = "The source ends the day before effectiveDate; each successor takes the documents (with their review tasks "
                    + "and history) and TTHCs listed for it, the primary one takes the rest; every successor's QMS must be announced "
                    + "again. Publishes agency.updated (source), agency.split and qms.reannouncement-required per successor.")
    @APIResponse(responseCode = "200", description = "Split", content = @Content(schema = @Schema(implementation = MergeDtos.SplitView.class)))
    @APIResponse(responseCode = "409", description = "The source already ended")
    @APIResponse(responseCode = "422", description = "Unknown agency, a document or TTHC that is not the source's, or a successor outside "
            + "the province that continues the source's on the effective date, not existing on it, or of a level that ended")
    public Uni<MergeDtos.SplitView> split(@Valid @NotNull MergeDtos.Split body) {
        return splits.split(body, caller);
    }

    @GET
    @Path("/{id}/lineage")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getAgencyLineage", summary = "The agencies this one continues (mergers, splits) and those that continue it")
    @APIResponse(responseCode = "200", description = "Predecessors and successors", content = @Content(schema = @Schema(implementation = MergeDtos.Lineage.class)))
    public Uni<MergeDtos.Lineage> lineage(@PathParam("id") UUID id) {
        return splits.lineage(id, caller);
    }

    @PUT
    @Path("/{id}/qms")
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "updateQmsProgress", summary = "Record building or applying the QMS and its standard edition (If-Match required)",
            description = "effectiveDate is the day the status or edition was reached (building finished, converted to TCVN ISO 9001:2015); "
                    + "default today. A change publishes qms.status-changed with it, from which scoring-service answers progress as of a date.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (ANNOUNCED is reached by an announcement; effectiveDate in the future)")
    public Uni<RestResponse<AgencyView>> updateQms(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                   @Valid @NotNull QmsDtos.Progress body) {
        return qms.progress(id, body, ifMatch, caller).map(a -> Responses.tagged(AgencyView.of(a), a.version));
    }

    @GET
    @Path("/{id}/qms/readiness")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getAnnouncementReadiness", summary = "Whether the agency may announce conformity on a day, step by step",
            description = "The steps of Decision 19/2014/QĐ-TTg before announcing: the framework-model documents issued, an internal audit "
                    + "and a management review held (from audit-service) and the head's confirmation of effectiveness, each within "
                    + "govqms.qms.steps-within before the day.")
    @APIResponse(responseCode = "200", description = "The steps", content = @Content(schema = @Schema(implementation = QmsDtos.Readiness.class)))
    public Uni<QmsDtos.Readiness> readiness(@PathParam("id") UUID id,
                                            @QueryParam("on") @Parameter(description = "Default today", example = "2015-05-20") LocalDate on) {
        return qms.readiness(id, on, caller);
    }

    @POST
    @Path("/{id}/qms/effectiveness-confirmations")
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "confirmQmsEffectiveness", summary = "The head confirms the effectiveness of the QMS (xác nhận hiệu lực), a step before announcing")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = QmsDtos.StepView.class)))
    public Uni<RestResponse<QmsDtos.StepView>> confirmEffectiveness(@PathParam("id") UUID id, @Valid @NotNull QmsDtos.EffectivenessConfirmation body) {
        return qms.confirmEffectiveness(id, body, caller).map(s -> Responses.created("/api/v1/agencies/" + id + "/qms/readiness", s));
    }

    @POST
    @Path("/{id}/announcements")
    @RolesAllowed(Roles.AGENCY_HEAD)
    @Operation(operationId = "announceQms", summary = "Announce the QMS conformant with TCVN ISO 9001 (công bố); publishes qms.announced",
            description = "Refused (422 announcement-steps-missing, naming each) until the steps before it are on record "
                    + "(GET .../qms/readiness) or recorded in stepsOutsideSystem with their evidence. Also the re-announcement after a "
                    + "change of scope: it clears reannouncementRequired and names the requirement cleared.")
    @APIResponse(responseCode = "201", description = "Announced", content = @Content(schema = @Schema(implementation = QmsDtos.AnnouncementView.class)))
    @APIResponse(responseCode = "422", description = "Steps before announcing are missing (the problem's missing lists them)")
    public Uni<RestResponse<QmsDtos.AnnouncementView>> announce(@PathParam("id") UUID id, @Valid @NotNull QmsDtos.NewAnnouncement body) {
        return qms.announce(id, body, caller).map(a -> Responses.created("/api/v1/agencies/" + id + "/announcements", a));
    }

    @POST
    @Path("/{id}/announcements/{announcementId}/postings")
    @RolesAllowed(Roles.QMS_KEEPERS)
    @Operation(operationId = "postQmsAnnouncement", summary = "Record posting the announcement at the office (place) or on the portal (link)")
    @APIResponse(responseCode = "201", description = "Recorded; the announcement with its postings", content = @Content(schema = @Schema(implementation = QmsDtos.AnnouncementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (OFFICE needs place, PORTAL an http(s) link; postedOn from the decision date to today)")
    public Uni<RestResponse<QmsDtos.AnnouncementView>> postAnnouncement(@PathParam("id") UUID id, @PathParam("announcementId") UUID announcementId,
                                                                        @Valid @NotNull QmsDtos.NewPosting body) {
        return qms.post(id, announcementId, body, caller).map(a -> Responses.created("/api/v1/agencies/" + id + "/announcements", a));
    }

    @GET
    @Path("/{id}/announcements")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listQmsAnnouncements", summary = "The agency's announcements of conformity, oldest first")
    @APIResponse(responseCode = "200", description = "The announcements")
    public Uni<List<QmsDtos.AnnouncementView>> announcements(@PathParam("id") UUID id) {
        return qms.announcements(id, caller);
    }

    @PUT
    @Path("/{id}/administrative-procedures")
    @RolesAllowed(Roles.TENANT_ADMINS)
    @Operation(operationId = "setHandledProcedures", summary = "Publish which TTHCs the agency handles",
            description = "TTHCs added to or removed from the scope of an announced QMS require re-announcement within "
                    + "govqms.qms.reannounce-within (3 months) of since (qms.reannouncement-required with its dueDate).")
    @APIResponse(responseCode = "200", description = "The TTHCs handled now")
    @APIResponse(responseCode = "422", description = "A TTHC not in the catalogue")
    public Uni<List<QmsDtos.HandledView>> setHandled(@PathParam("id") UUID id, @Valid @NotNull QmsDtos.HandledProcedures body) {
        return qms.handle(id, body, caller);
    }

    @GET
    @Path("/{id}/administrative-procedures")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listHandledProcedures", summary = "The TTHCs the agency handles")
    @APIResponse(responseCode = "200", description = "The TTHCs")
    public Uni<List<QmsDtos.HandledView>> handled(@PathParam("id") UUID id) {
        return qms.handledProcedures(id, caller);
    }

    @GET
    @Path("/{id}/external-documents")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listExternalDocuments", summary = "The agency's list of controlled external documents",
            description = "Danh mục kiểm soát tài liệu bên ngoài: the legal documents its issued documents cite, with their status today.")
    @APIResponse(responseCode = "200", description = "The legal documents")
    public Uni<List<QmsDtos.ExternalDocumentView>> externalDocuments(@PathParam("id") UUID id) {
        return qms.externalDocuments(id, caller);
    }

    /** The filters of the agency register. */
    public record AgencyQuery(
            @QueryParam("level") @Parameter(description = "Agency level", example = "COMMUNE") AgencyLevel level,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Part of the name or code, with or without diacritics", example = "khoa hoc") String q) {
    }
}
