package vn.govqms.scoring.dossier;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.security.Roles;
import vn.govqms.scoring.support.AgencyLookup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "One-stop-shop dossiers", description = "Hồ sơ TTHC từ hệ thống một cửa: sự kiện trạng thái và chỉ số giải quyết")
public class DossierResource {

    static final String EXAMPLE = """
            {"items":[
              {"dossierCode":"000.00.53.H48-220921-0099","agencyCode":"000.00.53.H48","tthcCode":"1.001612.000.00.00.H48","channel":"ONLINE",
               "status":"RECEIVED","occurredAt":"2022-09-21T08:15:00+07:00","dueAt":"2022-09-30T17:00:00+07:00"},
              {"dossierCode":"000.00.53.H48-220921-0099","agencyCode":"000.00.53.H48","tthcCode":"1.001612.000.00.00.H48","channel":"ONLINE",
               "status":"RESOLVED","occurredAt":"2022-09-28T15:30:00+07:00","dueAt":"2022-09-30T17:00:00+07:00"}]}""";

    @Inject DossierIngestion ingestion;
    @Inject DossierKpis kpis;
    @Inject AgencyLookup agencies;
    @Inject Scope scope;
    @Inject Clock clock;

    @POST
    @Path("/dossier-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(operationId = "ingestDossierEvents", summary = "A batch of up to 5,000 dossier status events from a one-stop-shop system",
            description = "Each item is checked on its own: good items are stored, bad ones are listed in errors (index, field, message); the answer "
                    + "is 200 for any well-formed batch. Idempotent per dossier code + status + occurredAt: a resent item counts as a duplicate "
                    + "and changes nothing. Agencies by electronic code (agencyCode) or id (agencyId), within the token's province (claim province_code).")
    @RequestBody(content = @Content(schema = @Schema(implementation = DossierDtos.Batch.class), examples = @ExampleObject(name = "Tiếp nhận và trả kết quả", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Counts, and the items refused with why", content = @Content(schema = @Schema(implementation = DossierDtos.Result.class)))
    @APIResponse(responseCode = "400", description = "Not a batch (malformed JSON, no items, more than 5,000)")
    @APIResponse(responseCode = "413", description = "Body over 4 MB")
    public Uni<DossierDtos.Result> ingest(@Valid @NotNull DossierDtos.Batch body) {
        return ingestion.ingest(body.items(), scope.rows());
    }

    @GET
    @Path("/kpis")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "dossierKpis", summary = "Dossier KPIs per agency (or per agency and TTHC) over a period, of one agency or of every agency the caller may list",
            description = "Received and resolved in the period; resolved early (a day before the due day), on time (by the due time) and late; "
                    + "on-time rate (resolved by the due time over resolved); average processing days; apology slips.")
    @APIResponse(responseCode = "200", description = "A page of KPIs", content = @Content(schema = @Schema(implementation = DossierDtos.KpiPage.class)))
    public Uni<DossierDtos.KpiPage> kpis(@Valid @BeanParam KpiQuery query, @BeanParam PageParams paging) {
        UUID agency = query.agencyId();
        LocalDate start = query.from();
        LocalDate end = query.to();
        if (start == null) {
            start = LocalDate.of(LocalDate.now(clock).getYear(), 1, 1);
        }
        if (end == null) {
            end = LocalDate.of(start.getYear(), 12, 31);
        }
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("to", "on or after from");
        }
        String tthc = query.tthcCode();
        boolean byTthc = query.groupBy() == GroupBy.TTHC;
        var page = paging.toRequest();
        LocalDate s = start;
        LocalDate e = end;
        if (agency != null) {
            return agencies.require(agency).invoke(a -> scope.requireRead(a.ref())).chain(a -> kpis.kpis(a.id(), null, s, e, tthc, byTthc, page));
        }
        return kpis.kpis(null, scope.rows(), s, e, tthc, byTthc, page);
    }

    /** What the KPIs are grouped by. */
    public enum GroupBy { AGENCY, TTHC }

    /** The filters of the dossier KPIs. */
    public record KpiQuery(
            @QueryParam("agencyId") UUID agencyId,
            @QueryParam("from") @Parameter(description = "Default: 1 January of the current year", example = "2022-01-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "Inclusive; default: 31 December of the year of from", example = "2022-12-31") LocalDate to,
            @QueryParam("tthcCode") @Size(max = 100) @Parameter(example = "1.001612.000.00.00.H48") String tthcCode,
            @QueryParam("groupBy") @Parameter(description = "AGENCY (default) or TTHC", example = "TTHC") GroupBy groupBy) {
    }
}
