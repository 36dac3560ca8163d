package vn.govqms.notification.agency;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.agency.AgencyDirectory;
import vn.govqms.kit.agency.DirectoryAgency;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Scope;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Agencies from the kit's directory (read model of document-service's agency events): the one place an agency id becomes
 * an {@link AgencyRef}. Whether the caller may read or change it is {@link Scope}'s decision.
 */
@ApplicationScoped
public class AgencyLookup {

    @Inject AgencyDirectory directory;

    /** The agency named in a request: 422 when this service does not know it. */
    public Uni<AgencyRef> named(String field, UUID id) {
        return directory.find(id).map(found -> found.map(DirectoryAgency::ref).orElseThrow(() ->
                ProblemException.unprocessable("unknown-reference", "Unknown agency",
                        "No agency with id " + id + " is known (agencies come from document-service).", Map.of("field", field))));
    }

    /** The agency, if this service knows it. */
    public Uni<Optional<AgencyRef>> find(UUID id) {
        return directory.find(id).map(found -> found.map(DirectoryAgency::ref));
    }

    /** The agency of a stored record (a contact, a subscription): it was known when the record was made. */
    public Uni<AgencyRef> of(UUID id) {
        return directory.find(id).map(found -> found.map(DirectoryAgency::ref).orElseThrow(() ->
                new IllegalStateException("agency " + id + " is missing from the directory")));
    }

    /**
     * How a province-wide record (a steering-committee member, a province's rule or subscription) is kept in the audit
     * trail: no agency, its province, so that the trail is read by those who may read the province's records.
     */
    public static AgencyRef province(String code) {
        return new AgencyRef(null, code, null, null);
    }
}
