package vn.govqms.notification.rule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.govqms.notification.contact.ContactRole;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Event type → recipients → channels. Default rules have no province; a province's own rules for a type replace the
 * defaults for that type in that province.
 */
@Entity
@Table(name = "notification_rule")
public class NotificationRule extends PanacheEntityBase {

    @Id
    public UUID id;
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
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean isDefault() {
        return provinceCode == null;
    }
}
