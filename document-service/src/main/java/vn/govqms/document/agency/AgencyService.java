package vn.govqms.document.agency;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.agency.AgencyDtos.AgencyUpdate;
import vn.govqms.document.agency.AgencyDtos.AgencyView;
import vn.govqms.document.agency.AgencyDtos.NewAgency;
import vn.govqms.document.province.ProvinceRepository;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Registers and describes agencies; every change publishes an event and leaves an audit entry. */
@ApplicationScoped
public class AgencyService {

    @Inject AgencyRepository agencies;
    @Inject ProvinceRepository provinces;
    @Inject UnitOfWork work;
    @Inject Clock clock;

    @Inject Scope scope;

    @WithTransaction
    public Uni<AgencyView> register(NewAgency in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return agencies.findByCode(in.code())
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("An agency with code " + in.code() + " is already registered ("
                                + existing.name + ", id " + existing.id + ").");
                    }
                })
                .chain(() -> parent(in.parentId()))
                .invoke(parent -> AgencyPolicy.requireRegistrar(scope, in.provinceCode(), parent))
                .call(parent -> requireProvince(in.provinceCode()))
                .map(parent -> Agency.register(in.code(), in.name().trim(), in.level(), parent, in.provinceCode(),
                        in.validFrom(), in.validTo(), now))
                .call(agencies::persist)
                .call(agency -> work.record(() -> Outcome.of(TrailEntry.on("agency", agency.id, agency.ref()).did("registered", caller.subject(), null,
                        AgencyView.of(agency)), AgencyEvents.registered(agency, now))))
                .map(AgencyView::of);
    }

    @WithTransaction
    public Uni<AgencyView> update(UUID id, AgencyUpdate in, String ifMatch, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return require(id, true)
                .call(agency -> {
                    ETags.requireMatch(ifMatch, agency.version);
                    AgencyView before = AgencyView.of(agency);
                    return parent(in.parentId()).call(parent -> AgencyPolicy.requireMove(scope, agency, parent,
                                    () -> agencies.count("parentId", agency.id)))
                            .invoke(parent -> agency.describe(in.name().trim(), parent, in.validFrom(), in.validTo()))
                            .chain(() -> work.record(() -> Outcome.of(TrailEntry.on("agency", agency.id, agency.ref()).did("updated", caller.subject(), before,
                                    AgencyView.of(agency)), AgencyEvents.updated(agency, now))));
                })
                .map(AgencyView::of);
    }

    @WithSession
    public Uni<AgencyView> get(UUID id, Caller caller) {
        return require(id, false).map(AgencyView::of);
    }

    @WithSession
    public Uni<Page<AgencyView>> list(AgencyRepository.Filter filter, PageRequest page, Caller caller) {
        return agencies.list(filter, scope.rows(), page).map(p -> p.map(AgencyView::of));
    }

    private Uni<Agency> require(UUID id, boolean write) {
        return agencies.findById(id).map(agency -> {
            if (agency == null) {
                throw ProblemException.notFound("agency", id);
            }
            if (write) {
                scope.requireWrite(agency.ref());
            } else {
                scope.requireRead(agency.ref());
            }
            return agency;
        });
    }

    /** A province of the national register, or the central bodies' 00. */
    private Uni<Void> requireProvince(String code) {
        if (AgencyRef.CENTRAL.equals(code)) {
            return Uni.createFrom().voidItem();
        }
        return provinces.known(code).invoke(known -> {
            if (!known) {
                throw ProblemException.unprocessable("unknown-province", "Unknown province",
                        "provinceCode: " + code + " is not a province of the national register (GET /api/v1/provinces).",
                        Map.of("field", "provinceCode"));
            }
        }).replaceWithVoid();
    }

    private Uni<Agency> parent(UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return agencies.findById(parentId).map(parent -> {
            if (parent == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "parentId: no agency with id " + parentId + ".", Map.of("field", "parentId"));
            }
            return parent;
        });
    }
}
