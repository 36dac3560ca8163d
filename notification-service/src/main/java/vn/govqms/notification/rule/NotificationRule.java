package vn.govqms.notification.rule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
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
@Table(name = "notification_rule")
public class NotificationRule extends TrackedEntity {

    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public RecipientKind recipientKind;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_role")
    public ContactRole recipientRole;
    @Column(name = "contact_id")
    public UUID contactId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] channels;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;
    @Column(nullable = false)
    public boolean enabled;

    public boolean isDefault() {
        return provinceCode == null;
    }
}
