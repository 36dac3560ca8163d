package vn.govqms.document.province;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.document.province.ProvinceDtos.MergerView;
import vn.govqms.document.province.ProvinceDtos.NewMerger;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.Responses;

@Path("/api/v1/province-mergers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provinces")
@APIResponse(responseCode = "403", description = "Not national-admin")
public class ProvinceMergerResource {

    private static final String BAC_NINH_2025 = """
            {"code": "24", "name": "Bắc Ninh", "effectiveDate": "2025-07-01", "sourceCodes": ["24", "27"], "decision": "202/2025/QH15"}""";

    @Inject ProvinceService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "recordProvinceMerger", summary = "Record that provinces merge (national-admin)",
            description = "The province `code` keeps its code and bears `name` from `effectiveDate`; the other sources end the day "
                    + "before and name it as their successor. Its steering committee (province-admin of `code`) then reads and writes the "
                    + "merged provinces' agencies, whose own tokens become read-only. Publishes province.merged. The same merger sent "
                    + "again answers 200 and changes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewMerger.class),
            examples = @ExampleObject(name = "Bắc Giang and Bắc Ninh, 1 July 2025", value = BAC_NINH_2025)))
    @APIResponse(responseCode = "201", description = "Recorded; province.merged is published", content = @Content(schema = @Schema(implementation = MergerView.class)))
    @APIResponse(responseCode = "200", description = "The same merger was recorded already; nothing changed", content = @Content(schema = @Schema(implementation = MergerView.class)))
    @APIResponse(responseCode = "409", description = "Another merger into this code on this day is recorded")
    @APIResponse(responseCode = "422", description = "Fewer than two provinces, the code not among them, an unknown or ended province")
    public Uni<RestResponse<MergerView>> record(@Valid @NotNull NewMerger body) {
        return service.merge(body, caller).map(r -> r.created()
                ? Responses.created("/api/v1/provinces/" + r.merger().code(), r.merger())
                : RestResponse.ok(r.merger()));
    }
}
