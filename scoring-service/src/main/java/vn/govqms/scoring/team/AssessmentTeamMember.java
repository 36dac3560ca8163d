package vn.govqms.scoring.team;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** An auditor named on a province's assessment team for a year: the token's subject, its agency, its name. */
@Entity
public class AssessmentTeamMember extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public UUID agencyId;
    public String name;
    public String namedBy;
    public OffsetDateTime namedAt;

    /** A member of a team: the province, the year, the auditor's subject. */
    @Embeddable
    public static class Key implements Serializable {
        public String provinceCode;
        public int year;
        public String subject;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && year == k.year && provinceCode.equals(k.provinceCode) && subject.equals(k.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provinceCode, year, subject);
        }
    }

    static AssessmentTeamMember named(String provinceCode, int year, String subject, UUID agencyId, String name, String who,
                                      OffsetDateTime now) {
        AssessmentTeamMember m = new AssessmentTeamMember();
        m.key = new Key();
        m.key.provinceCode = provinceCode;
        m.key.year = year;
        m.key.subject = subject;
        m.rename(agencyId, name, who, now);
        return m;
    }

    /** Named again: a member whose agency and name stay as they were keeps when and by whom it was named. */
    void rename(UUID agencyId, String name, String who, OffsetDateTime now) {
        if (Objects.equals(this.agencyId, agencyId) && Objects.equals(this.name, name)) {
            return;
        }
        this.agencyId = agencyId;
        this.name = name;
        this.namedBy = who;
        this.namedAt = now;
    }
}
