package vn.govqms.kit.agency;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.security.Roles;

import java.util.UUID;

/** Read-only access to this service's copy of the agency directory. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agency directory", description = "Agencies as this service knows them from document-service's events")
@IfBuildProperty(name = "govqms.agency-directory.enabled", stringValue = "true")
public class AgencyDirectoryResource {

    @Inject AgencyDirectory directory;
    @Inject Scope scope;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_READER)
    @Operation(operationId = "getDirectoryAgency", summary = "An agency of this service's directory")
    @APIResponse(responseCode = "200", description = "The agency", content = @Content(schema = @Schema(implementation = DirectoryAgency.class)))
    public Uni<DirectoryAgency> get(@PathParam("id") UUID id) {
        return directory.find(id).map(found -> {
            DirectoryAgency a = found.orElseThrow(() -> ProblemException.notFound("agency", id));
            scope.requireRead(a.ref());
            return a;
        });
    }
}
