package vn.govqms.scoring.team;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.security.AgencyRef;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The members of a province's assessment team for a year, with their agencies as the directory knows them. */
@ApplicationScoped
public class AssessmentTeamRepository {

    public Uni<AssessmentTeam> find(SqlClient db, String provinceCode, int year) {
        return db.preparedQuery("""
                        select m.subject, m.agency_id, m.name, d.name as agency_name, d.province_code, d.root_id, d.valid_to
                        from assessment_team_member m left join agency_directory d on d.id = m.agency_id
                        where m.province_code = $1 and m.year = $2 order by m.name nulls last, m.subject""")
                .execute(Tuple.of(provinceCode, year)).map(rows -> {
                    List<AssessmentTeam.Member> members = new ArrayList<>();
                    for (Row r : rows) {
                        UUID agency = r.getUUID("agency_id");
                        members.add(new AssessmentTeam.Member(r.getString("subject"),
                                new AgencyRef(agency, r.getString("province_code"), r.getUUID("root_id"), r.getLocalDate("valid_to")),
                                r.getString("agency_name"), r.getString("name")));
                    }
                    return new AssessmentTeam(provinceCode, year, members);
                });
    }

    /** The team becomes {@code members} (subject, agency id, name), nobody else; a member kept as named keeps when and by whom. */
    public Uni<Void> replace(SqlClient tx, String provinceCode, int year, List<AssessmentTeamDtos.MemberInput> members, String who,
                             OffsetDateTime now) {
        String[] subjects = members.stream().map(m -> m.subject().trim()).toArray(String[]::new);
        UUID[] agencies = members.stream().map(AssessmentTeamDtos.MemberInput::agencyId).toArray(UUID[]::new);
        String[] names = members.stream().map(m -> m.name() == null || m.name().isBlank() ? null : m.name().trim()).toArray(String[]::new);
        return tx.preparedQuery("delete from assessment_team_member where province_code = $1 and year = $2 and not (subject = any($3))")
                .execute(Tuple.of(provinceCode, year, subjects))
                .chain(() -> tx.preparedQuery("""
                                insert into assessment_team_member (province_code, year, subject, agency_id, name, named_by, named_at)
                                select $1, $2, m.subject, m.agency_id, m.name, $6, $7
                                from unnest($3::text[], $4::uuid[], $5::text[]) as m(subject, agency_id, name)
                                on conflict (province_code, year, subject) do update
                                    set agency_id = excluded.agency_id, name = excluded.name, named_by = excluded.named_by,
                                        named_at = excluded.named_at
                                    where (assessment_team_member.agency_id, assessment_team_member.name)
                                          is distinct from (excluded.agency_id, excluded.name)""")
                        .execute(Tuple.from(new Object[] {provinceCode, year, subjects, agencies, names, who, now})))
                .replaceWithVoid();
    }
}
