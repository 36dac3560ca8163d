package vn.govqms.kit.province;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The provinces' successions this service knows ({@code province_succession}, kept from document-service's
 * {@code province.merged} events, or written by document-service itself), held in memory for {@code Scope}:
 * loaded at start, after each change this instance applies, and every few seconds for changes that another
 * instance applied (a consumer's reload may run before its transaction commits: the next refresh sees it). The
 * table has a row per merged province (29 at most since 2025): a query every two seconds costs nothing.
 */
@ApplicationScoped
public class ProvinceRegister {

    @Inject Pool pool;
    private volatile ProvinceSuccessions successions = ProvinceSuccessions.NONE;

    public ProvinceSuccessions successions() {
        return successions;
    }

    void onStart(@Observes StartupEvent event) {
        reload().subscribe().with(x -> { }, e -> Log.warnf("Province successions not loaded yet: %s", e.getMessage()));
    }

    @Scheduled(every = "${govqms.provinces.refresh-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().invoke(e -> Log.debugf("Province successions not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reads the table again (after this instance recorded or applied a merger). */
    public Uni<ProvinceSuccessions> reload() {
        return pool.query("select code, successor_code, effective_date from province_succession").execute().map(rows -> {
            List<ProvinceSuccessions.Succession> all = new ArrayList<>();
            for (Row r : rows) {
                all.add(new ProvinceSuccessions.Succession(r.getString("code"), r.getString("successor_code"),
                        r.getLocalDate("effective_date")));
            }
            successions = new ProvinceSuccessions(all);
            return successions;
        });
    }
}
