package vn.govqms.notification.rule;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.notification.contact.ContactRole;

import java.util.UUID;

/**
 * Event type → recipients → channels. Default rules have no province; a province's own rules for a type replace the
 * defaults for that type in that province.
 */
@Entity
public class NotificationRule extends TrackedEntity {

    public String provinceCode;
    public String eventType;
    @Enumerated(EnumType.STRING)
    public RecipientKind recipientKind;
    @Enumerated(EnumType.STRING)
    public ContactRole recipientRole;
    public UUID contactId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] channels;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public boolean enabled;

    public boolean isDefault() {
        return provinceCode == null;
    }
}
