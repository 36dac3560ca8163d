package vn.govqms.document.province;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ProvinceRepository implements PanacheRepositoryBase<Province, String> {

    /** The provinces that exist on {@code day}, by code. */
    public Uni<Page<Province>> existingOn(LocalDate day, PageRequest page) {
        return Pages.of(find("(validFrom is null or validFrom <= ?1) and (validTo is null or validTo >= ?1)", Sort.by("code"), day),
                page);
    }

    /** True when {@code code} is in the register (whether or not it exists today). */
    public Uni<Boolean> known(String code) {
        return count("code", code).map(n -> n > 0);
    }

    /** The names of these provinces over time, by code and oldest first. */
    Uni<List<ProvinceName>> names(Collection<String> codes) {
        return ProvinceName.<ProvinceName>list("code in ?1 order by code, validFrom nulls first", codes);
    }

    Uni<ProvinceMerger> mergerAt(String code, LocalDate effective) {
        return ProvinceMerger.<ProvinceMerger>find("code = ?1 and effectiveDate = ?2", code, effective).firstResult();
    }
}
