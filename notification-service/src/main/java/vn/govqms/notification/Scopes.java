package vn.govqms.notification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.agency.AgencyDirectory;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;

import java.util.Map;
import java.util.UUID;

/** Agencies from the directory read model, for the scope decisions that {@link Caller} makes. */
@ApplicationScoped
public class Scopes {

    private final AgencyDirectory directory;

    public Scopes(AgencyDirectory directory) {
        this.directory = directory;
    }

    /** The agency named in input; 422 when this service does not know it. */
    public Uni<AgencyRef> agency(String field, UUID id) {
        return directory.find(id).map(found -> found.map(a -> new AgencyRef(a.id(), a.provinceCode())).orElseThrow(() ->
                ProblemException.unprocessable("unknown-reference", "Unknown agency",
                        "No agency with id " + id + " is known (agencies come from document-service).", Map.of("field", field))));
    }

    /** The caller's own province; 403 when its token names none. */
    public static String province(Caller caller) {
        return caller.provinceCode().orElseThrow(() -> ProblemException.forbidden("Your token names no province."));
    }

    /** The caller's own agency; 403 when its token names none. */
    public static UUID ownAgency(Caller caller) {
        return caller.agencyId().orElseThrow(() -> ProblemException.forbidden("Your token names no agency."));
    }
}
