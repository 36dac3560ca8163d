package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.util.UUID;

/** "{@code source} amends / replaces / repeals / guides {@code target}". */
@Entity
public class LegalRelation extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID sourceId;

    @Enumerated(EnumType.STRING)
    public RelationKind kind;
    public UUID targetId;

    /** Which articles an amendment touches, e.g. "Điều 4, Điều 7". */
    public String articles;

    public static LegalRelation of(UUID source, RelationKind kind, UUID target, String articles) {
        LegalRelation r = new LegalRelation();
        r.id = UUID.randomUUID();
        r.sourceId = source;
        r.kind = kind;
        r.targetId = target;
        r.articles = articles;
        return r;
    }
}
