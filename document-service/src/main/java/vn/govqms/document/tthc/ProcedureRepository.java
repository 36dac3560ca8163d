package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.legal.Registers;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.text.VietnameseText;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ProcedureRepository implements PanacheRepositoryBase<AdministrativeProcedure, UUID> {

    /** Filters of the catalogue; null means any. The national catalogue, and the localised procedures of {@code provinces}. */
    public record Filter(String text, String field, ProcedureStatus status, Registers.Listing provinces) {
    }

    public Uni<AdministrativeProcedure> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<Page<AdministrativeProcedure>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("field", f.field()).equal("status", f.status());
        if (f.text() != null) {
            where.add("searchText like :text", Map.of("text", VietnameseText.containsPattern(f.text())));
        }
        if (!f.provinces().everyProvince()) {
            where.add("(provinceCode is null or provinceCode in :provinces)",
                    Map.of("provinces", f.provinces().provinces().isEmpty() ? List.of("") : List.copyOf(f.provinces().provinces())));
        }
        return Pages.of(find(where.jpql(), Sort.by("code"), where.parameters()), page);
    }
}
