package vn.govqms.document.tthc;

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
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProcedureRepository implements PanacheRepositoryBase<AdministrativeProcedure, UUID> {

    /** Filters of the catalogue; null means any. Without a province: national procedures only. */
    public record Filter(String text, String field, ProcedureStatus status, String provinceCode) {
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
        if (f.provinceCode() != null) {
            where.add("(provinceCode is null or provinceCode = :province)");
            params.and("province", f.provinceCode());
        } else {
            where.add("provinceCode is null");
        }
        var found = find(String.join(" and ", where), Sort.by("code"), params);
        return Pages.of(found, page);
    }
}
