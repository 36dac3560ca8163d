package vn.govqms.document.merge;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyDtos.NewAgency;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.agency.AgencyService;
import vn.govqms.document.qms.QmsConfig;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The successor of a merger or of a split part: found or registered, then taken on with the checks both make. */
@ApplicationScoped
class Successors {

    @Inject AgencyRepository agencies;
    @Inject AgencyService agencyService;
    @Inject Scope scope;
    @Inject ProvinceRegister provinces;
    @Inject QmsConfig qms;

    /** The agency {@code id} (422 when unknown), else {@code fresh} registered to start on {@code effective}. */
    Uni<Agency> find(UUID id, NewAgency fresh, LocalDate effective, String freshField, Caller caller) {
        if (id != null) {
            return agencies.findById(id).map(a -> {
                if (a == null) {
                    throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                            "successorId: no agency with id " + id + ".", Map.of("field", "successorId"));
                }
                return a;
            });
        }
        NewAgency withStart = Continuity.startingOn(fresh, effective, freshField);
        return agencyService.register(withStart, caller).chain(view -> agencies.findById(view.id()));
    }

    /** The caller may change it, it may continue {@code sources} from {@code effective}, and it must announce its QMS again. */
    void takeOn(Agency successor, List<Agency> sources, LocalDate effective, String reason) {
        scope.requireWrite(successor.ref());
        Continuity.requireSuccessor(successor, sources, effective, provinces.successions());
        successor.requireReannouncement(reason, effective, effective.plus(qms.reannounceWithin()));
    }
}
