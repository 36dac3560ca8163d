package vn.govqms.scoring.team;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.audit.AuditTrail;
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
import java.util.UUID;

/**
 * A province's assessment team for a year, a province-wide record: read by who reads the province's records, named by
 * the province's steering committee ({@code Scope.requireProvinceWrite}).
 */
@ApplicationScoped
public class AssessmentTeamService {

    private final Pool pool;
    private final AssessmentTeamRepository teams;
    private final AuditTrail trail;
    private final Caller caller;
    private final Scope scope;
    private final Clock clock;

    public AssessmentTeamService(Pool pool, AssessmentTeamRepository teams, AuditTrail trail, Caller caller, Scope scope, Clock clock) {
        this.pool = pool;
        this.teams = teams;
        this.trail = trail;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
    }

    public Uni<TeamView> get(String provinceCode, int year) {
        scope.requireProvinceRead(provinceCode);
        return teams.find(pool, provinceCode, year).map(TeamView::of);
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
        UUID[] agencies = members.stream().map(MemberInput::agencyId).distinct().toArray(UUID[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery("select id from agency_directory where id = any($1)").execute(Tuple.of(agencies))
                .chain(rows -> {
                    Set<UUID> known = new HashSet<>();
                    for (Row r : rows) {
                        known.add(r.getUUID(0));
                    }
                    for (int i = 0; i < members.size(); i++) {
                        if (!known.contains(members.get(i).agencyId())) {
                            throw ProblemException.unprocessable("unknown-reference", "Unknown reference", "No agency with id "
                                    + members.get(i).agencyId() + " is known to scoring-service.", Map.of("field", "members[" + i + "].agencyId"));
                        }
                    }
                    return teams.find(tx, provinceCode, year);
                })
                .chain(before -> teams.replace(tx, provinceCode, year, members, caller.subject(), OffsetDateTime.now(clock))
                        .chain(() -> teams.find(tx, provinceCode, year))
                        .call(after -> trail.record(tx, "assessment-team", provinceCode + "/" + year, AgencyRef.province(provinceCode),
                                "named", caller.subject(), audit(before), audit(after)))))
                .map(TeamView::of);
    }

    private static Map<String, Object> audit(AssessmentTeam team) {
        Map<String, Object> members = new LinkedHashMap<>();
        team.members().forEach(m -> members.put(m.subject(), m.agency().id() + (m.name() == null ? "" : " " + m.name())));
        return Map.of("members", members);
    }
}
