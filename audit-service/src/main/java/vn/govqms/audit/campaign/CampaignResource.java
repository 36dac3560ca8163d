package vn.govqms.audit.campaign;

import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.audit.campaign.CampaignDtos.AgenciesInput;
import vn.govqms.audit.campaign.CampaignDtos.Approval;
import vn.govqms.audit.campaign.CampaignDtos.CampaignSummary;
import vn.govqms.audit.campaign.CampaignDtos.CampaignView;
import vn.govqms.audit.campaign.CampaignDtos.NewCampaign;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.ETags;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/inspection-campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection campaigns", description = "Kế hoạch kiểm tra của tỉnh (Art. 36, Circular 26/2014/TT-BKHCN): agencies, mode, decision")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Outside the caller's role or province", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CampaignResource {

    private final CampaignService service;
    private final Caller caller;

    public CampaignResource(CampaignService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "createInspectionCampaign", summary = "Draft the province's inspection campaign of a year (one per province and year by default: govqms.audit.inspection.campaigns-per-year)")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "The province already has as many campaigns that year as a year has", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency or agency of another province", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CampaignView>> create(@Valid @NotNull NewCampaign body) {
        return service.create(body, caller).map(c -> RestResponse.ResponseBuilder
                .<CampaignView>created(URI.create("/api/v1/inspection-campaigns/" + c.id())).entity(c).tag(ETags.of(c.version())).build());
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "listInspectionCampaigns", summary = "Campaigns of the caller's province (and of the provinces merged into it), or of every province at the national level; newest first")
    @APIResponse(responseCode = "200", description = "A page of campaigns")
    public Uni<Page<CampaignSummary>> list(@QueryParam("year") @Parameter(example = "2026") String year,
                                           @QueryParam("provinceCode") @Parameter(example = "24") String provinceCode,
                                           @BeanParam PageParams paging) {
        Integer y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("year", "a year such as 2026");
            }
        }
        return service.list(provinceCode == null || provinceCode.isBlank() ? null : provinceCode.trim(), y, paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "getInspectionCampaign", summary = "A campaign with its agencies and progress (inspected / total, on site / records)")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = "Unknown campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CampaignView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(c -> RestResponse.ResponseBuilder.ok(c).tag(ETags.of(c.version())).build());
    }

    @PUT
    @Path("/{id}/agencies")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "setInspectionCampaignAgencies", summary = "Replace the agencies of a draft campaign and their mode (If-Match)")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Campaign approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CampaignView>> setAgencies(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                       @Valid @NotNull AgenciesInput body) {
        return service.setAgencies(id, body, ifMatch, caller).map(c -> RestResponse.ResponseBuilder.ok(c).tag(ETags.of(c.version())).build());
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "approveInspectionCampaign", summary = "Record the approving decision; plans one inspection per agency (inspection-campaign.approved, audit.planned)",
            description = "Refused (422) when an agency of the province that must apply the QMS is missing, or fewer than one third are on site (GOVQMS_AUDIT_INSPECTION_MIN_ON_SITE_SHARE).")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Already approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Agencies missing, too few on site (the counts are named), or an inspector from an inspected agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CampaignView> approve(@PathParam("id") UUID id, @Valid @NotNull Approval body) {
        return service.approve(id, body, caller);
    }
}
