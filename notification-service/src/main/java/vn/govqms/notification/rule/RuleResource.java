package vn.govqms.notification.rule;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import vn.govqms.kit.web.ProvinceParam;
import vn.govqms.kit.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.notification.rule.RuleDtos.RuleInput;
import vn.govqms.notification.rule.RuleDtos.RuleView;

import java.util.UUID;

@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "Quy tắc thông báo: loại sự kiện → người nhận → kênh (hộp thư, e-mail)")
public class RuleResource {

    @Inject RuleService service;
    @Inject Caller caller;

    @GET
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listRules", summary = "The default rules and a province's own (the caller's, or the one asked for), with which are in force there")
    @APIResponse(responseCode = "200", description = "A page of rules")
    public Uni<Page<RuleView>> list(@QueryParam("eventType") @Size(max = 200) @Parameter(example = "vn.govqms.audit.finding.raised.v1") String eventType,
                                    @Valid @BeanParam ProvinceParam province, @BeanParam PageParams paging) {
        return service.list(eventType, province.provinceCode(), paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getRule", summary = "A rule")
    @APIResponse(responseCode = "200", description = "The rule", content = @Content(schema = @Schema(implementation = RuleView.class)))
    public Uni<RestResponse<RuleView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(r -> Responses.tagged(r, r.version()));
    }

    @POST
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "createRule", summary = "A rule of the caller's province; the province's rules of a type replace the defaults of that type")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "422", description = "Unknown contact")
    public Uni<RestResponse<RuleView>> create(@Valid @NotNull RuleInput body) {
        return service.create(body, caller).map(r -> Responses.created("/api/v1/rules/" + r.id(), r, r.version()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "updateRule", summary = "Change a rule of the caller's province (If-Match required; defaults are read-only)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = RuleView.class)))
    public Uni<RestResponse<RuleView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                              @Valid @NotNull RuleInput body) {
        return service.update(id, body, ifMatch, caller).map(r -> Responses.tagged(r, r.version()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "deleteRule", summary = "Remove a rule of the caller's province")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return service.delete(id, caller);
    }
}
