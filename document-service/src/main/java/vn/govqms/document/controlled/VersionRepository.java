package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VersionRepository implements PanacheRepositoryBase<DocumentVersion, UUID> {

    public Uni<DocumentVersion> byRevision(UUID documentId, int revision) {
        return find("documentId = ?1 and revision = ?2", documentId, revision).firstResult();
    }

    public Uni<List<DocumentVersion>> ofDocument(UUID documentId) {
        return list("documentId", Sort.by("revision"), documentId);
    }

    /** The newest version of each of {@code documentIds}, or the newest that was issued. */
    public Uni<List<DocumentVersion>> latestOf(Collection<UUID> documentIds, boolean issuedOnly) {
        return documentIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("from DocumentVersion dv where dv.documentId in ?1 and dv.revision = "
                + "(select max(v.revision) from DocumentVersion v where v.documentId = dv.documentId"
                + (issuedOnly ? " and v.issuedAt is not null)" : ")"), documentIds);
    }

    public Uni<List<DocumentVersion>> issued(UUID documentId) {
        return list("documentId = ?1 and status = ?2", documentId, VersionStatus.ISSUED);
    }
}
