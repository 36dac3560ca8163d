package vn.govqms.notification.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.govqms.kit.persistence.TrackedEntity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outside system's subscription to events of a province (or of one agency in it). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends TrackedEntity {

    @Column(name = "province_code", nullable = false)
    public String provinceCode;
    @Column(name = "agency_id")
    public UUID agencyId;
    @Column(nullable = false)
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    public String[] eventTypes;
    /**
     * The key of the Standard Webhooks signature ({@code whsec_<base64>}), sealed by {@link SecretBox} with the key
     * {@link #secretKeyId} names (no key id: plain, stored before secrets were encrypted, until the next start seals it).
     */
    @Column(nullable = false)
    public String secret;
    @Column(name = "secret_key_id")
    public String secretKeyId;
    /** After a rotation, the secret that still signs too until {@link #previousSecretExpiresAt}; sealed like {@link #secret}. */
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public OffsetDateTime previousSecretExpiresAt;
    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;
    public String description;
    @Column(nullable = false)
    public boolean active;
    /** Made by a one-stop-shop system (role integration): receives only what that role reads (event.IntegrationView). */
    @Column(name = "for_integration", nullable = false)
    public boolean forIntegration;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
