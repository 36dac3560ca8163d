package vn.govqms.scoring.live;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.validation.Valid;
import vn.govqms.kit.web.YearParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live indicators and score", description = "Chỉ số và điểm trực tuyến của cơ quan, cập nhật từ sự kiện")
@APIResponse(responseCode = "400", description = "Invalid year")
@APIResponse(responseCode = "404", description = "Agency unknown to this service")
public class AgencyScoreResource {

    @Inject AgencyScoreService service;

    @GET
    @Path("/{id}/indicators")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getAgencyIndicators", summary = "An agency's live indicators for a year, with the events that moved them last")
    @APIResponse(responseCode = "200", description = "The indicators", content = @Content(schema = @Schema(implementation = LiveDtos.IndicatorsView.class)))
    public Uni<LiveDtos.IndicatorsView> indicators(@PathParam("id") UUID id,
                                                   @Valid @BeanParam YearParam year) {
        return service.indicators(id, year.year());
    }

    @GET
    @Path("/{id}/score")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "getAgencyLiveScore", summary = "An agency's live score: the active criteria set applied to its indicators and latest manual points")
    @APIResponse(responseCode = "200", description = "The live score per criterion, its band, and the events that moved it last",
            content = @Content(schema = @Schema(implementation = LiveDtos.ScoreView.class)))
    public Uni<LiveDtos.ScoreView> score(@PathParam("id") UUID id,
                                         @Valid @BeanParam YearParam year) {
        return service.score(id, year.year());
    }
}
