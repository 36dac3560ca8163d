package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.text.VietnameseText;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class LegalDocumentRepository implements PanacheRepositoryBase<LegalDocument, UUID> {

    /**
     * Filters of the register; null means any. {@code national} true: national documents only; false: provincial
     * ones only; null: both. {@code provinces}: the provinces whose own documents are listed.
     */
    public record Filter(String text, LegalDocumentType type, Boolean national, Registers.Listing provinces) {
    }

    /** The document of {@code number} in one register: the national one ({@code provinceCode} null) or a province's own. */
    public Uni<LegalDocument> findByNumber(String number, String provinceCode) {
        return provinceCode == null ? find("number = ?1 and provinceCode is null", number).firstResult()
                : find("number = ?1 and provinceCode = ?2", number, provinceCode).firstResult();
    }

    /** Every register's document of {@code number}: the national one and provinces' own. */
    public Uni<List<LegalDocument>> allByNumber(String number) {
        return list("number", number);
    }

    public Uni<List<LegalDocument>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    public Uni<Page<LegalDocument>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("type", f.type());
        if (f.text() != null) {
            where.add("searchText like :text", Map.of("text", VietnameseText.containsPattern(f.text())));
        }
        Registers.Listing listed = f.provinces();
        if (Boolean.TRUE.equals(f.national())) {
            where.add("provinceCode is null", Map.of());
        } else if (!listed.everyProvince()) {
            where.add(Boolean.FALSE.equals(f.national()) ? "provinceCode in :provinces" : "(provinceCode is null or provinceCode in :provinces)",
                    Map.of("provinces", listed.provinces().isEmpty() ? List.of("") : List.copyOf(listed.provinces())));
        } else if (Boolean.FALSE.equals(f.national())) {
            where.add("provinceCode is not null", Map.of());
        }
        return Pages.of(find(where.jpql(), Sort.by("effectiveDate", Sort.Direction.Descending).and("number"), where.parameters()), page);
    }
}
