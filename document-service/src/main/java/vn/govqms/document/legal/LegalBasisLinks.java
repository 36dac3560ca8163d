package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The links "this rests on that legal document" (căn cứ pháp lý) of a document version or of an administrative
 * procedure, replaced one way: the links already there and still wanted stay (no churn in the audit of who cited what
 * since when), the others are deleted, the new ones added.
 */
public final class LegalBasisLinks {

    private LegalBasisLinks() {
    }

    /**
     * @param existing        the owner's links as read
     * @param wanted          the legal documents it rests on from now
     * @param legalDocumentId a link's legal document
     * @param link            a new link of the owner to a legal document
     */
    public static <L extends PanacheEntityBase> Uni<Void> replace(List<L> existing, Collection<UUID> wanted,
                                                                   Function<L, UUID> legalDocumentId, Function<UUID, L> link) {
        Set<UUID> kept = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (L l : existing) {
            if (wanted.contains(legalDocumentId.apply(l))) {
                kept.add(legalDocumentId.apply(l));
            } else {
                chain = chain.chain(l::delete);
            }
        }
        for (UUID id : new LinkedHashSet<>(wanted)) {
            if (!kept.contains(id)) {
                L added = link.apply(id);
                chain = chain.chain(() -> added.persist().replaceWithVoid());
            }
        }
        return chain;
    }
}
