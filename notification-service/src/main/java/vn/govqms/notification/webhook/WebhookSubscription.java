package vn.govqms.notification.webhook;

import jakarta.persistence.Entity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.govqms.kit.persistence.TrackedEntity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outside system's subscription to events of a province (or of one agency in it). */
@Entity
public class WebhookSubscription extends TrackedEntity {

    public String provinceCode;
    public UUID agencyId;
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] eventTypes;
    /**
     * The key of the Standard Webhooks signature ({@code whsec_<base64>}), sealed by {@link SecretBox} with the key
     * {@link #secretKeyId} names (no key id: plain, stored before secrets were encrypted, until the next start seals it).
     */
    public String secret;
    public String secretKeyId;
    /** After a rotation, the secret that still signs too until {@link #previousSecretExpiresAt}; sealed like {@link #secret}. */
    public String previousSecret;
    public OffsetDateTime previousSecretExpiresAt;
    public OffsetDateTime secretRotatedAt;
    public String description;
    public boolean active;
    /** Made by a one-stop-shop system (role integration): receives only what that role reads (event.IntegrationView). */
    public boolean forIntegration;
    public String createdBy;
}
