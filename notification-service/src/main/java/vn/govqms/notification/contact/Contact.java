package vn.govqms.notification.contact;

import io.vertx.mutiny.sqlclient.Row;
import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.govqms.kit.persistence.TrackedEntity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/** A person to tell: in an agency (with roles there) or in a province's steering committee (no agency). */
@Entity
public class Contact extends TrackedEntity {

    public UUID agencyId;
    public String provinceCode;
    public String subject;
    public String name;
    public String email;
    public String language;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;
    public boolean digest;
    /** The day the contact became the agency's ISO officer (null unless {@link ContactRole#ISO_OFFICER} is among its roles). */
    public LocalDate isoOfficerSince;

    /** A contact read with plain SQL (the lists, filtered by the caller's scope). */
    static Contact from(Row r) {
        Contact c = new Contact();
        c.id = r.getUUID("id");
        c.agencyId = r.getUUID("agency_id");
        c.provinceCode = r.getString("province_code");
        c.subject = r.getString("subject");
        c.name = r.getString("name");
        c.email = r.getString("email");
        c.language = r.getString("language");
        c.roles = r.getArrayOfStrings("roles");
        c.digest = r.getBoolean("digest");
        c.isoOfficerSince = r.getLocalDate("iso_officer_since");
        c.version = r.getLong("version");
        c.createdAt = r.getOffsetDateTime("created_at");
        c.updatedAt = r.getOffsetDateTime("updated_at");
        return c;
    }

    public boolean steeringCommittee() {
        return agencyId == null;
    }

    public boolean isoOfficer() {
        return Arrays.asList(roles).contains(ContactRole.ISO_OFFICER.name());
    }
}
