package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.legal.Registers;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.text.VietnameseText;

import java.util.ArrayList;
import java.util.List;
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
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.text() != null) {
            where.add("searchText like :text");
            params.and("text", VietnameseText.containsPattern(f.text()));
        }
        if (f.field() != null) {
            where.add("field = :field");
            params.and("field", f.field());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (!f.provinces().everyProvince()) {
            where.add("(provinceCode is null or provinceCode in :provinces)");
            params.and("provinces", f.provinces().provinces().isEmpty() ? List.of("") : List.copyOf(f.provinces().provinces()));
        }
        var found = find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), Sort.by("code"), params);
        return Pages.of(found, page);
    }
}
