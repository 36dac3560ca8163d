package vn.govqms.scoring.team;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.scoring.support.AgencyLookup;

import java.util.List;
import java.util.UUID;

/** A province's assessment team for a year, its members with their agencies as the directory knows them. */
@ApplicationScoped
public class AssessmentTeams {

    @Inject AgencyLookup agencies;

    /** The members named, by name (unnamed last), then subject. */
    Uni<List<AssessmentTeamMember>> members(String provinceCode, int year) {
        return AssessmentTeamMember.list("key.provinceCode = ?1 and key.year = ?2 order by name nulls last, key.subject", provinceCode, year);
    }

    /** The team; a member whose agency the directory has lost keeps only the agency's id. */
    public Uni<AssessmentTeam> find(String provinceCode, int year) {
        return Panache.withSession(() -> members(provinceCode, year)).chain(members -> agencies.findAll(
                members.stream().map(m -> m.agencyId).distinct().toList()).map(known -> new AssessmentTeam(provinceCode, year,
                members.stream().map(m -> {
                    AgencyLookup.Agency a = known.get(m.agencyId);
                    return new AssessmentTeam.Member(m.key.subject, a != null ? a.ref() : new AgencyRef(m.agencyId, null, null, null),
                            a != null ? a.name() : null, m.name);
                }).toList())));
    }

    /** The ids among {@code ids} the directory knows. */
    Uni<List<UUID>> known(List<UUID> ids) {
        return agencies.findAll(ids).map(found -> List.copyOf(found.keySet()));
    }
}
