package vn.govqms.document.province;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.document.province.ProvinceDtos.ProvinceDetail;
import vn.govqms.document.province.ProvinceDtos.ProvinceView;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;

@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provinces", description = "The national register of provinces and their mergers (63 before 1 July 2025, 34 after)")
@APIResponse(responseCode = "403", description = "No GovQMS role")
public class ProvinceResource {

    @Inject ProvinceService service;

    @GET
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listProvinces", summary = "The provinces that exist on a day, by code, with their names that day")
    @APIResponse(responseCode = "200", description = "A page of provinces")
    public Uni<Page<ProvinceView>> list(
            @QueryParam("asOf") @Parameter(description = "The day (default today); 2025-06-30 gives the 63 provinces before the reorganisation",
                    example = "2025-06-30") LocalDate asOf,
            @BeanParam PageParams paging) {
        return service.list(asOf, paging.toRequest());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getProvince", summary = "A province with its history: its names over time, the province it merged into, those merged into it")
    @APIResponse(responseCode = "200", description = "The province", content = @Content(schema = @Schema(implementation = ProvinceDetail.class)))
    @APIResponse(responseCode = "404", description = "Not a province of the register")
    public Uni<ProvinceDetail> get(@PathParam("code") @Parameter(description = "Two-digit code", example = "27") String code) {
        if (!code.matches(ProvinceDtos.CODE_PATTERN)) {
            throw ProblemException.notFound("province", code);
        }
        return service.get(code);
    }
}
