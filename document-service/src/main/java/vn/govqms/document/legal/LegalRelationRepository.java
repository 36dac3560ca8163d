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

    /** The relations that end any of {@code targetIds} (repeal or replace them). */
    public Uni<List<LegalRelation>> ending(Collection<UUID> targetIds) {
        return targetIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("targetId in ?1 and kind in ?2", targetIds, List.of(RelationKind.REPEALS, RelationKind.REPLACES));
    }

    public Uni<List<LegalRelation>> from(UUID sourceId) {
        return list("sourceId", sourceId);
    }
}
