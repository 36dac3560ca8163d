package vn.govqms.kit.persistence;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An aggregate row: a UUID id the code assigns, optimistic locking ({@code version}, so a stale write is refused) and
 * the time it was created ({@code created_at}), taken from the kit's clock when the row is first persisted unless the
 * command set it (to the instant its events carry).
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(updatable = false)
    public OffsetDateTime createdAt;

    @PrePersist
    void beforeFirstWrite() {
        if (createdAt == null) {
            createdAt = now();
        }
    }

    /** The kit's clock (a test replaces it), read inside a Quarkus application only. */
    protected static OffsetDateTime now() {
        return OffsetDateTime.now(Arc.container().instance(Clock.class).get());
    }
}
