package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LegalRelationRepository implements PanacheRepositoryBase<LegalRelation, UUID> {

    /** Every relation from or to any of {@code ids}. */
    public Uni<List<LegalRelation>> touching(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("sourceId in ?1 or targetId in ?1", ids);
    }

    public Uni<List<LegalRelation>> from(UUID sourceId) {
        return list("sourceId", sourceId);
    }
}
