package vn.govqms.notification.contact;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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
import vn.govqms.notification.contact.ContactDtos.ContactInput;
import vn.govqms.notification.contact.ContactDtos.ContactView;
import vn.govqms.notification.contact.ContactDtos.Preferences;

import java.util.UUID;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Người nhận thông báo: lãnh đạo, cán bộ ISO, chuyên gia đánh giá, lãnh đạo đơn vị; Ban chỉ đạo ISO tỉnh")
public class ContactResource {

    @Inject ContactService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.QMS_KEEPERS_OR_TENANT_ADMINS)
    @Operation(operationId = "createContact", summary = "Add a contact to an agency (its head or ISO officer, its province's or ministry's steering committee), or to the province's steering committee (province-admin)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "409", description = "The subject is already a contact there")
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<RestResponse<ContactView>> create(@Valid @NotNull ContactInput body) {
        return service.create(body, caller).map(c -> Responses.created("/api/v1/contacts/" + c.id(), c, c.version()));
    }

    @GET
    @RolesAllowed(Roles.QMS_KEEPERS_OR_ADMINS)
    @Operation(operationId = "listContacts", summary = "Contacts in the caller's scope, by name")
    @APIResponse(responseCode = "200", description = "A page of contacts")
    @APIResponse(responseCode = "422", description = "Unknown agency")
    public Uni<Page<ContactView>> list(@BeanParam ContactQuery query, @Valid @BeanParam ProvinceParam province, @BeanParam PageParams paging) {
        return service.list(new ContactService.Filter(query.agencyId(), province.provinceCode(), query.role(), query.steeringCommittee()),
                paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.QMS_KEEPERS_OR_ADMINS)
    @Operation(operationId = "getContact", summary = "A contact")
    @APIResponse(responseCode = "200", description = "The contact", content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Uni<RestResponse<ContactView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(c -> Responses.tagged(c, c.version()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.QMS_KEEPERS_OR_TENANT_ADMINS)
    @Operation(operationId = "updateContact", summary = "Change a contact (If-Match required)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Uni<RestResponse<ContactView>> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid @NotNull ContactInput body) {
        return service.update(id, body, ifMatch, caller).map(c -> Responses.tagged(c, c.version()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.QMS_KEEPERS_OR_TENANT_ADMINS)
    @Operation(operationId = "deleteContact", summary = "Remove a contact (its notifications go with it)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return service.delete(id, caller);
    }

    @GET
    @Path("/me/preferences")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getPreferences", summary = "The caller's muted channels")
    @APIResponse(responseCode = "200", description = "Muted channels", content = @Content(schema = @Schema(implementation = Preferences.class)))
    public Uni<Preferences> preferences() {
        return service.preferences(caller);
    }

    @PUT
    @Path("/me/preferences")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "setPreferences", summary = "Mute channels for oneself (INBOX, EMAIL); escalations are sent whatever is muted")
    @APIResponse(responseCode = "200", description = "Muted channels", content = @Content(schema = @Schema(implementation = Preferences.class)))
    public Uni<Preferences> mute(@Valid @NotNull Preferences body) {
        return service.mute(body, caller);
    }

    /** The filters of a list of contacts. */
    public record ContactQuery(
            @QueryParam("agencyId") UUID agencyId,
            @QueryParam("role") @Parameter(example = "ISO_OFFICER") ContactRole role,
            @QueryParam("steeringCommittee") @Parameter(example = "true") Boolean steeringCommittee) {
    }
}
