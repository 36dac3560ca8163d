package vn.govqms.kit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import vn.govqms.kit.web.QueryParams;
import jakarta.validation.constraints.Size;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageParams;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the audit trail of one resource back. A caller sees the entries of agencies in its scope;
 * entries of province-wide resources (no agency) are for province roles.
 */
@Path("/api/v1/audit-trail")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Who changed what, and when")
public class AuditTrailResource {

    @Inject Pool pool;
    @Inject Scope scope;
    @Inject ObjectMapper json;

    @GET
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(operationId = "listAuditTrail", summary = "The recorded changes of one resource, oldest first")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public Uni<Page<AuditEntry>> list(
            @QueryParam("resourceType") @Size(max = 100) @Parameter(description = "e.g. agency, document", example = "agency", required = true) String resourceType,
            @QueryParam("resourceId") @Size(max = 200) @Parameter(description = "The resource's id", required = true) String resourceId,
            @BeanParam PageParams paging) {
        QueryParams.required("resourceType", resourceType);
        QueryParams.required("resourceId", resourceId);
        PageRequest page = paging.toRequest();
        return pool.preparedQuery("""
                        select t.*, count(*) over () as total from audit_trail t
                        where t.resource_type = $1 and t.resource_id = $2 order by t.id limit $3 offset $4""")
                .execute(Tuple.of(resourceType, resourceId, page.size(), page.offset()))
                .map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        UUID agency = r.getUUID("agency_id");
                        String province = r.getString("province_code");
                        // an agency's records, a province's (no agency), or a national register's (neither): public
                        boolean visible = agency != null ? scope.mayRead(new AgencyRef(agency, province, r.getUUID("root_id"), null))
                                : province == null || scope.mayReadProvince(province);
                        if (!visible) {
                            throw ProblemException.forbidden("The audit trail of this resource is outside your scope.");
                        }
                        entries.add(new AuditEntry(r.getLong("id"), r.getString("resource_type"), r.getString("resource_id"),
                                agency, r.getString("action"), r.getString("actor"), r.getOffsetDateTime("at"),
                                readTree(r.getString("changes"))));
                    }
                    return Page.of(entries, page, total);
                });
    }

    private JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(s);
        }
    }
}
