package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** "{@code source} amends / replaces / repeals / guides {@code target}". */
@Entity
@Table(name = "legal_relation")
public class LegalRelation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RelationKind kind;

    @Column(name = "target_id", nullable = false)
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
