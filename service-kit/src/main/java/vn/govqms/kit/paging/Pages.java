package vn.govqms.kit.paging;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** Runs a Panache query as one page plus its total count. */
public final class Pages {

    private Pages() {
    }

    public static <T> Uni<Page<T>> of(PanacheQuery<T> query, PageRequest request) {
        return query.page(request.page(), request.size()).list()
                .flatMap(items -> query.count().map(total -> Page.of(items, request, total)));
    }
}
