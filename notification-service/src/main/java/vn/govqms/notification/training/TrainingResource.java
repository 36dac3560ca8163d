package vn.govqms.notification.training;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.Responses;
import vn.govqms.notification.training.TrainingDtos.TrainingInput;
import vn.govqms.notification.training.TrainingDtos.TrainingStatus;
import vn.govqms.notification.training.TrainingDtos.TrainingView;

import java.util.UUID;

@Path("/api/v1/contacts/{contactId}/trainings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trainings", description = "Đào tạo của cán bộ ISO và người liên hệ: khóa học, thời gian, chứng chỉ")
public class TrainingResource {

    @Inject TrainingService service;
    @Inject Caller caller;

    @POST
    @RolesAllowed(Roles.QMS_KEEPERS_OR_TENANT_ADMINS)
    @Operation(operationId = "recordTraining", summary = "Record a training the contact attended (by whoever may change the contact); clears its untrained-officer flag")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (e.g. trainedOn after today)")
    public Uni<RestResponse<TrainingView>> record(@PathParam("contactId") UUID contactId, @Valid @NotNull TrainingInput body) {
        return service.record(contactId, body, caller).map(t -> Responses.created("/api/v1/contacts/" + contactId + "/trainings", t));
    }

    @GET
    @RolesAllowed(Roles.QMS_KEEPERS_OR_ADMINS)
    @Operation(operationId = "listTrainings", summary = "The contact's trainings, the latest first")
    @APIResponse(responseCode = "200", description = "A page of trainings")
    public Uni<Page<TrainingView>> list(@PathParam("contactId") UUID contactId, @BeanParam PageParams paging) {
        return service.list(contactId, paging.toRequest());
    }

    @GET
    @Path("/status")
    @RolesAllowed(Roles.QMS_KEEPERS_OR_ADMINS)
    @Operation(operationId = "trainingStatus", summary = "Whether the contact, as ISO officer, is trained, by when it must be, and whether it is flagged")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(schema = @Schema(implementation = TrainingStatus.class)))
    public Uni<TrainingStatus> status(@PathParam("contactId") UUID contactId) {
        return service.status(contactId);
    }
}
