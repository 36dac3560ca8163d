package vn.govqms.kit.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import java.time.OffsetDateTime;

/**
 * A {@link VersionedEntity} that also says when it last changed ({@code updated_at}): set when it is created and on
 * every flush that writes it, so commands change state and never the timestamp. A command that changes only rows
 * belonging to the aggregate (its entries, postings) marks the aggregate changed with {@link #touch()}.
 */
@MappedSuperclass
public abstract class TrackedEntity extends VersionedEntity {

    public OffsetDateTime updatedAt;

    @PrePersist
    void beforeFirstWriteTracked() {
        if (updatedAt == null) {
            updatedAt = createdAt != null ? createdAt : now();
        }
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = now();
    }

    /** Marks the aggregate changed (a new version, a new {@code updated_at}) when only its parts changed. */
    public void touch() {
        updatedAt = now();
    }
}
