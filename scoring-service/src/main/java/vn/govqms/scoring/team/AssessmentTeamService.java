package vn.govqms.scoring.team;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.scoring.team.AssessmentTeamDtos.MemberInput;
import vn.govqms.scoring.team.AssessmentTeamDtos.TeamView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A province's assessment team for a year, a province-wide record: read by who reads the province's records, named by
 * the province's steering committee ({@code Scope.requireProvinceWrite}). Its members are {@link AssessmentTeamMember}
 * entities, replaced as a whole in one transaction.
 */
@ApplicationScoped
public class AssessmentTeamService {

    @Inject AssessmentTeams teams;
    @Inject UnitOfWork work;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    public Uni<TeamView> get(String provinceCode, int year) {
        scope.requireProvinceRead(provinceCode);
        return teams.find(provinceCode, year).map(TeamView::of);
    }

    /** The team becomes the members given; each named once, each of an agency the directory knows (422 otherwise). */
    public Uni<TeamView> replace(String provinceCode, int year, List<MemberInput> members) {
        scope.requireProvinceWrite(provinceCode);
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (!subjects.add(members.get(i).subject().trim())) {
                throw ProblemException.invalidField("members[" + i + "].subject", "names " + members.get(i).subject().trim() + " a second time");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> teams.known(members.stream().map(MemberInput::agencyId).distinct().toList())
                .invoke(known -> {
                    for (int i = 0; i < members.size(); i++) {
                        if (!known.contains(members.get(i).agencyId())) {
                            throw ProblemException.unprocessable("unknown-reference", "Unknown reference", "No agency with id "
                                    + members.get(i).agencyId() + " is known to scoring-service.", Map.of("field", "members[" + i + "].agencyId"));
                        }
                    }
                })
                .chain(() -> teams.find(provinceCode, year))
                .chain(before -> teams.members(provinceCode, year).chain(current -> {
                    Map<String, AssessmentTeamMember> bySubject = current.stream()
                            .collect(Collectors.toMap(m -> m.key.subject, Function.identity()));
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (AssessmentTeamMember m : current) {
                        if (!subjects.contains(m.key.subject)) {
                            done = done.chain(m::delete);
                        }
                    }
                    for (MemberInput in : members) {
                        String subject = in.subject().trim();
                        String name = in.name() == null || in.name().isBlank() ? null : in.name().trim();
                        AssessmentTeamMember m = bySubject.get(subject);
                        if (m != null) {
                            m.rename(in.agencyId(), name, caller.subject(), now);
                        } else {
                            AssessmentTeamMember added = AssessmentTeamMember.named(provinceCode, year, subject, in.agencyId(), name,
                                    caller.subject(), now);
                            done = done.chain(() -> added.persist().replaceWithVoid());
                        }
                    }
                    return done.chain(() -> Panache.getSession()).chain(session -> session.flush())
                            .chain(() -> teams.find(provinceCode, year))
                            .call(after -> work.record(() -> Outcome.of(TrailEntry.on("assessment-team", provinceCode + "/" + year, AgencyRef.province(provinceCode))
                                    .did("named", caller.subject(), audit(before), audit(after)))));
                })))
                .map(TeamView::of);
    }

    private static Map<String, Object> audit(AssessmentTeam team) {
        Map<String, Object> members = new LinkedHashMap<>();
        team.members().forEach(m -> members.put(m.subject(), m.agency().id() + (m.name() == null ? "" : " " + m.name())));
        return Map.of("members", members);
    }
}
