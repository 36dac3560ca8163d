package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.text.VietnameseText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LegalDocumentRepository implements PanacheRepositoryBase<LegalDocument, UUID> {

    /** Filters of the register; null means any. {@code national} true: national only; false: the province's only. */
    public record Filter(String text, LegalDocumentType type, String provinceCode, Boolean national) {
    }

    public Uni<LegalDocument> findByNumber(String number) {
        return find("number", number).firstResult();
    }

    public Uni<List<LegalDocument>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    public Uni<Page<LegalDocument>> list(Filter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.text() != null) {
            where.add("searchText like :text");
            params.and("text", VietnameseText.containsPattern(f.text()));
        }
        if (f.type() != null) {
            where.add("type = :type");
            params.and("type", f.type());
        }
        if (Boolean.TRUE.equals(f.national())) {
            where.add("provinceCode is null");
        } else if (f.provinceCode() != null) {
            where.add(Boolean.FALSE.equals(f.national()) ? "provinceCode = :province"
                    : "(provinceCode is null or provinceCode = :province)");
            params.and("province", f.provinceCode());
        }
        var found = find(String.join(" and ", where), Sort.by("effectiveDate", Sort.Direction.Descending).and("number"), params);
        return Pages.of(found, page);
    }
}
