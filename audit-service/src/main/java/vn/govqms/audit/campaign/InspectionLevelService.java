package vn.govqms.audit.campaign;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.audit.AuditConfig;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.campaign.CampaignDtos.LevelsInput;
import vn.govqms.audit.campaign.CampaignDtos.LevelsView;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The agency levels each province's campaigns include: the law's (deployment configuration) and the province's choice. */
@ApplicationScoped
public class InspectionLevelService {

    private final InspectionLevels levels;
    private final Scope scope;
    private final UnitOfWork work;
    private final Clock clock;

    public InspectionLevelService(AuditConfig config, Scope scope, UnitOfWork work, Clock clock) {
        this.levels = InspectionLevels.of(config.inspection());
        this.scope = scope;
        this.work = work;
        this.clock = clock;
    }

    @WithSession
    public Uni<LevelsView> get(String provinceCode) {
        scope.requireProvinceRead(provinceCode);
        return ProvinceLevels.<ProvinceLevels>findById(provinceCode).map(row -> view(provinceCode, row));
    }

    /** The province's steering committee chooses which encouraged levels its campaigns include (If-Match; "0" at first). */
    @WithTransaction
    public Uni<LevelsView> set(String provinceCode, LevelsInput in, String ifMatch, Caller caller) {
        scope.requireProvinceWrite(provinceCode);
        List<String> chosen = levels.choose(in.includedLevels());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return ProvinceLevels.<ProvinceLevels>findById(provinceCode).chain(existing -> {
            ETags.requireMatch(ifMatch, existing == null ? 0 : existing.version);
            List<String> before = ProvinceLevels.included(existing);
            ProvinceLevels row = existing;
            if (row == null) {
                row = new ProvinceLevels();
                row.provinceCode = provinceCode;
                row.version = 1;
            }
            row.includedLevels = String.join(",", chosen);
            row.updatedBy = caller.subject();
            row.updatedAt = now;
            ProvinceLevels saved = row;
            Uni<Void> stored = existing == null ? saved.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            return stored.chain(() -> work.record(() -> Outcome.of(TrailEntry.on("inspection-levels", provinceCode, AgencyLookup.province(provinceCode))
                            .did("levels-set", caller.subject(), Map.of("includedLevels", before), Map.of("includedLevels", chosen)))))
                    .map(x -> view(provinceCode, saved));
        });
    }

    /** The levels a campaign of the province starting on {@code periodStart} must include. */
    public Uni<List<String>> required(String provinceCode, LocalDate periodStart) {
        return ProvinceLevels.<ProvinceLevels>findById(provinceCode)
                .map(row -> levels.required(ProvinceLevels.included(row), periodStart));
    }

    private LevelsView view(String provinceCode, ProvinceLevels row) {
        return new LevelsView(provinceCode, List.copyOf(new TreeSet<>(levels.mandatory())), List.copyOf(new TreeSet<>(levels.encouraged())),
                ProvinceLevels.included(row), levels.districtLevelEnded(), levels.required(ProvinceLevels.included(row), LocalDate.now(clock)),
                row == null ? null : row.updatedBy, row == null ? null : row.updatedAt, row == null ? 0 : row.version);
    }
}
