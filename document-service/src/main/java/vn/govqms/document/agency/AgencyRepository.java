package vn.govqms.document.agency;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.text.VietnameseText;

import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** Filters of the agency list; null means any. */
    public record Filter(String provinceCode, AgencyLevel level, String text) {
    }

    public Uni<Agency> findByCode(String code) {
        return find("code", code).firstResult();
    }

    /**
     * The condition of a list query on an entity whose {@code agencyId} is an agency: the agency asked for
     * ({@code requested}, which the caller must be able to read; 400 when unknown), else every agency
     * {@link Scope#rows()} lets the caller list.
     */
    public Uni<Void> listed(UUID requested, Scope scope, Where where) {
        if (requested != null) {
            where.equal("agencyId", requested);
            return findById(requested).invoke(a -> {
                if (a == null) {
                    throw ProblemException.invalidField("agencyId", "no agency with id " + requested);
                }
                scope.requireRead(a.ref());
            }).replaceWithVoid();
        }
        AgencyFilter rows = scope.rows();
        if (!rows.all()) {
            where.add("agencyId in (select a.id from Agency a where " + rows.jpql("a") + ")", rows.jpqlParameters());
        }
        return Uni.createFrom().voidItem();
    }

    /** The agencies that pass {@code f} among those {@code rows} admits (the caller's scope). */
    public Uni<Page<Agency>> list(Filter f, AgencyFilter rows, PageRequest page) {
        Where where = new Where().equal("provinceCode", f.provinceCode()).equal("level", f.level());
        if (!rows.all()) {
            where.add(rows.jpql(""), rows.jpqlParameters());
        }
        if (f.text() != null) {
            where.add("(nameFolded like :text or code like :text)", Map.of("text", VietnameseText.containsPattern(f.text())));
        }
        return Pages.of(find(where.jpql(), Sort.by("provinceCode").and("code"), where.parameters()), page);
    }
}
