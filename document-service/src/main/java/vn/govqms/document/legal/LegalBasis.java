package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * "This rests on that legal document" (căn cứ pháp lý): a link of an owner (a document version, an administrative
 * procedure) to a legal document of the register. Each owner kind keeps its links in a table of its own and names its
 * owner column there ({@code AttributeOverride} of {@code ownerId}).
 */
@MappedSuperclass
@IdClass(LegalBasis.Key.class)
public abstract class LegalBasis extends PanacheEntityBase {

    /** The version or procedure that rests on the legal document. */
    @Id
    public UUID ownerId;

    @Id
    public UUID legalDocumentId;

    /**
     * Makes an owner's links exactly {@code wanted}, one way: the links already there and still wanted stay (no churn
     * in the audit of who cited what since when), the others are deleted, the new ones added.
     *
     * @param existing the owner's links as read
     * @param ownerId  the owner
     * @param wanted   the legal documents it rests on from now
     * @param blank    a new, empty link of the owner's kind
     */
    public static <L extends LegalBasis> Uni<Void> replace(List<L> existing, UUID ownerId, Collection<UUID> wanted, Supplier<L> blank) {
        Set<UUID> kept = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (L l : existing) {
            if (wanted.contains(l.legalDocumentId)) {
                kept.add(l.legalDocumentId);
            } else {
                chain = chain.chain(l::delete);
            }
        }
        for (UUID id : new LinkedHashSet<>(wanted)) {
            if (!kept.contains(id)) {
                L added = blank.get();
                added.ownerId = ownerId;
                added.legalDocumentId = id;
                chain = chain.chain(() -> added.persist().replaceWithVoid());
            }
        }
        return chain;
    }

    /** The composite key. */
    public record Key(UUID ownerId, UUID legalDocumentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
