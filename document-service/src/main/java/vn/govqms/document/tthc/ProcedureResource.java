package vn.govqms.document.tthc;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.document.tthc.ProcedureDtos.Abolition;
import vn.govqms.document.tthc.ProcedureDtos.Amendment;
import vn.govqms.document.tthc.ProcedureDtos.NewProcedure;
import vn.govqms.document.tthc.ProcedureDtos.ProcedureView;
import vn.govqms.kit.http.ExpensiveRead;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.QueryParams;

import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1/administrative-procedures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative procedures", description = "The TTHC catalogue with legal processing times")
public class ProcedureResource {

    @Inject ProcedureService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "publishAdministrativeProcedure", summary = "Add a procedure to the catalogue (national, or localised to the caller's province)",
            description = "A national code (1.001612, no provinceCode) goes to the national catalogue, written by national-admin only; "
                    + "a localised code (1.001612.000.00.00.H24, with provinceCode) to that province's, written by its province-admin. "
                    + "Legal bases: national documents, and for a localised procedure its own province's too.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ProcedureView.class)))
    @APIResponse(responseCode = "409", description = "The code is in the catalogue already")
    @APIResponse(responseCode = "422", description = "A legal basis is not in the register (unknown-reference) or in another province's (relation-outside-authority)")
    public Uni<RestResponse<ProcedureView>> publish(@Valid @NotNull NewProcedure body) {
        return service.publish(body, caller).map(p -> Responses.created("/api/v1/administrative-procedures/" + p.id(), p, p.version()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getAdministrativeProcedure", summary = "A procedure of the catalogue")
    @APIResponse(responseCode = "200", description = "The procedure", content = @Content(schema = @Schema(implementation = ProcedureView.class)))
    public Uni<RestResponse<ProcedureView>> get(@PathParam("id") UUID id) {
        return service.get(id).map(p -> Responses.tagged(p, p.version()));
    }

    @GET
    @Path("/{id}/due-date")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getAdministrativeProcedureDueDate", summary = "When a dossier received at a time is due",
            description = "By the procedure's processing time and the deployment's working-day calendar (weekends, holidays, Tết, "
                    + "make-up days): n working days end at office closing time on the nth working day after the day received; "
                    + "\"trong ngày\" the same working day; hours run within office hours.")
    @APIResponse(responseCode = "200", description = "The due time", content = @Content(schema = @Schema(implementation = ProcedureDtos.DueDateView.class)))
    @APIResponse(responseCode = "400", description = "receivedAt missing or not a date and time with its offset")
    public Uni<ProcedureDtos.DueDateView> dueDate(@PathParam("id") UUID id,
            @QueryParam("receivedAt") @Parameter(description = "When the dossier was received", example = "2026-02-13T15:00:00+07:00", required = true) OffsetDateTime receivedAt) {
        return service.dueDate(id, QueryParams.required("receivedAt", receivedAt));
    }

    @GET
    @ExpensiveRead(when = "q")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "listAdministrativeProcedures", summary = "National procedures and a province's localised ones, by code",
            description = "By default the caller's province's (with the provinces merged into it); national-admin sees every province's. "
                    + "The catalogue is public: provinceCode names another province.")
    @APIResponse(responseCode = "200", description = "A page of procedures")
    public Uni<Page<ProcedureView>> list(
            @Valid @BeanParam ProcedureQuery query, @Valid @BeanParam ProvinceParam province, @BeanParam PageParams paging) {
        return service.list(query.q(), query.field(), query.status(), province.provinceCode(), paging.toRequest());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "amendAdministrativeProcedure", summary = "Amend a procedure from a date (If-Match required)",
            description = "By the register's owner only: a national procedure by national-admin, a localised one by its province's "
                    + "province-admin. Publishes administrative-procedure.changed (AMENDED).")
    @APIResponse(responseCode = "200", description = "Amended", content = @Content(schema = @Schema(implementation = ProcedureView.class)))
    @APIResponse(responseCode = "409", description = "The procedure is abolished")
    public Uni<RestResponse<ProcedureView>> amend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Valid @NotNull Amendment body) {
        return service.amend(id, body, ifMatch, caller).map(p -> Responses.tagged(p, p.version()));
    }

    @POST
    @Path("/{id}/abolition")
    @RolesAllowed(Roles.REGISTER_KEEPERS)
    @Operation(operationId = "abolishAdministrativeProcedure", summary = "Abolish a procedure from a date",
            description = "By the register's owner only, as for amendments. Publishes administrative-procedure.changed (ABOLISHED).")
    @APIResponse(responseCode = "200", description = "Abolished", content = @Content(schema = @Schema(implementation = ProcedureView.class)))
    @APIResponse(responseCode = "409", description = "Already abolished")
    public Uni<ProcedureView> abolish(@PathParam("id") UUID id, @Valid @NotNull Abolition body) {
        return service.abolish(id, body, caller);
    }

    /** The filters of the TTHC catalogue. */
    public record ProcedureQuery(
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Code or words of the name or field, with or without diacritics", example = "khoa hoc cong nghe") String q,
            @QueryParam("field") @Size(max = 300) @Parameter(example = "Hoạt động khoa học và công nghệ") String field,
            @QueryParam("status") @Parameter(example = "IN_FORCE") ProcedureStatus status) {
    }
}
