package vn.govqms.audit.campaign;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.audit.campaign.CampaignDtos.AgenciesInput;
import vn.govqms.audit.campaign.CampaignDtos.Approval;
import vn.govqms.audit.campaign.CampaignDtos.CampaignSummary;
import vn.govqms.audit.campaign.CampaignDtos.CampaignView;
import vn.govqms.audit.campaign.CampaignDtos.NewCampaign;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/inspection-campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection campaigns", description = "Kế hoạch kiểm tra của tỉnh (Art. 36, Circular 26/2014/TT-BKHCN): agencies, mode, decision")
public class CampaignResource {

    @Inject CampaignService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "createInspectionCampaign", summary = "Draft the province's inspection campaign of a year (one per province and year by default: govqms.audit.inspection.campaigns-per-year)")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "The province already has as many campaigns that year as a year has")
    @APIResponse(responseCode = "422", description = "Unknown agency or agency of another province")
    public Uni<RestResponse<CampaignView>> create(@Valid @NotNull NewCampaign body) {
        return service.create(body, caller).map(c -> Responses.created("/api/v1/inspection-campaigns/" + c.id(), c, c.version()));
    }

    @GET
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "listInspectionCampaigns", summary = "Campaigns of the caller's province (and of the provinces merged into it), or of every province at the national level; newest first")
    @APIResponse(responseCode = "200", description = "A page of campaigns")
    public Uni<Page<CampaignSummary>> list(@Valid @BeanParam YearParam year, @Valid @BeanParam ProvinceParam province,
                                           @BeanParam PageParams paging) {
        return service.list(province.provinceCode(), year.year(), paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "getInspectionCampaign", summary = "A campaign with its agencies and progress (inspected / total, on site / records)")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    public Uni<RestResponse<CampaignView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(c -> Responses.tagged(c, c.version()));
    }

    @PUT
    @Path("/{id}/agencies")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "setInspectionCampaignAgencies", summary = "Replace the agencies of a draft campaign and their mode (If-Match)")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Campaign approved")
    public Uni<RestResponse<CampaignView>> setAgencies(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                       @Valid @NotNull AgenciesInput body) {
        return service.setAgencies(id, body, ifMatch, caller).map(c -> Responses.tagged(c, c.version()));
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "approveInspectionCampaign", summary = "Record the approving decision; plans one inspection per agency (inspection-campaign.approved, audit.planned)",
            description = "Refused (422) when an agency of the province that must apply the QMS is missing, or fewer than one third are on site (GOVQMS_AUDIT_INSPECTION_MIN_ON_SITE_SHARE).")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "Already approved")
    @APIResponse(responseCode = "422", description = "Agencies missing, too few on site (the counts are named), or an inspector from an inspected agency")
    public Uni<CampaignView> approve(@PathParam("id") UUID id, @Valid @NotNull Approval body) {
        return service.approve(id, body, caller);
    }
}
