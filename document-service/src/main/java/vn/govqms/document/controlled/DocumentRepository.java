package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.text.VietnameseText;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<ControlledDocument, UUID> {

    /** Filters of the document list; null means any. Agencies: the ones the caller may see. */
    public record Filter(UUID agencyId, String provinceCode, DocumentType type, String text) {
    }

    public Uni<ControlledDocument> findByCode(UUID agencyId, String code) {
        return find("agencyId = ?1 and code = ?2", agencyId, code).firstResult();
    }

    public Uni<Page<ControlledDocument>> list(Filter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.agencyId() != null) {
            where.add("agencyId = :agency");
            params.and("agency", f.agencyId());
        }
        if (f.provinceCode() != null) {
            where.add("agencyId in (select a.id from Agency a where a.provinceCode = :province)");
            params.and("province", f.provinceCode());
        }
        if (f.type() != null) {
            where.add("type = :type");
            params.and("type", f.type());
        }
        if (f.text() != null) {
            where.add("searchText like :text");
            params.and("text", "%" + VietnameseText.fold(f.text()).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var found = find(String.join(" and ", where), Sort.by("code"), params);
        return found.page(page.page(), page.size()).list()
                .flatMap(items -> found.count().map(total -> Page.of(items, page, total)));
    }
}
