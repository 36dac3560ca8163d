package vn.govqms.document.agency;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.text.VietnameseText;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** Filters of the agency list; null means any. */
    public record Filter(String provinceCode, AgencyLevel level, String text) {
    }

    public Uni<Agency> findByCode(String code) {
        return find("code", code).firstResult();
    }

    /** The agencies that pass {@code f} among those {@code rows} admits (the caller's scope). */
    public Uni<Page<Agency>> list(Filter f, AgencyFilter rows, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!rows.all()) {
            where.add(rows.jpql(""));
            rows.jpqlParameters().forEach(params::and);
        }
        if (f.provinceCode() != null) {
            where.add("provinceCode = :province");
            params.and("province", f.provinceCode());
        }
        if (f.level() != null) {
            where.add("level = :level");
            params.and("level", f.level());
        }

        if (f.text() != null) {
            where.add("(nameFolded like :text or code like :text)");
            params.and("text", VietnameseText.containsPattern(f.text()));
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        var found = find(query, Sort.by("provinceCode").and("code"), params);
        return Pages.of(found, page);
    }
}
